package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;
import paiban.render.RenderedIssue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrintPdfTest {

    private static final float BLEED = 72 * 3 / 25.4f;

    static FinishedFixture built;

    @BeforeAll
    static void build() throws IOException {
        built = FinishedFixture.shared();
    }

    private static PDDocument print() throws IOException {
        return Loader.loadPDF(built.file("print.pdf").toFile());
    }

    @Test
    void noDeviceRgbRemainsInContentImagesOrResources() throws IOException {
        try (PDDocument doc = print()) {
            assertEquals(List.of(), ColourAudit.rgbUses(doc));
            for (PDPage page : doc.getPages()) {
                for (Object t : new PDFStreamParser(page).parse()) {
                    if (t instanceof Operator op) {
                        assertFalse(op.getName().equals("rg") || op.getName().equals("RG"), "RGB operator " + op);
                    } else {
                        assertFalse(COSName.DEVICERGB.equals(t), "content names /DeviceRGB");
                    }
                }
                PDResources res = page.getResources();
                for (COSName name : res.getXObjectNames()) {
                    if (res.getXObject(name) instanceof PDImageXObject image) {
                        assertInstanceOf(PDDeviceCMYK.class, image.getColorSpace(), name + " is not CMYK");
                    }
                }
                assertFalse(page.getCOSObject().containsKey(COSName.ANNOTS), "annotations stay out of print");
            }
            // Nothing anywhere in the file may even name DeviceRGB.
            CosWalk.dictionaries(doc.getDocument().getTrailer(), d -> {
                for (COSName key : d.keySet()) {
                    assertFalse(COSName.DEVICERGB.equals(d.getDictionaryObject(key)), key + " names DeviceRGB in " + d);
                }
            });
        }
    }

    @Test
    void theAuditFindsTheRgbOfTheRenderedMaster() throws IOException {
        try (PDDocument master = Loader.loadPDF(built.rendered().pdf().toFile())) {
            List<String> found = ColourAudit.rgbUses(master);
            assertTrue(found.stream().anyMatch(s -> s.contains("page 1 content") && s.contains("rg")), found.toString());
            assertTrue(found.stream().anyMatch(s -> s.contains("Image") && s.contains("ColorSpace")), found.toString());
        }
    }

    @Test
    void trimIsTheRenderedPageAndBleedAddsThreeMillimetres() throws IOException {
        try (PDDocument doc = print(); PDDocument master = Loader.loadPDF(built.rendered().pdf().toFile())) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDPage page = doc.getPage(i);
                PDRectangle rendered = master.getPage(i).getMediaBox();
                PDRectangle trim = page.getTrimBox(), bleed = page.getBleedBox(), media = page.getMediaBox();
                assertTrue(page.getCOSObject().containsKey(COSName.TRIM_BOX));
                assertTrue(page.getCOSObject().containsKey(COSName.BLEED_BOX));
                assertEquals(rendered.getWidth(), trim.getWidth(), 0.01);
                assertEquals(rendered.getHeight(), trim.getHeight(), 0.01);
                assertEquals(trim.getLowerLeftX() - BLEED, bleed.getLowerLeftX(), 0.01);
                assertEquals(trim.getLowerLeftY() - BLEED, bleed.getLowerLeftY(), 0.01);
                assertEquals(trim.getUpperRightX() + BLEED, bleed.getUpperRightX(), 0.01);
                assertEquals(trim.getUpperRightY() + BLEED, bleed.getUpperRightY(), 0.01);
                assertArrayEquals(bleed.getCOSArray().toFloatArray(), media.getCOSArray().toFloatArray(), 0.01f,
                        "without marks the media is the bleed");
            }
        }
    }

    @Test
    void bodyTextAndRulesArePureBlackAndColouredTextIsProcessColour() throws IOException {
        try (PDDocument doc = print()) {
            Colours colours = Colours.of(doc, 0);
            float[] k = {0, 0, 0, 1};
            assertArrayEquals(k, colours.textColour(RenderedFixture.LEAD_BODY_1.substring(6, 10)), 0.001f);
            assertArrayEquals(k, colours.textColour(RenderedFixture.LEAD_TITLE.substring(0, 4)), 0.001f);
            float[] caption = colours.textColour(RenderedFixture.CAPTION_LARGE.substring(0, 3));
            assertArrayEquals(new float[]{0, 0, 0, 1 - 0x55 / 255f}, caption, 0.002f, "#555 grey is a K tint");
            float[] masthead = colours.textColour("广东科技报".substring(0, 2));
            assertTrue(masthead[1] > 0.9 && masthead[2] > 0.9, "red masthead is magenta and yellow");
            // The 1 pt rule under the band: a wide, thin filled rectangle.
            List<float[]> rules = colours.fills(r -> r.getWidth() > 500 && r.getHeight() < 2);
            assertFalse(rules.isEmpty(), "the rule was not found");
            for (float[] rule : rules) assertArrayEquals(k, rule, 0.001f);
        }
    }

    @Test
    void photosBecomeCmykJpegsThatStillShowTheirColours() throws IOException {
        try (PDDocument doc = print()) {
            PDPage page = doc.getPage(0);
            PDImageXObject photo = null;
            for (COSName n : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(n) instanceof PDImageXObject i) photo = i;
            }
            assertTrue(photo != null && Pixels.isJpeg(photo), "the photo is a JPEG");
            assertEquals(1600, photo.getWidth());

            // Rendered, the sky is still blue, the grass green and the sun red: not inverted, not swapped.
            BufferedImage rendered = new PDFRenderer(doc).renderImageWithDPI(0, 36, ImageType.RGB);
            BufferedImage original = RenderedFixture.photo(1600, 1000, 7);
            PDRectangle trim = page.getTrimBox();
            // Where Flying Saucer put the photo (points from the rendered page's lower left).
            float x = 48.53f, y = 596.59f, w = 510.23f, h = 318.9f;
            // Sky, grass, the middle of the sun.
            double[][] spots = {{0.5, 0.3}, {0.5, 0.8}, {0.1 + 1 / 12.0, 0.1 + 1600 / 12.0 / 1000}};
            for (double[] s : spots) {
                int ox = (int) (s[0] * 1600), oy = (int) (s[1] * 1000);
                float px = trim.getLowerLeftX() + x + (float) s[0] * w;
                float py = trim.getLowerLeftY() + y + h - (float) s[1] * h;
                int rx = Math.round(px / 72 * 36), ry = Math.round((page.getMediaBox().getHeight() - py) / 72 * 36);
                int[] want = average(original, ox, oy, 12), got = average(rendered, rx, ry, 1);
                for (int c = 0; c < 3; c++) {
                    assertTrue(Math.abs(want[c] - got[c]) < 60, "at " + s[0] + "," + s[1] + " channel " + c
                            + ": photo " + want[c] + ", print " + got[c]);
                }
            }
        }
    }

    private static int[] average(BufferedImage img, int cx, int cy, int r) {
        long[] sum = new long[3];
        int n = 0;
        for (int y = cy - r; y <= cy + r; y++) {
            for (int x = cx - r; x <= cx + r; x++) {
                int p = img.getRGB(x, y);
                sum[0] += (p >> 16) & 0xff;
                sum[1] += (p >> 8) & 0xff;
                sum[2] += p & 0xff;
                n++;
            }
        }
        return new int[]{(int) (sum[0] / n), (int) (sum[1] / n), (int) (sum[2] / n)};
    }

    @Test
    void aPhotoUnderTwoHundredDpiIsNamedInAWarning() {
        List<String> low = built.warnings().stream().filter(w -> w.contains("dpi")).toList();
        assertEquals(1, low.size(), built.warnings().toString());
        assertTrue(low.get(0).contains(RenderedFixture.SMALL_PHOTO), low.get(0));
        assertTrue(low.get(0).contains("page 2") && low.get(0).contains("85 dpi"), low.get(0));
    }

    @Test
    void outputIntentAndPdfxVersionAreDeclared() throws IOException {
        try (PDDocument doc = print()) {
            assertEquals(1.6f, doc.getVersion(), 0.001f);
            var intents = doc.getDocumentCatalog().getOutputIntents();
            assertEquals(1, intents.size());
            COSDictionary intent = intents.get(0).getCOSObject();
            assertEquals("GTS_PDFX", intent.getNameAsString(COSName.S));
            COSStream profile = intents.get(0).getDestOutputIntent();
            assertEquals(4, profile.getInt(COSName.N));
            assertEquals("False", doc.getDocumentInformation().getTrapped());
            assertEquals(PrintPdf.PDFX_VERSION, doc.getDocumentInformation().getCustomMetadataValue("GTS_PDFXVersion"));
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("GTS_PDFXVersion>PDF/X-4<") || xmp.contains("GTS_PDFXVersion=\"PDF/X-4\""), xmp);
            assertTrue(xmp.contains("Trapped"), xmp);
            assertTrue(xmp.contains("VersionID") && xmp.contains("RenditionClass") && xmp.contains("DocumentID"), xmp);
        }
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument doc = print()) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName n : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(n);
                    assertTrue(f.isEmbedded(), f.getName() + " is not embedded");
                    fonts++;
                }
            }
            assertTrue(fonts >= 2);
        }
    }

    @Test
    void printTextIsTheRenderedText() throws IOException {
        try (PDDocument doc = print(); PDDocument master = Loader.loadPDF(built.rendered().pdf().toFile())) {
            assertEquals(new PDFTextStripper().getText(master), new PDFTextStripper().getText(doc));
        }
    }

    @Test
    void cropMarksStandOutsideTheBleedInRegistrationColour(@TempDir Path dir) throws IOException {
        RenderedIssue r = RenderedFixture.shared();
        Editions.write(r, dir, FinishedFixture.options(r).withEditions(EnumSet.of(Edition.PRINT)).withMarks(true));
        try (PDDocument doc = Loader.loadPDF(dir.resolve("print.pdf").toFile())) {
            PDPage page = doc.getPage(0);
            PDRectangle bleed = page.getBleedBox(), media = page.getMediaBox();
            assertTrue(media.getWidth() > bleed.getWidth() + 10 && media.getHeight() > bleed.getHeight() + 10);
            Colours colours = Colours.of(doc, 0);
            List<Colours.Stroke> marks = colours.strokes();
            assertEquals(8, marks.size(), "two marks per corner");
            for (Colours.Stroke m : marks) {
                assertEquals("Separation", m.space(), "registration colour");
                PDRectangle b = m.box();
                boolean outside = b.getUpperRightX() <= bleed.getLowerLeftX() || b.getLowerLeftX() >= bleed.getUpperRightX()
                        || b.getUpperRightY() <= bleed.getLowerLeftY() || b.getLowerLeftY() >= bleed.getUpperRightY();
                assertTrue(outside, "mark at " + b + " inside bleed " + bleed);
                assertTrue(media.contains(b.getLowerLeftX(), b.getLowerLeftY()) && media.contains(b.getUpperRightX(), b.getUpperRightY()));
            }
            assertEquals(List.of(), ColourAudit.rgbUses(doc));
        }
    }

    @Test
    void aProfileThatIsNotCmykIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        RenderedIssue r = RenderedFixture.shared();
        Path srgb = dir.resolve("srgb.icc");
        java.nio.file.Files.write(srgb, java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData());
        Path out = dir.resolve("out");
        PaibanException e = assertThrows(PaibanException.class, () -> Editions.write(r, out,
                FinishedFixture.options(r).withCmykProfile(srgb)));
        assertTrue(e.getMessage().contains("--cmyk-profile") && e.getMessage().contains("CMYK"), e.getMessage());
        assertFalse(out.toFile().exists() && new File(out.toFile(), "archive.pdf").exists());
    }

    @Test
    void theDefaultProfileIsNamedInTheOutputIntent() throws IOException {
        CmykProfile p = CmykProfile.load(EditionOptions.DEFAULT_CMYK_PROFILE);
        assertFalse(p.description().isBlank());
        try (PDDocument doc = print()) {
            assertEquals(p.description(), doc.getDocumentCatalog().getOutputIntents().get(0).getOutputCondition());
        }
    }
}
