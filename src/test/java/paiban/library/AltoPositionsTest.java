package paiban.library;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import paiban.typeset.CharClass;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static paiban.library.Bundles.ALTO;
import static paiban.library.Bundles.named;
import static paiban.library.Bundles.number;

/**
 * Every String stands where the page PDF prints its first character: same character, same origin, same
 * baseline, to a fraction of a point. The PDF is read back with PDFBox, not from paiban's own records.
 */
class AltoPositionsTest {

    /** A quarter of the smallest type's hair space, and more than the rounding to 1/1200 inch. */
    static final double TOLERANCE = 0.15;

    static List<Path> issues() {
        return Bundles.both();
    }

    /** A glyph as printed: origin and baseline from the page's top-left, advance, in points. */
    record Printed(float x, float baseline, float advance) {
    }

    static Map<Integer, List<Printed>> printed(Path pdf) throws IOException {
        Map<Integer, List<Printed>> out = new HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper reader = new PDFTextStripper() {
                float top;

                @Override
                protected void startPage(PDPage page) throws IOException {
                    top = page.getMediaBox().getUpperRightY();
                    super.startPage(page);
                }

                @Override
                protected void processTextPosition(TextPosition t) {
                    if (t.getUnicode() == null || t.getUnicode().isEmpty()) return;
                    Matrix m = t.getTextMatrix();
                    out.computeIfAbsent(t.getUnicode().codePointAt(0), k -> new ArrayList<>())
                            .add(new Printed(m.getTranslateX(), top - m.getTranslateY(), t.getWidthDirAdj()));
                }
            };
            reader.setSortByPosition(false);
            reader.setSuppressDuplicateOverlappingText(false);
            reader.getText(doc);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("issues")
    void everyStringIsWhereThePagePdfPrintsIt(Path issue) throws IOException {
        int checked = 0;
        List<String> misplaced = new ArrayList<>();
        for (Path f : Bundles.altos(issue)) {
            Element alto = Bundles.xml(f).getDocumentElement();
            int page = Integer.parseInt(named(alto, ALTO, "Page").getFirst().getAttribute("PRINTED_IMG_NR"));
            Map<Integer, List<Printed>> pdf = printed(issue.resolve(String.format("pages/%02d.pdf", page)));
            for (Element line : named(alto, ALTO, "TextLine")) {
                String[] base = line.getAttribute("BASELINE").split("[ ,]");
                assertEquals(4, base.length, "BASELINE is a polyline x1,y1 x2,y2");
                double baseline = Integer.parseInt(base[1]) / AltoPage.PER_POINT;
                for (Element s : named(line, ALTO, "String")) {
                    int cp = s.getAttribute("CONTENT").codePointAt(0);
                    // an opening mark squeezed at its left begins, in ALTO, where its ink half does
                    if (CharClass.of(cp) == CharClass.OPENING) continue;
                    double x = number(s, "HPOS") / AltoPage.PER_POINT;
                    boolean found = pdf.getOrDefault(cp, List.of()).stream().anyMatch(p ->
                            Math.abs(p.x() - x) <= TOLERANCE && Math.abs(p.baseline() - baseline) <= TOLERANCE);
                    if (!found) misplaced.add(f.getFileName() + " " + line.getAttribute("ID") + " '" + s.getAttribute("CONTENT")
                            + "' at " + x + ", " + baseline);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, checked + " strings");
        assertEquals(List.of(), misplaced.subList(0, Math.min(10, misplaced.size())), misplaced.size() + " of " + checked);
    }

    @ParameterizedTest
    @MethodSource("issues")
    void aHanCharactersBoxIsItsPrintedAdvance(Path issue) throws IOException {
        Path f = Bundles.altos(issue).getFirst();
        Map<Integer, List<Printed>> pdf = printed(issue.resolve("pages/01.pdf"));
        int checked = 0;
        for (Element line : named(Bundles.xml(f).getDocumentElement(), ALTO, "TextLine")) {
            double baseline = Integer.parseInt(line.getAttribute("BASELINE").split("[ ,]")[1]) / AltoPage.PER_POINT;
            for (Element s : named(line, ALTO, "String")) {
                int cp = s.getAttribute("CONTENT").codePointAt(0);
                if (CharClass.of(cp) != CharClass.HAN || s.getAttribute("CONTENT").length() != 1) continue;
                double x = number(s, "HPOS") / AltoPage.PER_POINT;
                double w = number(s, "WIDTH") / AltoPage.PER_POINT;
                Printed p = pdf.get(cp).stream().filter(q -> Math.abs(q.x() - x) <= TOLERANCE
                        && Math.abs(q.baseline() - baseline) <= TOLERANCE).findFirst().orElseThrow();
                assertEquals(p.advance(), w, 2 * TOLERANCE, s.getAttribute("CONTENT"));
                checked++;
            }
        }
        assertTrue(checked > 500, checked + " Han characters");
    }
}
