package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * previews/NN.png, about 1200 px tall, for web pages and the email; previews/thumbs/NN.png, 240 px
 * tall, shrunk from the large one.
 */
final class Previews {

    static final int HEIGHT = 1200;
    static final int THUMB_HEIGHT = 240;

    private Previews() {
    }

    static String fileName(int number) {
        return OutputFiles.preview(number);
    }

    static String thumbName(int number) {
        return OutputFiles.thumb(number);
    }

    /** How many pages one task renders from one copy of the document, whose parsed glyphs they share. */
    static final int PAGES_PER_TASK = 4;

    /** One page to draw: its index in the document and the two files its pictures go to. */
    record Target(int pageIndex, Path preview, Path thumb) {
    }

    /**
     * Renders pages of the screen copy (its photos are already at screen resolution, so there are fewer
     * pixels to decode) to their previews, and shrinks each for its thumbnail: rendering again at thumbnail
     * size would cost as much again, since drawing the glyphs, not filling pixels, is the work. A few pages
     * a call, so an issue renders on all cores, yet pages in one call share the glyphs their document has
     * parsed (a fifth of the work when every page opened its own copy). The glyphs themselves are
     * stamped from {@code glyphs}, which all the calls of one build share.
     */
    static void write(byte[] screenCopy, GlyphMasks glyphs, List<Target> pages) throws IOException {
        try (PDDocument doc = Loader.loadPDF(screenCopy)) {
            PreviewRenderer renderer = new PreviewRenderer(doc, glyphs);
            renderer.setSubsamplingAllowed(true);
            for (Target t : pages) {
                float height = doc.getPage(t.pageIndex()).getCropBox().getHeight();
                BufferedImage big = renderer.draw(t.pageIndex(), HEIGHT / height);
                png(big, t.preview());
                int width = Math.max(1, Math.round(big.getWidth() * (float) THUMB_HEIGHT / big.getHeight()));
                png(Pixels.scaleForScreen(big, width, THUMB_HEIGHT), t.thumb());
            }
        }
    }

    /**
     * Deflate level 1: as small as ImageIO's default level 4 on pages with photos, and a third quicker
     * (measured with ImageIO's writer; {@link PngFile} compresses the same way).
     */
    private static final int DEFLATE_LEVEL = 1;

    private static void png(BufferedImage image, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            PngFile.write(image, out, DEFLATE_LEVEL);
        }
    }
}
