package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * email.pdf, and the screen copy pages/ is cut from: the RGB master with every photo reduced to at most
 * 150 dpi at its placed size and re-encoded as JPEG at quality 0.75, then saved with compressed object
 * streams. Text, fonts and vectors are untouched, so its text is the print edition's text exactly.
 * (Ghostscript's /ebook setting would shrink it further but garbles CJK text.)
 */
final class EmailPdf {

    static final double MAX_DPI = 150;
    static final float JPEG_QUALITY = 0.75f;
    /** What subscribers' mailboxes take comfortably for an eight-page issue. */
    static final long BUDGET_PER_8_PAGES = 2L * 1024 * 1024;

    private EmailPdf() {
    }

    /** The master with photos reduced for screens, saved: email and pages/ both start from it. */
    static byte[] screenCopy(Master master) throws IOException {
        try (PDDocument doc = master.open()) {
            Map<COSStream, PlacedImages.Placement> placed = PlacedImages.find(doc);
            ImageSwap.replaceAll(doc, image -> shrink(doc, image, placed.get(image.getCOSObject())));
            return StableSave.bytes(doc);
        }
    }

    static void write(byte[] screenCopy, Master master, Imprint imprint, Path file, Consumer<String> warnings)
            throws IOException {
        int pages;
        try (PDDocument screen = Loader.loadPDF(screenCopy)) {
            Navigation.add(screen, master.issue());
            imprint.writeInfo(screen);
            Imprint.attach(screen, imprint.xmp());
            screen.getDocumentCatalog().setLanguage(Imprint.LANGUAGE);
            StableSave.save(screen, file);
            pages = screen.getNumberOfPages();
        }
        long budget = Math.max(1, Math.round(pages / 8.0)) * BUDGET_PER_8_PAGES;
        long size = Files.size(file);
        if (size > budget) {
            warnings.accept(String.format(Locale.ROOT, "email: email.pdf is %.1f MB for %d pages, more than the "
                    + "%.0f MB a mailbox takes comfortably; fewer or smaller photos would help",
                    size / 1048576.0, pages, budget / 1048576.0));
        }
    }

    private static Optional<PDImageXObject> shrink(PDDocument doc, PDImageXObject image, PlacedImages.Placement p)
            throws IOException {
        if (image.isStencil() || p == null) {
            return Optional.empty();
        }
        boolean jpeg = Pixels.isJpeg(image);
        boolean tooFine = p.dpi() > MAX_DPI;
        if (!tooFine && !jpeg) {
            return Optional.empty();
        }
        BufferedImage img = image.getOpaqueImage();
        if (tooFine) {
            int[] size = Pixels.sizeFor(p, MAX_DPI);
            img = Pixels.scale(img, size[0], size[1]);
        }
        PDImageXObject out;
        if (jpeg) {
            byte[] encoded = Pixels.rgbJpeg(img, JPEG_QUALITY);
            if (!tooFine && encoded.length >= rawLength(image)) {
                return Optional.empty(); // already small: re-encoding would only lose quality
            }
            out = JPEGFactory.createFromByteArray(doc, encoded);
        } else {
            out = LosslessFactory.createFromImage(doc, Pixels.toRgb(img));
        }
        if (image.getCOSObject().containsKey(COSName.SMASK)) {
            out.getCOSObject().setItem(COSName.SMASK, image.getCOSObject().getItem(COSName.SMASK));
        }
        out.setInterpolate(image.getInterpolate());
        return Optional.of(out);
    }

    private static long rawLength(PDImageXObject image) throws IOException {
        try (InputStream in = image.getCOSObject().createRawInputStream()) {
            return in.readAllBytes().length;
        }
    }
}
