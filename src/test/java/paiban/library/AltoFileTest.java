package paiban.library;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static paiban.library.Bundles.ALTO;
import static paiban.library.Bundles.all;
import static paiban.library.Bundles.children;
import static paiban.library.Bundles.named;
import static paiban.library.Bundles.number;

/**
 * What alto-4-4.xsd requires of each page file, checked without the schema: the element sequence,
 * required attributes, unique IDs and IDREFS that lead to the right elements, the measurement unit and
 * whole-number positions in it; and what the schema cannot say: boxes nest, Strings follow one another,
 * the page is the size of the page PDF.
 */
class AltoFileTest {

    static List<Path> issues() {
        return Bundles.both();
    }

    private static List<String> names(List<Element> es) {
        return es.stream().map(Element::getLocalName).toList();
    }

    @ParameterizedTest
    @MethodSource("issues")
    void theFileHasTheSchemasElementsInTheSchemasOrder(Path issue) {
        for (Path f : Bundles.altos(issue)) {
            Element alto = Bundles.xml(f).getDocumentElement();
            assertEquals(ALTO, alto.getNamespaceURI(), f + ": the ALTO v4 namespace");
            assertEquals("alto", alto.getLocalName());
            assertEquals("4.4", alto.getAttribute("SCHEMAVERSION"));
            assertTrue(alto.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation")
                    .endsWith("alto-4-4.xsd"));
            for (Element e : all(alto)) assertEquals(ALTO, e.getNamespaceURI(), e.getLocalName() + " outside the namespace");
            // altoType: Description?, Styles?, Tags?, ReadingOrder?, Layout
            assertEquals(List.of("Description", "Styles", "Tags", "Layout"), names(children(alto)), f.toString());
            Element description = children(alto).get(0);
            // DescriptionType: MeasurementUnit (required, first), sourceImageInformation?, OCRProcessing*, Processing*
            assertEquals(List.of("MeasurementUnit", "sourceImageInformation", "Processing"), names(children(description)));
            assertEquals("inch1200", children(description).get(0).getTextContent());
            Element processing = children(description).get(2);
            assertFalse(processing.getAttribute("ID").isEmpty(), "Processing needs an ID");
            assertEquals(List.of("processingCategory", "processingDateTime", "processingStepDescription",
                    "processingSoftware"), names(children(processing)));
            for (Element s : children(children(alto).get(1))) assertEquals("TextStyle", s.getLocalName());
            for (Element t : children(children(alto).get(2))) {
                assertEquals("StructureTag", t.getLocalName());
                assertFalse(t.getAttribute("ID").isEmpty() || t.getAttribute("LABEL").isEmpty(), "a Tag needs ID and LABEL");
            }
            List<Element> pages = children(children(alto).get(3));
            assertEquals(List.of("Page"), names(pages), "one Page per file");
            Element page = pages.get(0);
            assertFalse(page.getAttribute("ID").isEmpty(), "Page needs an ID");
            assertTrue(page.getAttribute("PHYSICAL_IMG_NR").matches("\\d+"), "Page needs PHYSICAL_IMG_NR");
            assertEquals(List.of("PrintSpace"), names(children(page)));
            for (Element block : children(children(page).get(0))) {
                assertTrue(Set.of("TextBlock", "Illustration").contains(block.getLocalName()), block.getLocalName());
                assertFalse(block.getAttribute("ID").isEmpty(), "every block needs an ID");
                for (Element line : children(block)) {
                    assertEquals("TextLine", line.getLocalName());
                    List<String> seq = names(children(line));
                    // (String, SP?)+ : a String first, never two SPs in a row; a line with no String is invalid
                    assertEquals("String", seq.getFirst(), line.getAttribute("ID"));
                    assertEquals("String", seq.getLast(), line.getAttribute("ID") + ": a space at a line's end means nothing");
                    for (int i = 0; i < seq.size(); i++) {
                        assertTrue(seq.get(i).equals("String") || (seq.get(i).equals("SP") && seq.get(i + 1).equals("String")),
                                line.getAttribute("ID") + ": " + seq);
                    }
                    for (Element s : children(line)) {
                        if (s.getLocalName().equals("String")) {
                            assertTrue(s.hasAttribute("CONTENT"), "CONTENT is required");
                            String c = s.getAttribute("CONTENT");
                            assertFalse(c.isEmpty() || Bundles.squeeze(c).length() != c.length(),
                                    line.getAttribute("ID") + ": a String holds no space: '" + c + "'");
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("issues")
    void idsAreUniqueAndEveryReferenceLeadsToItsKind(Path issue) {
        for (Path f : Bundles.altos(issue)) {
            Element alto = Bundles.xml(f).getDocumentElement();
            Map<String, String> ids = new HashMap<>();
            for (Element e : all(alto)) {
                if (e.hasAttribute("ID")) {
                    String id = e.getAttribute("ID");
                    assertTrue(id.matches("[A-Za-z_][A-Za-z0-9._-]*"), id + " is no xsd:ID");
                    assertEquals(null, ids.put(id, e.getLocalName()), f + ": ID " + id + " twice");
                }
            }
            int refs = 0;
            for (Element e : all(alto)) {
                for (String id : e.getAttribute("STYLEREFS").split(" ")) {
                    if (id.isEmpty()) continue;
                    assertEquals("TextStyle", ids.get(id), e.getAttribute("ID") + " STYLEREFS " + id);
                    refs++;
                }
                for (String id : e.getAttribute("TAGREFS").split(" ")) {
                    if (id.isEmpty()) continue;
                    assertEquals("StructureTag", ids.get(id), e.getAttribute("ID") + " TAGREFS " + id);
                }
            }
            assertTrue(refs > 0, "lines name their styles");
        }
    }

    @ParameterizedTest
    @MethodSource("issues")
    void boxesAreWholeUnitsAndNestPageSpaceBlockLineString(Path issue) throws IOException {
        for (Path f : Bundles.altos(issue)) {
            Element page = named(Bundles.xml(f).getDocumentElement(), ALTO, "Page").getFirst();
            int pageNumber = Integer.parseInt(page.getAttribute("PRINTED_IMG_NR"));
            try (PDDocument pdf = Loader.loadPDF(issue.resolve(String.format("pages/%02d.pdf", pageNumber)).toFile())) {
                PDRectangle media = pdf.getPage(0).getMediaBox();
                assertEquals(Math.round(media.getWidth() * AltoPage.PER_POINT), number(page, "WIDTH"), 1, f + ": page width");
                assertEquals(Math.round(media.getHeight() * AltoPage.PER_POINT), number(page, "HEIGHT"), 1, f + ": page height");
            }
            int[] pageBox = {0, 0, number(page, "WIDTH"), number(page, "HEIGHT")};
            Element space = children(page).getFirst();
            inside(box(space), pageBox, "PrintSpace");
            int blocks = 0, lines = 0, strings = 0;
            for (Element block : children(space)) {
                blocks++;
                inside(box(block), pageBox, block.getAttribute("ID"));
                for (Element line : children(block)) {
                    lines++;
                    inside(box(line), box(block), line.getAttribute("ID"));
                    int previousEnd = Integer.MIN_VALUE;
                    for (Element s : children(line)) {
                        int[] b = box(s);
                        inside(b, box(line), line.getAttribute("ID") + " " + s.getAttribute("CONTENT"));
                        assertTrue(b[0] >= previousEnd, line.getAttribute("ID") + ": '" + s.getAttribute("CONTENT")
                                + "' starts before the String before it ends");
                        previousEnd = b[0] + b[2];
                        if (s.getLocalName().equals("String")) strings++;
                    }
                }
            }
            assertTrue(blocks > 0 && lines > 10 * blocks / 2 && strings > 10 * lines, f + ": " + blocks + " blocks, "
                    + lines + " lines, " + strings + " strings");
        }
    }

    /** HPOS, VPOS, WIDTH, HEIGHT: whole numbers, never negative. */
    private static int[] box(Element e) {
        int[] b = {number(e, "HPOS"), number(e, "VPOS"), number(e, "WIDTH"), number(e, "HEIGHT")};
        assertTrue(b[0] >= 0 && b[1] >= 0 && b[2] >= 0 && b[3] > 0, e.getLocalName() + " " + e.getAttribute("ID"));
        return b;
    }

    private static void inside(int[] inner, int[] outer, String what) {
        assertTrue(inner[0] >= outer[0] && inner[1] >= outer[1] && inner[0] + inner[2] <= outer[0] + outer[2]
                        && inner[1] + inner[3] <= outer[1] + outer[3],
                what + " " + java.util.Arrays.toString(inner) + " is not inside " + java.util.Arrays.toString(outer));
    }

    @ParameterizedTest
    @MethodSource("issues")
    void everyPhotoIsAnIllustration(Path issue) {
        Set<String> seen = new HashSet<>();
        int photos = 0;
        for (Path f : Bundles.altos(issue)) {
            Element alto = Bundles.xml(f).getDocumentElement();
            for (Element e : named(alto, ALTO, "Illustration")) {
                photos++;
                assertEquals("photo", e.getAttribute("TYPE"));
                assertTrue(seen.add(e.getAttribute("ID")));
            }
        }
        // every photo of the copy is printed, and each once
        int copyPhotos = Bundles.issue(issue).articles().stream().mapToInt(a -> a.photos().size()).sum();
        assertTrue(copyPhotos > 0);
        assertEquals(copyPhotos, photos, "one Illustration for each photo");
    }
}
