package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Previews drawn with glyph masks against the same pages drawn by PDFBox alone: the same size, and the
 * same picture to within anti-aliasing's rounding, whether the glyphs are stamped or left to PDFBox.
 */
class PreviewRendererTest {

    static byte[] screenCopy;

    @BeforeAll
    static void build() throws IOException {
        // email.pdf is the screen copy the previews are drawn from, with its links and outline added
        screenCopy = Files.readAllBytes(FinishedFixture.shared().file("email.pdf"));
    }

    @Test
    void stampedGlyphsLookAsPdfBoxDrawsThem() throws IOException {
        try (PDDocument doc = Loader.loadPDF(screenCopy)) {
            int[] counts = compare(doc);
            assertTrue(counts[0] > 100, "most glyphs are stamped from masks: " + counts[0]);
            // the fixture's page 1 has a line of a headline cut by its frame's clip: those are PDFBox's
            assertTrue(counts[1] < counts[0] / 5, "few glyphs are left to PDFBox: " + counts[1]);
        }
    }

    @Test
    void rotatedGlyphsAreLeftToPdfBox() throws IOException {
        try (PDDocument doc = Loader.loadPDF(screenCopy)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream before = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.PREPEND, false)) {
                before.saveGraphicsState();
                // turn the page 3° about its middle
                double a = Math.toRadians(3), cx = page.getCropBox().getWidth() / 2, cy = page.getCropBox().getHeight() / 2;
                before.transform(new org.apache.pdfbox.util.Matrix((float) Math.cos(a), (float) Math.sin(a),
                        (float) -Math.sin(a), (float) Math.cos(a),
                        (float) (cx - cx * Math.cos(a) + cy * Math.sin(a)), (float) (cy - cx * Math.sin(a) - cy * Math.cos(a))));
            }
            try (PDPageContentStream after = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                after.restoreGraphicsState();
            }
            int[] counts = compare(doc);
            assertEquals(0, counts[0], "a turned glyph is never stamped");
            assertTrue(counts[1] > 100, "PDFBox draws them: " + counts[1]);
        }
    }

    @Test
    void glyphsInARoundClipAreLeftToPdfBox() throws IOException {
        try (PDDocument doc = Loader.loadPDF(screenCopy)) {
            PDPage page = doc.getPage(0);
            float w = page.getCropBox().getWidth(), h = page.getCropBox().getHeight();
            try (PDPageContentStream before = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.PREPEND, false)) {
                before.saveGraphicsState();
                // a diamond across the whole page: no glyph lies wholly inside a rectangle of it
                before.moveTo(w / 2, 0);
                before.lineTo(w, h / 2);
                before.lineTo(w / 2, h);
                before.lineTo(0, h / 2);
                before.closePath();
                before.clip();
            }
            try (PDPageContentStream after = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                after.restoreGraphicsState();
            }
            int[] counts = compare(doc);
            assertEquals(0, counts[0]);
            assertTrue(counts[1] > 100, "PDFBox draws them: " + counts[1]);
        }
    }

    /** Draws page 1 both ways at preview size and checks they agree; returns the glyphs stamped and drawn. */
    private static int[] compare(PDDocument doc) throws IOException {
        float scale = Previews.HEIGHT / doc.getPage(0).getCropBox().getHeight();
        PDFRenderer plain = new PDFRenderer(doc);
        plain.setSubsamplingAllowed(true);
        BufferedImage expected = plain.renderImage(0, scale, ImageType.RGB);
        PreviewRenderer masked = new PreviewRenderer(doc, GlyphMasks.forPreviews());
        masked.setSubsamplingAllowed(true);
        BufferedImage actual = masked.draw(0, scale);
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        long sum = 0, far = 0, ink = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int p = expected.getRGB(x, y), q = actual.getRGB(x, y);
                int most = 0;
                for (int shift = 0; shift < 24; shift += 8) {
                    most = Math.max(most, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
                }
                sum += most;
                if (most > 96) far++;
                if ((p & 0xff) < 128) ink++;
            }
        }
        long pixels = (long) expected.getWidth() * expected.getHeight();
        assertTrue(ink > pixels / 50, "the page has ink to compare: " + ink);
        // a glyph placed a quarter pixel off shifts its edge pixels' grey a little, never a whole stroke
        assertTrue(sum < 4L * pixels, "mean difference " + (double) sum / pixels);
        assertTrue(far < pixels / 1000, far + " pixels far from PDFBox's");
        return masked.counts();
    }
}
