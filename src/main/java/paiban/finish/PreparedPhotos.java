package paiban.finish;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import paiban.core.Workers;
import paiban.codec.TurboJpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
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
 * <p>Each image is known by the photo the render stage marked it with ({@link Master#photoIds}) and
 * prepared for that photo's placement as compose made it ({@link Placement#largest}); nothing is found
 * again by reading the pages. Images are then found by their object key, which is the same in every copy
 * of the master. A plain JPEG (the renderer embeds photos byte for byte) comes from the head start, or is
 * decoded on a worker from its bytes; anything else (a PNG, an ICC-tagged or CMYK JPEG) is decoded by
 * PDFBox on the calling thread, since PDFBox objects belong to their document and must not be shared
 * between threads. An image of the layout's own, no photo, is separated for print at its own size and
 * left alone on screens. A CMYK image keeps its inks in print, brought under the ink limit where they exceed it
 * ({@link InkLimitedCmyk}).
 */
final class PreparedPhotos {

    /** One image's replacements; a null one means the edition keeps the original. */
    record Prepared(Placement placement, Pixels.Encoded print, Pixels.Encoded screen) {
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
     * @param probe     a copy of {@code master} to read the images from
     * @param transform the print separation, or null when print is not wanted
     * @param screen    whether the screen copy (email, pages, previews) is wanted
     * @param head      photos compose placed, prepared while the pages were rendered
     */
    static PreparedPhotos of(PDDocument probe, Master master, CmykTransform transform, boolean screen,
                             PhotoHeadStart head) throws IOException {
        Map<COSObjectKey, String> ids = master.photoIds(probe);
        Map<String, Placement> placements = Placement.largest(master.issue().photos());
        Map<COSObjectKey, Prepared> byKey = new LinkedHashMap<>();
        int fromHead = 0;
        List<COSObjectKey> keys = new ArrayList<>();
        List<Callable<Prepared>> tasks = new ArrayList<>();
        for (Map.Entry<COSObjectKey, PDImageXObject> e : images(probe).entrySet()) {
            PDImageXObject image = e.getValue();
            if (image.isStencil()) continue;
            String id = ids.get(e.getKey());
            Placement p = id == null ? null : placements.get(id);
            boolean photo = p != null;
            if (!photo) p = asItIs(image);
            PDColorSpace space = image.getColorSpace();
            boolean jpeg = Pixels.isJpeg(image);
            CmykTransform separation = transform != null && ContentColours.isRgb(space) ? transform : null;
            boolean toScreen = screen && photo && (jpeg || p.dpi() > EmailPdf.MAX_DPI);
            // a CMYK file's inks are the agency's: print keeps them, but brings them under the limit
            boolean inks = transform != null && InkLimitedCmyk.isCmyk(space);
            if (separation == null && !inks && !toScreen) continue;
            byte[] raw = jpeg ? raw(image.getCOSObject()) : null;
            InkLimitedCmyk.Inks cmyk = inks ? InkLimitedCmyk.inks(image,
                    image.getStream().getFilters().equals(List.of(COSName.DCT_DECODE)) ? raw : null) : null;
            InkLimit limit = inks ? transform.limit() : null;
            boolean plain = plainJpeg(image);
            if (plain && photo) {
                Optional<PhotoHeadStart.Early> early = head.find(id);
                if (early.isPresent() && fits(early.get(), p, space instanceof PDDeviceGray, separation != null)) {
                    Prepared done = early.get().prepared();
                    byKey.put(e.getKey(), new Prepared(p, separation != null ? done.print() : null,
                            toScreen ? done.screen() : null));
                    fromHead++;
                    continue;
                }
            }
            // print of a CMYK image needs its inks alone, not its pixels in RGB
            Source source = separation == null && !toScreen ? null
                    : plain ? Source.of(raw) : Source.of(image.getOpaqueImage());
            long rawLength = raw != null ? raw.length : Long.MAX_VALUE;
            Placement placed = p;
            keys.add(e.getKey());
            tasks.add(() -> {
                Prepared made = prepare(source, jpeg, placed, separation, toScreen, rawLength);
                if (cmyk == null) return made;
                return new Prepared(made.placement(), InkLimitedCmyk.limit(cmyk, jpeg, limit, PrintPdf.JPEG_QUALITY),
                        made.screen());
            });
        }
        List<Prepared> done = Workers.all(tasks);
        for (int i = 0; i < keys.size(); i++) byKey.put(keys.get(i), done.get(i));
        return new PreparedPhotos(byKey, fromHead);
    }

    /** Every image XObject on the pages and in their forms, once each, in page order. */
    private static Map<COSObjectKey, PDImageXObject> images(PDDocument doc) throws IOException {
        Map<COSObjectKey, PDImageXObject> out = new LinkedHashMap<>();
        Set<COSStream> forms = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : doc.getPages()) collect(page.getResources(), out, forms);
        return out;
    }

    private static void collect(PDResources resources, Map<COSObjectKey, PDImageXObject> out, Set<COSStream> forms)
            throws IOException {
        if (resources == null) return;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image && image.getCOSObject().getKey() != null) {
                out.putIfAbsent(image.getCOSObject().getKey(), image);
            } else if (x instanceof PDFormXObject form && forms.add(form.getCOSObject())) {
                collect(form.getResources(), out, forms);
            }
        }
    }

    /** An image that is no photo: its own pixels at print's target resolution, so it is kept at its size. */
    private static Placement asItIs(PDImageXObject image) {
        int w = image.getWidth(), h = image.getHeight();
        return new Placement(0, "an image of " + w + " × " + h + " px", w, h, w * 72 / PrintPdf.TARGET_DPI,
                h * 72 / PrintPdf.TARGET_DPI, false);
    }

    /**
     * A photo's print form (when {@code separation} is given) and screen form (when {@code screen}) from its
     * pixels; the heavy part of a build, run on a worker. Each form is made from pixels decoded for it
     * alone, so that email.pdf is the same whether or not print is built beside it; the two share one
     * decode whenever they need the same size.
     */
    static Prepared prepare(Source source, boolean jpeg, Placement p, CmykTransform separation,
                            boolean screen, long rawLength) throws IOException {
        Pixels.Encoded print = separation != null
                ? PrintPdf.toCmyk(source.at(Pixels.needed(p, true, false)), jpeg, p, separation) : null;
        Pixels.Encoded small = screen
                ? EmailPdf.shrink(source.at(Pixels.needed(p, false, true)), jpeg, p, rawLength) : null;
        return new Prepared(p, print, small);
    }

    /**
     * Whether early work is what this image needs: it was done for the very same placement (both come from
     * compose's record of it), the image's colour is what the head start saw in the file, and print was
     * prepared if print is wanted (always, while both stages see the same options).
     */
    private static boolean fits(PhotoHeadStart.Early early, Placement p, boolean grey, boolean print) {
        return early.grey() == grey && early.prepared().placement().equals(p)
                && (!print || early.prepared().print() != null);
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
