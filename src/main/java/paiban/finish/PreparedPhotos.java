package paiban.finish;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import paiban.core.Workers;
import paiban.codec.TurboJpeg;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Every photo of the master decoded once and turned, on all cores, into what the editions put in its
 * place: a CMYK JPEG for print ({@link PrintPdf#toCmyk}), a smaller RGB JPEG for screens
 * ({@link EmailPdf#shrink}). Decoding, separating and encoding photos is most of a build's work, so it
 * runs once per photo and in parallel rather than once per edition, one photo after another.
 *
 * <p>Images are found by their object key, which is the same in every copy of the master. A plain JPEG
 * (the renderer embeds photos byte for byte) is decoded on a worker from its bytes; anything else (a PNG,
 * an ICC-tagged or CMYK JPEG) is decoded by PDFBox on the calling thread, since PDFBox objects belong to
 * their document and must not be shared between threads.
 */
final class PreparedPhotos {

    /** One image's replacements; a null one means the edition keeps the original. */
    record Prepared(PlacedImages.Placement placement, Pixels.Encoded print, Pixels.Encoded screen) {
    }

    private final Map<COSObjectKey, Prepared> byKey;
    private final int early;

    private PreparedPhotos(Map<COSObjectKey, Prepared> byKey, int early) {
        this.byKey = byKey;
        this.early = early;
    }

    static PreparedPhotos none() {
        return new PreparedPhotos(Map.of(), 0);
    }

    /** How many photos came ready from the head start. */
    int early() {
        return early;
    }

    /**
     * @param transform the print separation, or null when print is not wanted
     * @param screen    whether the screen copy (email, pages, previews) is wanted
     * @param head      photos compose placed, prepared while the pages were rendered
     */
    static PreparedPhotos of(PDDocument master, CmykTransform transform, boolean screen, PhotoHeadStart head)
            throws IOException {
        Map<COSStream, PlacedImages.Placement> placed = PlacedImages.find(master);
        Map<COSObjectKey, Prepared> byKey = new LinkedHashMap<>();
        int fromHead = 0;
        List<COSObjectKey> keys = new ArrayList<>();
        List<Callable<Prepared>> tasks = new ArrayList<>();
        for (PlacedImages.Placement p : placed.values()) {
            COSStream stream = p.image();
            if (stream.getKey() == null) continue; // an inline image: nothing the renderer writes
            PDImageXObject image = new PDImageXObject(new PDStream(stream), null);
            if (image.isStencil()) continue;
            PDColorSpace space = image.getColorSpace();
            boolean jpeg = Pixels.isJpeg(image);
            CmykTransform separation = transform != null && ContentColours.isRgb(space) ? transform : null;
            boolean toScreen = screen && (jpeg || p.dpi() > EmailPdf.MAX_DPI);
            if (separation == null && !toScreen) continue;
            byte[] raw = jpeg ? raw(stream) : null;
            boolean plain = plainJpeg(image);
            if (plain) {
                Optional<PhotoHeadStart.Early> early = head.find(raw);
                if (early.isPresent() && fits(early.get(), p, space instanceof PDDeviceGray, separation != null)) {
                    Prepared e = early.get().prepared();
                    byKey.put(stream.getKey(), new Prepared(p, separation != null ? e.print() : null,
                            toScreen ? e.screen() : null));
                    fromHead++;
                    continue;
                }
            }
            Source source = plain ? Source.of(raw) : Source.of(image.getOpaqueImage());
            long rawLength = raw != null ? raw.length : Long.MAX_VALUE;
            keys.add(stream.getKey());
            tasks.add(() -> prepare(source, jpeg, p, separation, toScreen, rawLength));
        }
        List<Prepared> done = Workers.all(tasks);
        for (int i = 0; i < keys.size(); i++) byKey.put(keys.get(i), done.get(i));
        return new PreparedPhotos(byKey, fromHead);
    }

    /**
     * A photo's print form (when {@code separation} is given) and screen form (when {@code screen}) from its
     * pixels; the heavy part of a build, run on a worker. Each form is made from pixels decoded for it
     * alone, so that email.pdf is the same whether or not print is built beside it; the two share one
     * decode whenever they need the same size.
     */
    static Prepared prepare(Source source, boolean jpeg, PlacedImages.Placement p, CmykTransform separation,
                            boolean screen, long rawLength) throws IOException {
        Pixels.Encoded print = separation != null
                ? PrintPdf.toCmyk(source.at(Pixels.needed(p, true, false)), jpeg, p, separation) : null;
        Pixels.Encoded small = screen
                ? EmailPdf.shrink(source.at(Pixels.needed(p, false, true)), jpeg, p, rawLength) : null;
        return new Prepared(p, print, small);
    }

    /**
     * Whether early work, done for compose's placement, is what this placement would give: same colour,
     * and the same choices and pixel sizes (within a pixel: the renderer rounds frames to its own units).
     */
    private static boolean fits(PhotoHeadStart.Early early, PlacedImages.Placement p, boolean grey, boolean print) {
        PlacedImages.Placement q = early.prepared().placement();
        if (early.grey() != grey || q.pixelWidth() != p.pixelWidth() || q.pixelHeight() != p.pixelHeight()) {
            return false;
        }
        if (print && early.prepared().print() == null) {
            return false; // prepared without print; cannot happen while both stages see the same options
        }
        return (q.dpi() > PrintPdf.CAP_DPI) == (p.dpi() > PrintPdf.CAP_DPI)
                && (q.dpi() > EmailPdf.MAX_DPI) == (p.dpi() > EmailPdf.MAX_DPI)
                && near(Pixels.sizeFor(q, PrintPdf.TARGET_DPI), Pixels.sizeFor(p, PrintPdf.TARGET_DPI))
                && near(Pixels.sizeFor(q, EmailPdf.MAX_DPI), Pixels.sizeFor(p, EmailPdf.MAX_DPI));
    }

    private static boolean near(int[] a, int[] b) {
        return Math.abs(a[0] - b[0]) <= 1 && Math.abs(a[1] - b[1]) <= 1;
    }

    /** The print replacement for an image of a copy of the master, if it has one. */
    Pixels.Encoded print(PDImageXObject image) {
        Prepared p = byKey.get(image.getCOSObject().getKey());
        return p == null ? null : p.print();
    }

    /** The screen replacement for an image of a copy of the master, if it has one. */
    Pixels.Encoded screen(PDImageXObject image) {
        Prepared p = byKey.get(image.getCOSObject().getKey());
        return p == null ? null : p.screen();
    }

    /** A JPEG that ImageIO decodes to the same pixels PDFBox would: 8-bit grey or RGB, no Decode array. */
    private static boolean plainJpeg(PDImageXObject image) throws IOException {
        List<COSName> filters = image.getStream().getFilters();
        PDColorSpace cs = image.getColorSpace();
        return filters.equals(List.of(COSName.DCT_DECODE)) && image.getBitsPerComponent() == 8
                && (cs instanceof PDDeviceRGB || cs instanceof PDDeviceGray)
                && !(image.getCOSObject().getDictionaryObject(COSName.DECODE) instanceof COSArray)
                && !image.getCOSObject().containsKey(COSName.SMASK);
    }

    private static byte[] raw(COSStream stream) throws IOException {
        try (InputStream in = stream.createRawInputStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * A photo's pixels, decoded on a worker at the size each form needs (a JPEG's decoder can scale by
     * M/8 as it decodes), or decoded already by PDFBox; the last decode is kept for the next form.
     */
    static final class Source {
        private final byte[] jpeg;
        private BufferedImage decoded;
        private int[] decodedFor;

        private Source(byte[] jpeg, BufferedImage decoded) {
            this.jpeg = jpeg;
            this.decoded = decoded;
        }

        static Source of(byte[] jpeg) {
            return new Source(jpeg, null);
        }

        static Source of(BufferedImage decoded) {
            return new Source(null, decoded);
        }

        /** Pixels for a form that needs {@code needed} (width, height) of them. */
        BufferedImage at(int[] needed) throws IOException {
            if (jpeg == null) return decoded;
            // ImageIO always decodes whole: then one decode serves both forms
            boolean scales = TurboJpeg.get() != null;
            if (decoded == null || scales && !java.util.Arrays.equals(decodedFor, needed)) {
                decoded = Pixels.decodeJpeg(jpeg, needed);
                decodedFor = needed;
            }
            return decoded;
        }
    }
}
