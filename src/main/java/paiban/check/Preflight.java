package paiban.check;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceN;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDPattern;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.shading.PDShading;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import paiban.codec.TurboJpeg;
import paiban.core.PaibanException;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.RenderingHints;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code paiban check --print}: the checks a newspaper plant's preflight makes, on any PDF: total area
 * coverage per page, each image's effective resolution, RGB and spot colours, fonts not embedded,
 * four-colour black text, small coloured or reversed text, and the Trim and Bleed boxes. The build runs
 * it on print.pdf and refuses an edition that breaks the ink limit.
 *
 * <p><b>How ink is measured.</b> Total area coverage is a property of the separated raster, so the page is
 * rasterised, once per ink: PDFBox's renderer draws the page four times at {@link #DPI}, each time with
 * every colour replaced by the grey of one ink's amount (C, then M, Y, K) and every image by the grey of
 * that ink's samples, and the four rasters are added. Overprint is honoured as a RIP honours it for
 * DeviceCMYK with OPM 1: in the pass for an ink, an overprinting colour with none of that ink paints
 * nothing, so black text overprinted on a photo adds its K to the photo's C, M and Y. Transparency,
 * clipping and glyph shapes are PDFBox's own. This keeps the check in Java, with no Ghostscript to install
 * where paiban runs; the tests hold it to Ghostscript's tiff32nc on the same files. Averaging to 72 dpi
 * hides single pixels, so each image's own samples are measured too, at full resolution.
 *
 * <p>Colours are read as a RIP with an identity CMYK transform would: DeviceCMYK and four-component ICC
 * as they are, grey as K, RGB by the PostScript rule (K = 1 − max(R, G, B), full undercolour removal), which
 * only matters for a file that is flagged for its RGB anyway. Spot inks are reported, not added.
 */
public final class Preflight {

    /** Resolution of the ink rasters: a few spots of a 100 lpi newsprint screen, quick for a whole issue. */
    public static final float DPI = 72;
    /** Below this a photo looks soft on newsprint (twice a 100 lpi screen). */
    static final double MIN_IMAGE_DPI = 200;
    /** Newspapers set neither four-colour nor reversed type under 10 pt: registration and ink spread fill it in. */
    static final float SMALL_TEXT_PT = 10;
    /** An ink counts as used above 2 %: under that the plate holds no dot. */
    static final float INK_USED = 0.02f;
    /**
     * Black to the eye: every channel of the colour's plain RGB reading, (1 − C)(1 − K) and so on, at most a
     * quarter. That takes in K alone and rich blacks (C60 M50 Y50 K100), and leaves out dark colours such
     * as a masthead's deep red (C60 M82 Y90 K9: red 36 %).
     */
    static final float BLACK_LIGHTNESS = 0.25f;

    private Preflight() {
    }

    /** Checks a PDF file against an ink limit in percent. */
    public static PressReport check(Path file, int inkLimit) {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return check(doc, file.toString(), inkLimit);
        } catch (IOException e) {
            throw new PaibanException(file + ": cannot be read as a PDF (" + e.getMessage() + ")");
        }
    }

    /** Checks an open document; {@code name} is the file's name in the report. */
    public static PressReport check(PDDocument doc, String name, int inkLimit) throws IOException {
        return check(doc, name, inkLimit, false);
    }

    /**
     * As {@link #check(PDDocument, String, int)}, for the build's own print.pdf: every finding and each page's
     * share over the limit are the same, but glyphs that cannot bring a spot over the limit (nothing beneath
     * them has more C + M + Y than the limit leaves beside full black) are not drawn in the K pass. A page's
     * {@link PressReport.PageInk#maxTac()} is then an upper bound wherever it is within the limit, not the exact
     * figure: a build needs to know where the limit is broken, not by how little it is kept.
     */
    public static PressReport checkBuilt(PDDocument doc, String name, int inkLimit) throws IOException {
        return check(doc, name, inkLimit, true);
    }

    /**
     * As {@link #checkBuilt(PDDocument, String, int)}, on the file itself, with the pages shared between the
     * calling thread and one thread of its own where there are two cores or more: the check renders every
     * page twice, and on a build's critical path (print.pdf is checked before any edition is kept) the
     * second core would otherwise stand idle. The thread opens the file a second time, since a PDFBox
     * document must not be read by two threads at once. Each page's results are its own (a finding names
     * its page, an image's samples are kept for its page only), so putting them back in page order gives
     * the very report that one thread gives. The thread is not one of {@code Workers}: the print edition
     * runs on a worker, and a worker must not wait for another worker's task.
     */
    public static PressReport checkBuilt(Path file, String name, int inkLimit) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            int n = doc.getNumberOfPages();
            if (n < 2 || Runtime.getRuntime().availableProcessors() < 2) return check(doc, name, inkLimit, true);
            int limit = inkLimit * 255 / 100;
            PageResult[] results = new PageResult[n];
            // each thread takes the next page not yet taken: a page's cost is mostly its photos, which the
            // copy spreads unevenly, and a fixed share (odd pages here, even there) left one thread waiting
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread other = Thread.ofPlatform().name("paiban-preflight").unstarted(() -> {
                try (PDDocument own = Loader.loadPDF(file.toFile())) {
                    SampleBuffer buffer = new SampleBuffer();
                    for (int i; (i = next.getAndIncrement()) < n; ) results[i] = page(own, i, inkLimit, limit, true, buffer);
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            other.start();
            Throwable here = null;
            try {
                SampleBuffer buffer = new SampleBuffer();
                for (int i; (i = next.getAndIncrement()) < n; ) results[i] = page(doc, i, inkLimit, limit, true, buffer);
            } catch (IOException | RuntimeException | Error e) {
                here = e;
            }
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaibanException(name + ": interrupted while checking the ink", e);
            }
            if (here == null) here = failed.get();
            if (here instanceof IOException e) throw e;
            if (here instanceof RuntimeException e) throw e;
            if (here instanceof Error e) throw e;
            if (here != null) throw new IllegalStateException(here);
            return report(name, inkLimit, Arrays.asList(results));
        }
    }

    /**
     * The array a photo's samples are decoded into, kept from photo to photo by one thread's pages: a
     * print photo's samples are some 6 MB, and a fresh array for each would be cleared only to be written.
     */
    private static final class SampleBuffer {
        int[] samples;
        /** The last page's ink raster, for the next page of the same size. */
        private int[] tac;

        /** A raster of {@code n} pixels, all 0: the last page's where it was the same size. */
        int[] tac(int n) {
            if (tac == null || tac.length != n) tac = new int[n];
            else java.util.Arrays.fill(tac, 0);
            return tac;
        }
    }

    /** One page's share of a report: its ink, the images it paints and its findings, each in the order met. */
    private record PageResult(PressReport.PageInk ink, List<String> images, List<PressFinding> findings) {
    }

    private static PressReport report(String name, int inkLimit, List<PageResult> results) {
        List<PressReport.PageInk> pages = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<PressFinding> findings = new ArrayList<>();
        for (PageResult r : results) {
            pages.add(r.ink());
            images.addAll(r.images());
            findings.addAll(r.findings());
        }
        return new PressReport(name, inkLimit, pages, images, findings);
    }

    private static PressReport check(PDDocument doc, String name, int inkLimit, boolean built) throws IOException {
        int limit = inkLimit * 255 / 100;
        List<PageResult> results = new ArrayList<>();
        SampleBuffer buffer = new SampleBuffer();
        for (int i = 0; i < doc.getNumberOfPages(); i++) results.add(page(doc, i, inkLimit, limit, built, buffer));
        return report(name, inkLimit, results);
    }

    /** Checks page {@code i}: findings are keyed by their page, so a page's own {@link Findings} loses none. */
    private static PageResult page(PDDocument doc, int i, int inkLimit, int limit, boolean built, SampleBuffer buffer)
            throws IOException {
        List<String> images = new ArrayList<>();
        Findings findings = new Findings();
        // an image's ink planes are kept for the page's passes only: a page's photos, not an issue's. In the
        // order the page first draws them, so that their findings come in that order (a COSStream is equal
        // to itself alone); an identity map gave its own order, which moved from one run to the next
        Map<COSStream, Samples> samples = new LinkedHashMap<>();
        try (PDDocument scratch = new PDDocument()) {
            int number = i + 1;
            PDPage page = doc.getPage(i);
            // C, M and Y in one pass, as the red, green and blue of one raster: Java2D blends each channel
            // alone, so it is three grey passes in one; then K in a pass of its own
            Observer seen = new Observer(number, findings, images);
            InkRenderer joint = new InkRenderer(doc, scratch, InkRenderer.CMY, samples, buffer, seen, null, 0);
            BufferedImage cmy = joint.renderImageWithDPI(i, DPI, ImageType.RGB);
            seen.flushText();
            int w = cmy.getWidth(), h = cmy.getHeight();
            int[] tac = buffer.tac(w * h); // nothing keeps it beyond the page
            if (joint.separable) {
                int[] rgb = packedRgb(cmy);
                for (int p = 0; p < rgb.length; p++) {
                    int v = rgb[p];
                    tac[p] = 3 * 255 - (v >> 16 & 0xff) - (v >> 8 & 0xff) - (v & 0xff);
                }
            } else {
                // an overprinting colour with some of C, M, Y and not others, a pattern or a shading: each
                // of the three has to be drawn alone
                for (int ink = 0; ink < 3; ink++) {
                    add(new InkRenderer(doc, scratch, ink, samples, buffer, null, null, 0)
                            .renderImageWithDPI(i, DPI, ImageType.GRAY), tac);
                }
            }
            InkRenderer black = new InkRenderer(doc, scratch, InkRenderer.K, samples, buffer, null,
                    built ? new Beneath(tac, w, h) : null, limit);
            BufferedImage k = black.renderImageWithDPI(i, DPI, ImageType.GRAY);
            int most = black.skippedMost, over = 0, at = 0;
            // the K raster's ink added in the walk that takes the page's figures, where its bytes can be read so
            byte[] grey = packedGrey(k);
            if (grey == null) add(k, tac);
            for (int p = 0; p < tac.length; p++) {
                int t = grey == null ? tac[p] : tac[p] + 255 - (grey[p] & 0xff);
                if (t > most) {
                    most = t;
                    at = p;
                }
                if (t > limit) over++;
            }
            double maxTac = most * 100.0 / 255, share = 100.0 * over / tac.length;
            if (most > limit) {
                float scale = 72 / DPI;
                findings.add(new PressFinding(PressFinding.Rule.INK_LIMIT, number,
                        String.format(Locale.ROOT, "page, most at %.0f, %.0f pt from its lower left",
                                at % w * scale, (h - 1 - at / w) * scale),
                        String.format(Locale.ROOT, "%.1f%% ink (limit %d%%) on %.3f%% of the page", maxTac,
                                inkLimit, share)), "");
            }
            for (Samples s : samples.values()) {
                if (s.mostInk * 100 > inkLimit * 255) {
                    findings.add(new PressFinding(PressFinding.Rule.INK_LIMIT, number, s.name,
                            String.format(Locale.ROOT, "its own pixels reach %.1f%% ink (limit %d%%)",
                                    s.mostInk * 100.0 / 255, inkLimit)), "");
                }
            }
            boxes(page, number, findings);
            fonts(page.getResources(), number, findings, new HashSet<>());
            return new PageResult(new PressReport.PageInk(number, maxTac, share, box(page, COSName.TRIM_BOX),
                    box(page, COSName.BLEED_BOX)), images, findings.list());
        }
    }

    /**
     * The raster's pixels as packed RGB: the renderer's own int array where it has one (an RGB raster
     * always has), read in place; getRGB would go through the colour model pixel by pixel, and did take
     * a third of the check's time.
     */
    private static int[] packedRgb(BufferedImage rgb) {
        int w = rgb.getWidth(), h = rgb.getHeight();
        if (rgb.getType() == BufferedImage.TYPE_INT_RGB && rgb.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && ints.getNumBanks() == 1 && ints.getOffset() == 0 && ints.getData().length == w * h
                && rgb.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && sm.getScanlineStride() == w && rgb.getRaster().getParent() == null) {
            return ints.getData();
        }
        return rgb.getRGB(0, 0, w, h, null, 0, w);
    }

    /** A grey raster's own bytes, one a pixel, row after row, where it has them so; else null. */
    private static byte[] packedGrey(BufferedImage grey) {
        int w = grey.getWidth(), h = grey.getHeight();
        if (grey.getType() == BufferedImage.TYPE_BYTE_GRAY
                && grey.getRaster().getDataBuffer() instanceof DataBufferByte bytes
                && bytes.getNumBanks() == 1 && bytes.getOffset() == 0 && bytes.getData().length == w * h
                && grey.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel sm
                && sm.getScanlineStride() == w && sm.getPixelStride() == 1 && grey.getRaster().getParent() == null) {
            return bytes.getData();
        }
        return null;
    }

    /** Adds a grey pass's ink (255 − grey) to {@code tac}. */
    private static void add(BufferedImage grey, int[] tac) {
        int w = grey.getWidth(), h = grey.getHeight();
        Raster raster = grey.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) tac[y * w + x] += 255 - row[x];
        }
    }

    /**
     * The most C + M + Y in each {@link #TILE}-pixel square of a page's raster, for the K pass to ask what
     * may lie under a glyph: coarse, so that a glyph asks a few squares, and never less than a pixel holds.
     */
    private static final class Beneath {
        static final int TILE = 8;
        private final int[] most;
        private final int columns, rows;

        Beneath(int[] cmy, int width, int height) {
            columns = (width + TILE - 1) / TILE;
            rows = (height + TILE - 1) / TILE;
            most = new int[columns * rows];
            // a tile's run of a row at a time, so that no pixel divides to find its tile
            for (int y = 0; y < height; y++) {
                int t = y / TILE * columns, p = y * width;
                for (int x0 = 0; x0 < width; x0 += TILE, t++) {
                    int m = most[t];
                    for (int end = p + Math.min(TILE, width - x0); p < end; p++) m = Math.max(m, cmy[p]);
                    most[t] = m;
                }
            }
        }

        /** The most C + M + Y within a device-space rectangle, a pixel's margin around it for smoothing. */
        int most(Rectangle2D r) {
            int x0 = clamp((int) Math.floor(r.getMinX()) - 1, columns), x1 = clamp((int) Math.ceil(r.getMaxX()) + 1, columns);
            int y0 = clamp((int) Math.floor(r.getMinY()) - 1, rows), y1 = clamp((int) Math.ceil(r.getMaxY()) + 1, rows);
            int m = 0;
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) m = Math.max(m, most[y * columns + x]);
            }
            return m;
        }

        private static int clamp(int pixel, int tiles) {
            return Math.max(0, Math.min(tiles - 1, Math.floorDiv(pixel, TILE)));
        }
    }

    private static String box(PDPage page, COSName key) {
        if (!(page.getCOSObject().getDictionaryObject(key) instanceof COSArray a)) return null;
        PDRectangle r = new PDRectangle(a);
        return String.format(Locale.ROOT, "%.2f %.2f %.2f %.2f", r.getLowerLeftX(), r.getLowerLeftY(),
                r.getWidth(), r.getHeight());
    }

    /** A plant places the page by its TrimBox and lets ink run to the BleedBox, which must hold it. */
    private static void boxes(PDPage page, int number, Findings findings) {
        boolean trim = page.getCOSObject().getDictionaryObject(COSName.TRIM_BOX) instanceof COSArray;
        boolean bleed = page.getCOSObject().getDictionaryObject(COSName.BLEED_BOX) instanceof COSArray;
        if (!trim) {
            findings.add(new PressFinding(PressFinding.Rule.BOXES, number, "page",
                    "no TrimBox: the plant cannot tell the finished page size (PDF/X requires one)"), "");
        }
        if (!bleed) {
            findings.add(new PressFinding(PressFinding.Rule.BOXES, number, "page",
                    "no BleedBox: nothing tells how far ink may run past the trim"), "");
        }
        if (trim && bleed) {
            PDRectangle t = page.getTrimBox(), b = page.getBleedBox();
            if (b.getLowerLeftX() > t.getLowerLeftX() + 0.01f || b.getLowerLeftY() > t.getLowerLeftY() + 0.01f
                    || b.getUpperRightX() < t.getUpperRightX() - 0.01f || b.getUpperRightY() < t.getUpperRightY() - 0.01f) {
                findings.add(new PressFinding(PressFinding.Rule.BOXES, number, "page",
                        "the BleedBox does not contain the TrimBox"), "");
            }
        }
    }

    private static void fonts(PDResources resources, int page, Findings findings, Set<Object> seen) throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) return;
        for (COSName n : resources.getFontNames()) {
            PDFont font = resources.getFont(n);
            if (font != null && !font.isEmbedded()) {
                findings.add(new PressFinding(PressFinding.Rule.FONT_NOT_EMBEDDED, page, "font /" + n.getName()
                        + " (" + font.getName() + ")", "not embedded: the RIP would substitute another"), font.getName());
            }
        }
        for (COSName n : resources.getXObjectNames()) {
            if (resources.getXObject(n) instanceof PDFormXObject form) fonts(form.getResources(), page, findings, seen);
        }
    }

    /** Findings in order, each told once per page (a thousand RGB rules are one finding). */
    private static final class Findings {
        private final Map<String, PressFinding> byKey = new LinkedHashMap<>();

        void add(PressFinding f, String sameAs) {
            String key = f.page() + "|" + f.rule() + "|" + (sameAs.isEmpty() ? f.object() + f.detail() : sameAs);
            byKey.putIfAbsent(key, f);
        }

        List<PressFinding> list() {
            return List.copyOf(byKey.values());
        }
    }

    /** C, M, Y, K of a colour, 0–1, as a RIP with an identity CMYK transform reads it; null for patterns. */
    static float[] inks(PDColorSpace space, float[] c) {
        if (space instanceof PDDeviceCMYK || space instanceof PDICCBased icc && icc.getNumberOfComponents() == 4) {
            return new float[]{c[0], c[1], c[2], c[3]};
        }
        int n = c.length;
        if (n == 1 && !(space instanceof PDSeparation)) {
            return new float[]{0, 0, 0, 1 - c[0]};
        }
        if (space instanceof PDSeparation || space instanceof PDDeviceN || space instanceof PDPattern) {
            return null;
        }
        if (n == 3) {
            try {
                float[] rgb = space.toRGB(c);
                float k = 1 - Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
                return new float[]{1 - rgb[0] - k, 1 - rgb[1] - k, 1 - rgb[2] - k, k};
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    static boolean isRgb(PDColorSpace space) {
        return space != null && space.getNumberOfComponents() == 3 && !(space instanceof PDPattern)
                && !"Lab".equals(space.getName());
    }

    static boolean isSpot(PDColorSpace space) {
        if (space instanceof PDSeparation sep) {
            String n = sep.getColorantName();
            return !n.equals("All") && !n.equals("None") && !List.of("Cyan", "Magenta", "Yellow", "Black").contains(n);
        }
        return space instanceof PDDeviceN;
    }

    /**
     * One image's samples as four ink planes (255 − ink, the grey the renderer draws), decoded once a page.
     * Its most ink is measured on every pixel; the planes are then averaged down by a whole factor to
     * about the raster's resolution, since the renderer would average them anyway.
     */
    private static final class Samples {
        int width, height;
        final byte[][] planes = new byte[4][];
        /** The C, M and Y planes as one RGB image, for the joint pass: its slot in {@link #images}. */
        static final int JOINT = 4;
        /** Each plane as a grey image for the renderer, and the joint one, made on first use. */
        final PDImage[] images = new PDImage[5];
        final String name;
        int mostInk;

        Samples(PDImage image, int factor, String name, SampleBuffer buffer) throws IOException {
            this.name = name;
            width = image.getWidth();
            height = image.getHeight();
            PDColorSpace space = image.getColorSpace();
            int n = space.getNumberOfComponents();
            boolean cmyk = space instanceof PDDeviceCMYK || space instanceof PDICCBased icc && icc.getNumberOfComponents() == 4;
            boolean grey = n == 1 && !(space instanceof PDSeparation) && !(space instanceof org.apache.pdfbox.pdmodel.graphics.color.PDIndexed);
            if ((cmyk || grey) && image.getBitsPerComponent() == 8) {
                byte[] jpeg = cmyk ? cmykJpeg(image) : null;
                float[] decode = decode(image, n);
                // each channel's sample → ink in 8 bits, through the Decode array, once per value
                int[][] ink = new int[4][256];
                for (int k = 0; k < 4; k++) {
                    for (int v = 0; v < 256; v++) {
                        int d = cmyk ? k : 0;
                        int x = Math.round(255 * (decode[2 * d] + v / 255f * (decode[2 * d + 1] - decode[2 * d])));
                        x = Math.max(0, Math.min(255, x));
                        ink[k][v] = cmyk ? x : k < 3 ? 0 : 255 - x;
                    }
                }
                int[] c = ink[0], m = ink[1], ye = ink[2], k = ink[3];
                // Adobe's inverted samples through Decode [1 0 1 0 1 0 1 0], as print.pdf holds its photos: each
                // stored sample is then 255 − ink, the very value of its plane
                boolean inverted = true;
                for (int v = 0; v < 256 && inverted; v++) {
                    inverted = c[v] == 255 - v && m[v] == 255 - v && ye[v] == 255 - v && k[v] == 255 - v;
                }
                // each sample's ink, summed for the most ink at full resolution and added straight into its
                // square's average: a photo's planes are never written at full size to be read back and averaged
                int f = Math.max(1, factor);
                Reduction planesOut = new Reduction(width, height, f);
                TurboJpeg turbo = TurboJpeg.get();
                if (jpeg != null && inverted && turbo != null && f <= Reduction.MOST_PACKED) {
                    // print.pdf's own photos: TurboJPEG's samples, a pixel to an int, into the array the last
                    // photo was decoded into
                    int[] packed = turbo.cmykSamples(jpeg, width, height, buffer.samples);
                    if (packed != null) {
                        buffer.samples = packed;
                        int most = 0;
                        for (int y = 0; y < height; y++) most = Math.max(most, planesOut.addInverted(y, packed));
                        keep(planesOut, most);
                        return;
                    }
                }
                // PDFBox's DCT filter hands back a YCCK JPEG's C, M and Y inverted but its K as stored, which
                // no Decode array can set right; such a JPEG's samples are read as stored instead
                byte[] stored = jpeg != null ? JpegSamples.cmyk(jpeg, width, height) : null;
                Raster raster = stored == null ? image.getRawRaster() : null;
                boolean adobe = stored != null && inverted;
                int[] rc = null, rm = null, ry = null, rk = null, row = null;
                if (stored == null) {
                    rc = new int[width];
                    rm = new int[width];
                    ry = new int[width];
                    rk = new int[width];
                    row = new int[width * n];
                }
                int most = 0;
                for (int y = 0; y < height; y++) {
                    if (stored != null) {
                        // the samples straight into the sums, the photo's every sample being read here alone
                        most = Math.max(most, adobe ? planesOut.addInverted(y, stored)
                                : planesOut.addStored(y, stored, c, m, ye, k));
                        continue;
                    }
                    // a row at a time from the raster: getPixel per sample cost more than the rest of the loop
                    raster.getPixels(0, y, width, 1, row);
                    for (int x = 0, o = 0; x < width; x++, o += n) {
                        if (cmyk) {
                            rc[x] = c[row[o]];
                            rm[x] = m[row[o + 1]];
                            ry[x] = ye[row[o + 2]];
                            rk[x] = k[row[o + 3]];
                        } else {
                            int v = row[o];
                            rc[x] = c[v];
                            rm[x] = m[v];
                            ry[x] = ye[v];
                            rk[x] = k[v];
                        }
                    }
                    for (int x = 0; x < width; x++) most = Math.max(most, rc[x] + rm[x] + ry[x] + rk[x]);
                    planesOut.add(y, rc, rm, ry, rk);
                }
                keep(planesOut, most);
                return;
            } else {
                // RGB, indexed, Lab, spot: what the renderer makes of it, read as the PostScript rule reads RGB
                for (int k = 0; k < 4; k++) planes[k] = new byte[width * height];
                BufferedImage rgb = image.getImage();
                for (int y = 0, p = 0; y < height; y++) {
                    for (int x = 0; x < width; x++, p++) {
                        int v = rgb.getRGB(x, y);
                        int r = v >> 16 & 0xff, g = v >> 8 & 0xff, b = v & 0xff;
                        int k = 255 - Math.max(r, Math.max(g, b));
                        int[] ink = {255 - r - k, 255 - g - k, 255 - b - k, k};
                        int total = 0;
                        for (int i = 0; i < 4; i++) {
                            planes[i][p] = (byte) (255 - ink[i]);
                            total += ink[i];
                        }
                        mostInk = Math.max(mostInk, total);
                    }
                }
            }
            if (factor > 1) reduce(factor);
        }

        /** The image's most ink and its planes as {@code reduced} averaged them, at their size. */
        private void keep(Reduction reduced, int most) {
            mostInk = most;
            for (int i = 0; i < 4; i++) planes[i] = reduced.planes[i];
            width = reduced.width;
            height = reduced.height;
        }

        /**
         * The four planes (255 − ink) averaged over {@code f} × {@code f} pixels as rows of inks come in, as
         * {@link #reduce} averages them; with {@code f} 1 the planes as they are. Pixels beyond the last
         * whole square of a side are left out, as there.
         */
        private static final class Reduction {
            final int f, width, height, sourceWidth;
            final byte[][] planes = new byte[4][];
            private final int[][] sums;

            Reduction(int sourceWidth, int sourceHeight, int f) {
                this.f = f;
                this.sourceWidth = sourceWidth;
                width = sourceWidth / f;
                height = sourceHeight / f;
                for (int k = 0; k < 4; k++) planes[k] = new byte[width * height];
                sums = new int[4][width];
            }

            /** Row {@code y} of the source, as each ink's 8-bit amounts. */
            void add(int y, int[] c, int[] m, int[] ye, int[] k) {
                if (y / f >= height) return;
                if (f == 1) {
                    int o = y * width;
                    byte[] pc = planes[0], pm = planes[1], py = planes[2], pk = planes[3];
                    for (int x = 0; x < width; x++) {
                        pc[o + x] = (byte) (255 - c[x]);
                        pm[o + x] = (byte) (255 - m[x]);
                        py[o + x] = (byte) (255 - ye[x]);
                        pk[o + x] = (byte) (255 - k[x]);
                    }
                    return;
                }
                int[] sc = sums[0], sm = sums[1], sy = sums[2], sk = sums[3];
                for (int x = 0, from = 0; x < width; x++) {
                    int vc = 0, vm = 0, vy = 0, vk = 0;
                    for (int end = from + f; from < end; from++) {
                        vc += 255 - c[from];
                        vm += 255 - m[from];
                        vy += 255 - ye[from];
                        vk += 255 - k[from];
                    }
                    sc[x] += vc;
                    sm[x] += vm;
                    sy[x] += vy;
                    sk[x] += vk;
                }
                emit(y);
            }

            /**
             * Row {@code y} of interleaved stored samples (4 bytes a pixel), each through its ink's table
             * ({@code c} … {@code k}: sample → 8-bit ink); the most ink of any pixel of the row.
             */
            int addStored(int y, byte[] stored, int[] c, int[] m, int[] ye, int[] k) {
                int most = 0, o = y * sourceWidth * 4, x = 0;
                if (y / f < height) {
                    int[] sc = sums[0], sm = sums[1], sy = sums[2], sk = sums[3];
                    for (int to = 0; to < width; to++) {
                        int vc = 0, vm = 0, vy = 0, vk = 0;
                        for (int end = x + f; x < end; x++, o += 4) {
                            int ic = c[stored[o] & 0xff], im = m[stored[o + 1] & 0xff], iy = ye[stored[o + 2] & 0xff],
                                    ik = k[stored[o + 3] & 0xff];
                            int total = ic + im + iy + ik;
                            if (total > most) most = total;
                            vc += ic;
                            vm += im;
                            vy += iy;
                            vk += ik;
                        }
                        // the plane holds 255 − ink: f of them sum to 255 f − the inks
                        sc[to] += 255 * f - vc;
                        sm[to] += 255 * f - vm;
                        sy[to] += 255 * f - vy;
                        sk[to] += 255 * f - vk;
                    }
                    emit(y);
                }
                // what the averaged planes leave out still counts for the most ink
                for (; x < sourceWidth; x++, o += 4) {
                    int total = c[stored[o] & 0xff] + m[stored[o + 1] & 0xff] + ye[stored[o + 2] & 0xff]
                            + k[stored[o + 3] & 0xff];
                    if (total > most) most = total;
                }
                return most;
            }

            /**
             * As {@link #addStored} where every ink's table is 255 − sample: the planes take the samples as they
             * are and a pixel's ink is 4 × 255 less its samples' sum, without a table to look up per sample.
             */
            int addInverted(int y, byte[] stored) {
                int least = 4 * 255, o = y * sourceWidth * 4, x = 0;
                if (y / f < height) {
                    int[] sc = sums[0], sm = sums[1], sy = sums[2], sk = sums[3];
                    for (int to = 0; to < width; to++) {
                        int vc = 0, vm = 0, vy = 0, vk = 0;
                        for (int end = x + f; x < end; x++, o += 4) {
                            int sc1 = stored[o] & 0xff, sm1 = stored[o + 1] & 0xff, sy1 = stored[o + 2] & 0xff,
                                    sk1 = stored[o + 3] & 0xff;
                            int blank = sc1 + sm1 + sy1 + sk1;
                            if (blank < least) least = blank;
                            vc += sc1;
                            vm += sm1;
                            vy += sy1;
                            vk += sk1;
                        }
                        sc[to] += vc;
                        sm[to] += vm;
                        sy[to] += vy;
                        sk[to] += vk;
                    }
                    emit(y);
                }
                for (; x < sourceWidth; x++, o += 4) {
                    int blank = (stored[o] & 0xff) + (stored[o + 1] & 0xff) + (stored[o + 2] & 0xff) + (stored[o + 3] & 0xff);
                    if (blank < least) least = blank;
                }
                return 4 * 255 - least;
            }

            /** The largest square {@link #addInverted(int, int[])} sums in the 16-bit halves of an int. */
            static final int MOST_PACKED = 65535 / 255;
            /** Which of a packed pixel's bytes holds C: TurboJPEG writes the samples in memory order. */
            private static final boolean LOW_FIRST = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

            /**
             * As {@link #addInverted(int, byte[])}, on samples a pixel to an int ({@link TurboJpeg#cmykSamples(byte[],
             * int, int, int[])}): the first and third samples are added in the two 16-bit halves of one int, the
             * second and fourth in another, so that a pixel costs two masks and adds, not four byte reads.
             */
            int addInverted(int y, int[] packed) {
                int least = 4 * 255, o = y * sourceWidth, x = 0;
                if (y / f < height) {
                    int[] even0 = sums[LOW_FIRST ? 0 : 3], odd0 = sums[LOW_FIRST ? 1 : 2],
                            even1 = sums[LOW_FIRST ? 2 : 1], odd1 = sums[LOW_FIRST ? 3 : 0];
                    for (int to = 0; to < width; to++) {
                        int even = 0, odd = 0;
                        for (int end = x + f; x < end; x++, o++) {
                            int v = packed[o];
                            int e = v & 0x00ff00ff, d = v >>> 8 & 0x00ff00ff;
                            even += e;
                            odd += d;
                            int pair = e + d; // two halves of at most 510 each
                            int blank = (pair & 0xffff) + (pair >>> 16);
                            if (blank < least) least = blank;
                        }
                        even0[to] += even & 0xffff;
                        even1[to] += even >>> 16;
                        odd0[to] += odd & 0xffff;
                        odd1[to] += odd >>> 16;
                    }
                    emit(y);
                }
                for (; x < sourceWidth; x++, o++) {
                    int v = packed[o];
                    int pair = (v & 0x00ff00ff) + (v >>> 8 & 0x00ff00ff);
                    int blank = (pair & 0xffff) + (pair >>> 16);
                    if (blank < least) least = blank;
                }
                return 4 * 255 - least;
            }

            /** After the last row of a square: its averages into the planes, rounded, and the sums cleared. */
            private void emit(int y) {
                if (y % f != f - 1) return;
                int area = f * f, half = area / 2, o = y / f * width;
                for (int i = 0; i < 4; i++) {
                    int[] sum = sums[i];
                    byte[] to = planes[i];
                    for (int x = 0; x < width; x++) {
                        to[o + x] = (byte) ((sum[x] + half) / area);
                        sum[x] = 0;
                    }
                }
            }
        }

        /**
         * The C, M and Y planes as the red, green and blue of an image, as PDFBox's reader would make of
         * {@link #joint()} as DeviceRGB samples (packed RGB, each sample as it is), without going through it.
         */
        BufferedImage jointImage() {
            BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int[] to = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
            byte[] c = planes[0], m = planes[1], y = planes[2];
            for (int p = 0; p < to.length; p++) to[p] = (c[p] & 0xff) << 16 | (m[p] & 0xff) << 8 | y[p] & 0xff;
            return rgb;
        }

        /**
         * One ink's plane as a grey image over the plane's own bytes. PDFBox's reader makes DeviceGray samples
         * an RGB image of the same value in each channel; Java2D draws either onto a grey raster as the same
         * grey (its grey is (77 R + 150 G + 29 B + 128) / 256, which is the value itself when they are equal).
         */
        BufferedImage greyImage(int ink) {
            BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] to = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
            System.arraycopy(planes[ink], 0, to, 0, to.length);
            return grey;
        }

        /** The C, M and Y planes interleaved, as the samples of an RGB image. */
        byte[] joint() {
            byte[] rgb = new byte[width * height * 3];
            for (int p = 0, o = 0; p < width * height; p++) {
                rgb[o++] = planes[0][p];
                rgb[o++] = planes[1][p];
                rgb[o++] = planes[2][p];
            }
            return rgb;
        }

        /** Averages each plane over {@code f} × {@code f} pixels. */
        private void reduce(int f) {
            int w = width / f, h = height / f;
            for (int k = 0; k < 4; k++) {
                byte[] from = planes[k], to = new byte[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int sum = 0;
                        for (int dy = 0; dy < f; dy++) {
                            int o = (y * f + dy) * width + x * f;
                            for (int dx = 0; dx < f; dx++) sum += from[o + dx] & 0xff;
                        }
                        to[y * w + x] = (byte) ((sum + f * f / 2) / (f * f));
                    }
                }
                planes[k] = to;
            }
            width = w;
            height = h;
        }

        /** The JPEG file of a four-component image whose only filter is DCTDecode, else null. */
        private static byte[] cmykJpeg(PDImage image) throws IOException {
            if (!(image instanceof PDImageXObject x)) return null;
            if (!x.getStream().getFilters().equals(List.of(COSName.DCT_DECODE))) return null;
            try (var in = x.getCOSObject().createRawInputStream()) {
                // read into an array of the stream's stated length at once: readAllBytes gathers pieces
                // and copies them, twice a photo's bytes made for every photo of every page
                long stated = x.getCOSObject().getLength();
                if (stated <= 0 || stated > Integer.MAX_VALUE - 16) return in.readAllBytes();
                byte[] head = in.readNBytes((int) stated);
                int more = in.read();
                if (more < 0) return head;
                java.io.ByteArrayOutputStream rest = new java.io.ByteArrayOutputStream(head.length + 8192);
                rest.write(head);
                rest.write(more);
                in.transferTo(rest);
                return rest.toByteArray();
            }
        }

        private static float[] decode(PDImage image, int n) {
            float[] d = new float[2 * n];
            COSArray a = image.getDecode();
            for (int i = 0; i < n; i++) {
                boolean given = a != null && a.size() >= 2 * n;
                d[2 * i] = given ? a.toFloatArray()[2 * i] : 0;
                d[2 * i + 1] = given ? a.toFloatArray()[2 * i + 1] : 1;
            }
            return d;
        }
    }

    /** Notes, during the first pass, what the page paints: colour spaces, text, images. */
    private static final class Observer {
        final int page;
        final Findings findings;
        final List<String> images;
        final StringBuilder run = new StringBuilder();
        String runKey;
        PressFinding.Rule runRule;
        String runDetail;
        String runWhat;

        Observer(int page, Findings findings, List<String> images) {
            this.page = page;
            this.findings = findings;
            this.images = images;
        }

        void colour(PDColorSpace space, String object) {
            if (space == null) return;
            if (isRgb(space)) {
                findings.add(new PressFinding(PressFinding.Rule.RGB, page, object, "painted in " + space.getName()
                        + ": the plant's RIP would separate it, not your profile"), "rgb:" + object.split(" ")[0]);
            } else if (isSpot(space)) {
                String ink = space instanceof PDSeparation s ? s.getColorantName() : String.join("+",
                        ((PDDeviceN) space).getColorantNames());
                findings.add(new PressFinding(PressFinding.Rule.SPOT, page, object, "spot ink '" + ink
                        + "': a newspaper press prints C, M, Y and K only"), "spot:" + ink);
            }
        }

        /**
         * A glyph painted in {@code inks} at {@code size} points: joins the current run of like glyphs. Its text
         * and its font's name are looked up only for a glyph that is part of a finding.
         */
        void glyph(PDFont pdFont, int code, float[] inks, float size) {
            PressFinding.Rule rule = null;
            String detail = null;
            if (inks != null) {
                int used = 0;
                for (float v : inks) if (v > INK_USED) used++;
                float white = 1 - inks[3];
                boolean black = (1 - inks[0]) * white <= BLACK_LIGHTNESS && (1 - inks[1]) * white <= BLACK_LIGHTNESS
                        && (1 - inks[2]) * white <= BLACK_LIGHTNESS;
                if (black && used > 1) {
                    String colour = colour(inks);
                    rule = PressFinding.Rule.RICH_BLACK_TEXT;
                    detail = "black text in " + used + " inks (" + colour + "): set it in K alone, or it misregisters";
                } else if (used == 0 && size < SMALL_TEXT_PT) {
                    rule = PressFinding.Rule.SMALL_REVERSED_TEXT;
                    detail = String.format(Locale.ROOT, "reversed (white) type at %.1f pt: newsprint fills it in under %.0f pt",
                            size, SMALL_TEXT_PT);
                } else if (used > 1 && size < SMALL_TEXT_PT) {
                    String colour = colour(inks);
                    rule = PressFinding.Rule.SMALL_COLOUR_TEXT;
                    detail = String.format(Locale.ROOT, "type in %d inks (%s) at %.1f pt: misregistration blurs it under %.0f pt",
                            used, colour, size, SMALL_TEXT_PT);
                }
            }
            if (rule == null) {
                flushText();
                return;
            }
            String font = pdFont.getName();
            String key = rule + "|" + detail + "|" + font;
            if (!key.equals(runKey)) flushText();
            runKey = key;
            runRule = rule;
            runDetail = detail;
            runWhat = String.format(Locale.ROOT, "in %s %.1f pt", font, size);
            if (run.length() < 24) {
                String text = pdFont.toUnicode(code);
                run.append(text == null ? "?" : text);
            }
        }

        private static String colour(float[] inks) {
            return String.format(Locale.ROOT, "C%.0f M%.0f Y%.0f K%.0f", inks[0] * 100, inks[1] * 100,
                    inks[2] * 100, inks[3] * 100);
        }

        void flushText() {
            if (runKey != null && run.length() > 0) {
                findings.add(new PressFinding(runRule, page, "text 「" + run + "」 " + runWhat, runDetail), "");
            }
            run.setLength(0);
            runKey = null;
        }
    }

    /**
     * A renderer that draws one ink's amounts as grey ({@link #K}, or 0–2 for C, M, Y alone), or C, M and Y
     * at once as the red, green and blue of one raster ({@link #CMY}).
     */
    private static final class InkRenderer extends PDFRenderer {
        static final int K = 3;
        static final int CMY = -1;
        private final PDDocument scratch;
        private final int ink;
        private final Map<COSStream, Samples> samples;
        private final SampleBuffer buffer;
        private final Observer seen;
        /** In the build's K pass: what lies under each glyph, so that harmless glyphs are left out; else null. */
        private final Beneath beneath;
        private final int limit;
        /** False once the joint pass met a colour it cannot split into its channels. */
        boolean separable = true;
        /** The most ink a glyph left out may have made, C + M + Y beneath it and its own K. */
        int skippedMost;

        InkRenderer(PDDocument doc, PDDocument scratch, int ink, Map<COSStream, Samples> samples, SampleBuffer buffer,
                    Observer seen, Beneath beneath, int limit) {
            super(doc);
            this.buffer = buffer;
            this.scratch = scratch;
            this.ink = ink;
            this.samples = samples;
            this.seen = seen;
            this.beneath = beneath;
            this.limit = limit;
            setSubsamplingAllowed(false);
            // bilinear weights are the same for the four planes and never negative, so a pixel's ink is an
            // average of the image's own sums and never more than its most; bicubic's negative lobes ring
            // at hard edges (an ad's type on a full tint) and showed inks over the limit that no pixel has
            RenderingHints hints = new RenderingHints(RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            hints.put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            hints.put(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            setRenderingHints(hints);
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new InkDrawer(parameters, this);
        }
    }

    /**
     * An ink plane ready for the renderer: PDFBox's drawImage asks an image only for its pixels, its
     * interpolation, whether it is a stencil and whether its dictionary holds a mask (this one holds none),
     * so a plane need not become a PDF image to be read back sample by sample.
     */
    private static final class Plane implements PDImage {
        private final BufferedImage pixels;
        private final boolean interpolate;
        private final COSDictionary dictionary = new COSDictionary();

        Plane(BufferedImage pixels, boolean interpolate) {
            this.pixels = pixels;
            this.interpolate = interpolate;
        }

        @Override
        public BufferedImage getImage() {
            return pixels;
        }

        @Override
        public BufferedImage getImage(java.awt.Rectangle region, int subsampling) {
            if (region != null || subsampling != 1) throw new UnsupportedOperationException("a plane is drawn whole");
            return pixels;
        }

        @Override
        public WritableRaster getRawRaster() {
            return pixels.getRaster();
        }

        @Override
        public BufferedImage getRawImage() {
            return pixels;
        }

        @Override
        public BufferedImage getStencilImage(Paint paint) {
            throw new UnsupportedOperationException("a plane is no stencil");
        }

        @Override
        public InputStream createInputStream() {
            throw new UnsupportedOperationException("a plane has no stream");
        }

        @Override
        public InputStream createInputStream(List<String> stopFilters) {
            throw new UnsupportedOperationException("a plane has no stream");
        }

        @Override
        public InputStream createInputStream(DecodeOptions options) {
            throw new UnsupportedOperationException("a plane has no stream");
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public boolean isStencil() {
            return false;
        }

        @Override
        public void setStencil(boolean isStencil) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getBitsPerComponent() {
            return 8;
        }

        @Override
        public void setBitsPerComponent(int bitsPerComponent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PDColorSpace getColorSpace() {
            return pixels.getType() == BufferedImage.TYPE_BYTE_GRAY ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE;
        }

        @Override
        public void setColorSpace(PDColorSpace colorSpace) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getHeight() {
            return pixels.getHeight();
        }

        @Override
        public void setHeight(int height) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getWidth() {
            return pixels.getWidth();
        }

        @Override
        public void setWidth(int width) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setDecode(COSArray decode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public COSArray getDecode() {
            return null;
        }

        @Override
        public boolean getInterpolate() {
            return interpolate;
        }

        @Override
        public void setInterpolate(boolean value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getSuffix() {
            return null;
        }

        @Override
        public COSDictionary getCOSObject() {
            return dictionary;
        }
    }

    private static final class InkDrawer extends PageDrawer {
        private final InkRenderer r;
        private static final Color NOTHING = new Color(0, 0, 0, 0);

        InkDrawer(PageDrawerParameters parameters, InkRenderer r) throws IOException {
            super(parameters);
            this.r = r;
        }

        /**
         * Whether painting in {@code color} leaves this pass's ink as it is: an overprinting colour with none
         * of the ink (paiban's black type, in the C, M and Y passes). Such glyphs and paths are skipped,
         * which spares most of the glyph work of three passes out of four.
         */
        private boolean paintsNothing(PDColor color) throws IOException {
            return getPaint(color) == NOTHING;
        }

        @Override
        protected Paint getPaint(PDColor color) throws IOException {
            PDColorSpace space = color.getColorSpace();
            float[] inks = space == null ? null : inks(space, color.getComponents());
            if (inks == null) {
                if (space instanceof PDSeparation || space instanceof PDDeviceN) return NOTHING; // spot ink
                r.separable = false;
                return super.getPaint(color);
            }
            PDGraphicsState gs = getGraphicsState();
            boolean stroke = color == gs.getStrokingColor();
            boolean overprint = stroke ? gs.isOverprint() : gs.isNonStrokingOverprint();
            boolean leaves = overprint && gs.getOverprintMode() == 1 && space instanceof PDDeviceCMYK;
            if (r.ink == InkRenderer.CMY) {
                int zero = (inks[0] == 0 ? 1 : 0) + (inks[1] == 0 ? 1 : 0) + (inks[2] == 0 ? 1 : 0);
                if (leaves && zero == 3) return NOTHING;
                if (leaves && zero > 0) r.separable = false; // some inks left beneath, others painted
                return new Color(level(inks[0]), level(inks[1]), level(inks[2]));
            }
            if (leaves && inks[r.ink] == 0) {
                return NOTHING; // OPM 1: a zero component leaves the ink beneath
            }
            int v = level(inks[r.ink]);
            return new Color(v, v, v);
        }

        /** The grey that stands for an ink's amount: 255 for none, 0 for solid. */
        private static int level(float ink) {
            return 255 - Math.round(Math.max(0, Math.min(1, ink)) * 255);
        }

        private String pathObject() {
            Rectangle2D b = getLinePath().getBounds2D();
            // the path is in the page's own coordinates, from its lower left
            return String.format(Locale.ROOT, "path at %.0f, %.0f pt (%.0f × %.0f pt)", b.getX(), b.getY(),
                    b.getWidth(), b.getHeight());
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            if (r.seen != null) r.seen.colour(getGraphicsState().getNonStrokingColorSpace(), pathObject());
            if (paintsNothing(getGraphicsState().getNonStrokingColor())) {
                getLinePath().reset();
                return;
            }
            super.fillPath(windingRule);
        }

        @Override
        public void strokePath() throws IOException {
            if (r.seen != null) r.seen.colour(getGraphicsState().getStrokingColorSpace(), pathObject());
            if (paintsNothing(getGraphicsState().getStrokingColor())) {
                getLinePath().reset();
                return;
            }
            super.strokePath();
        }

        @Override
        public void fillAndStrokePath(int windingRule) throws IOException {
            if (r.seen != null) {
                r.seen.colour(getGraphicsState().getNonStrokingColorSpace(), pathObject());
                r.seen.colour(getGraphicsState().getStrokingColorSpace(), pathObject());
            }
            super.fillAndStrokePath(windingRule);
        }

        @Override
        public void shadingFill(COSName shadingName) throws IOException {
            if (r.seen != null) {
                PDShading shading = getResources().getShading(shadingName);
                if (shading != null) r.seen.colour(shading.getColorSpace(), "shading /" + shadingName.getName());
            }
            r.separable = false; // drawn in its own colours, which only a grey pass reads as one ink
            super.shadingFill(shadingName);
        }

        @Override
        protected void showFontGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
            PDGraphicsState gs = getGraphicsState();
            if (r.seen != null && gs.getTextState().getRenderingMode().isFill()) {
                PDColor c = gs.getNonStrokingColor();
                float size = (float) Math.hypot(trm.getValue(1, 0), trm.getValue(1, 1));
                PDColorSpace space = c.getColorSpace();
                // the names go into findings only: a page's many glyphs in K need neither
                if (isRgb(space) || isSpot(space)) r.seen.colour(space, "text in " + font.getName());
                r.seen.glyph(font, code, space == null ? null : inks(space, c.getComponents()), size);
            }
            boolean fill = gs.getTextState().getRenderingMode() == org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL;
            if (fill && paintsNothing(gs.getNonStrokingColor())) {
                return;
            }
            if (fill && r.beneath != null && getGraphics() == canvas) {
                // at most full K here on top of what C, M and Y lie beneath: if that is within the limit, the
                // glyph cannot break it, and drawing it would only measure by how much it is kept
                Rectangle2D box = glyphBox(trm, font);
                if (box != null) {
                    int most = r.beneath.most(box) + 255;
                    if (most <= r.limit) {
                        r.skippedMost = Math.max(r.skippedMost, most);
                        return;
                    }
                }
            }
            super.showFontGlyph(trm, font, code, displacement);
        }

        /** The page's own canvas: a transparency group draws on another, in other coordinates. */
        private Graphics2D canvas;

        @Override
        public void drawPage(Graphics2D g, PDRectangle pageSize) throws IOException {
            canvas = g;
            super.drawPage(g, pageSize);
        }

        /** Where any glyph of {@code font} may paint, in device pixels: the font's bounding box placed by trm. */
        private Rectangle2D glyphBox(Matrix trm, PDFont font) throws IOException {
            org.apache.fontbox.util.BoundingBox bb = font.getBoundingBox();
            if (bb == null || bb.getWidth() <= 0 || bb.getHeight() <= 0) return null;
            AffineTransform at = getGraphics().getTransform();
            at.concatenate(trm.createAffineTransform());
            at.concatenate(font.getFontMatrix().createAffineTransform());
            // the box's corners carried through, as a transformed shape's bounds would be, without the shape
            double x = bb.getLowerLeftX(), y = bb.getLowerLeftY();
            double[] corners = {x, y, x + bb.getWidth(), y, x + bb.getWidth(), y + bb.getHeight(), x, y + bb.getHeight()};
            at.transform(corners, 0, corners, 0, 4);
            double x0 = corners[0], x1 = x0, y0 = corners[1], y1 = y0;
            for (int i = 2; i < 8; i += 2) {
                x0 = Math.min(x0, corners[i]);
                x1 = Math.max(x1, corners[i]);
                y0 = Math.min(y0, corners[i + 1]);
                y1 = Math.max(y1, corners[i + 1]);
            }
            return new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
        }

        @Override
        public void endText() throws IOException {
            if (r.seen != null) r.seen.flushText();
            super.endText();
        }

        @Override
        public void drawImage(PDImage image) throws IOException {
            if (image.isStencil() || !(image.getCOSObject() instanceof COSStream stream)) {
                super.drawImage(image);
                return;
            }
            Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
            int page = r.seen != null ? r.seen.page : -1;
            String name = "image " + (stream.getKey() != null ? "(object " + stream.getKey().getNumber() + ") " : "")
                    + image.getWidth() + "×" + image.getHeight() + " px";
            double wPt = Math.hypot(ctm.getValue(0, 0), ctm.getValue(0, 1));
            double hPt = Math.hypot(ctm.getValue(1, 0), ctm.getValue(1, 1));
            Samples s = r.samples.get(stream);
            if (s == null) {
                // to the raster's own resolution, by a whole factor: what is left, a scale between ½ and 1, the
                // renderer draws directly, where a larger image goes through AWT's area-averaging filter,
                // which took most of the check's time
                double fine = DPI / 72;
                int factor = (int) Math.max(1, Math.min(image.getWidth() / Math.max(1, wPt * fine),
                        image.getHeight() / Math.max(1, hPt * fine)));
                s = new Samples(image, factor, name, r.buffer);
                r.samples.put(stream, s);
            }
            if (r.seen != null) {
                double dpi = Math.min(image.getWidth() / (wPt / 72), image.getHeight() / (hPt / 72));
                String line = String.format(Locale.ROOT, "p%d: %s placed at %.0f × %.0f pt: %.0f dpi", page, name,
                        wPt, hPt, dpi);
                r.seen.images.add(line);
                r.seen.colour(image.getColorSpace(), name);
                if (dpi < MIN_IMAGE_DPI) {
                    r.seen.findings.add(new PressFinding(PressFinding.Rule.LOW_RESOLUTION, page, name,
                            String.format(Locale.ROOT, "%.0f dpi at its placed size of %.0f × %.0f pt; newsprint needs %.0f",
                                    dpi, wPt, hPt, MIN_IMAGE_DPI)), "");
                }
            }
            int slot = r.ink == InkRenderer.CMY ? Samples.JOINT : r.ink;
            PDImage plane = s.images[slot];
            if (plane == null) {
                if (image instanceof PDImageXObject x && x.getCOSObject().getDictionaryObject(COSName.SMASK) != null) {
                    // a soft mask is PDFBox's to apply, to the plane as to the image: through an image of its own
                    PDImageXObject masked = slot == Samples.JOINT
                            ? new PDImageXObject(r.scratch, new ByteArrayInputStream(s.joint()), null, s.width, s.height, 8,
                                    PDDeviceRGB.INSTANCE)
                            : new PDImageXObject(r.scratch, new ByteArrayInputStream(s.planes[r.ink]), null,
                                    s.width, s.height, 8, PDDeviceGray.INSTANCE);
                    masked.getCOSObject().setItem(COSName.SMASK, x.getCOSObject().getItem(COSName.SMASK));
                    masked.setInterpolate(image.getInterpolate());
                    plane = masked;
                } else {
                    plane = new Plane(slot == Samples.JOINT ? s.jointImage() : s.greyImage(r.ink), image.getInterpolate());
                }
                s.images[slot] = plane;
            }
            super.drawImage(plane);
        }
    }
}
