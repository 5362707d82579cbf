package paiban.finish;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * previews/NN.png, about 1200 px tall, for web pages and the email; previews/thumbs/NN.png, 240 px
 * tall, rendered small directly rather than shrunk from the large one (faster, and sharper).
 */
final class Previews {

    static final int HEIGHT = 1200;
    static final int THUMB_HEIGHT = 240;

    private Previews() {
    }

    static String fileName(int number) {
        return String.format(Locale.ROOT, "previews/%02d.png", number);
    }

    static String thumbName(int number) {
        return String.format(Locale.ROOT, "previews/thumbs/%02d.png", number);
    }

    static void write(Master master, Staging staging) throws IOException {
        try (PDDocument doc = master.open()) {
            PDFRenderer renderer = new PDFRenderer(doc);
            renderer.setSubsamplingAllowed(true);
            var pages = master.issue().pages();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                float height = doc.getPage(i).getCropBox().getHeight();
                int number = pages.get(i).number();
                png(renderer.renderImage(i, HEIGHT / height, ImageType.RGB), staging.file(fileName(number)));
                png(renderer.renderImage(i, THUMB_HEIGHT / height, ImageType.RGB), staging.file(thumbName(number)));
            }
        }
    }

    private static void png(BufferedImage image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java");
            }
        }
    }
}
