package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
    static byte[] screenCopy(Master master, PreparedPhotos photos) throws IOException {
        try (PDDocument doc = master.open()) {
            ImageSwap.replaceAll(doc, image -> swap(doc, image, photos.screen(image)));
            return StableSave.internal(doc);
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

    /**
     * A photo's screen form, from its decoded pixels: at most {@link #MAX_DPI} at its placed size, a JPEG
     * at {@link #JPEG_QUALITY} if it was one (else lossless). Null when re-encoding would only lose quality:
     * a JPEG already fine enough and smaller than the new one would be. Runs on a worker.
     *
     * @param rawLength the size of the JPEG as embedded now
     */
    static Pixels.Encoded shrink(BufferedImage img, boolean jpeg, Placement p, long rawLength)
            throws IOException {
        boolean tooFine = p.dpi() > MAX_DPI;
        if (tooFine) {
            int[] size = Pixels.sizeFor(p, MAX_DPI);
            img = Pixels.scaleForScreen(img, size[0], size[1]);
        }
        int w = img.getWidth(), h = img.getHeight();
        if (jpeg) {
            byte[] encoded = Pixels.rgbJpeg(img, JPEG_QUALITY);
            if (!tooFine && encoded.length >= rawLength) {
                return null; // already small: re-encoding would only lose quality
            }
            return new Pixels.Encoded(encoded, true, w, h, PDDeviceRGB.INSTANCE);
        }
        return new Pixels.Encoded(Pixels.deflatedRgb(img), false, w, h, PDDeviceRGB.INSTANCE);
    }

    /** Puts a prepared screen photo in place of the original, keeping its soft mask and interpolation. */
    private static Optional<PDImageXObject> swap(PDDocument doc, PDImageXObject image, Pixels.Encoded small)
            throws IOException {
        if (small == null) {
            return Optional.empty();
        }
        PDImageXObject out = small.toImage(doc);
        if (image.getCOSObject().containsKey(COSName.SMASK)) {
            out.getCOSObject().setItem(COSName.SMASK, image.getCOSObject().getItem(COSName.SMASK));
        }
        out.setInterpolate(image.getInterpolate());
        return Optional.of(out);
    }
}
