package paiban.finish;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import paiban.codec.TurboJpeg;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.DeflaterOutputStream;

/**
 * A CMYK photo or ad brought under the press's ink limit. Its inks are already separated (by an agency,
 * for some other press), so nothing is separated again through the profile: only where a pixel's C + M +
 * Y + K exceeds the limit is it re-separated in CMYK by {@link InkLimit}'s rule, grey component
 * replacement first (the grey that C, M and Y print together goes to K), then a chromatic reduction
 * that keeps the hue. Pixels within the limit keep their inks. A file already within the limit is left
 * as it is, byte for byte.
 *
 * <p>The result is a CMYK JPEG again (a photo is kept lossy), made to keep the limit as decoded, block by
 * block, as {@link InkLimitedJpeg} does for separated RGB photos; or, should a block still overshoot
 * after {@link InkLimitedJpeg#PASSES} passes, the limited samples stored losslessly.
 */
final class InkLimitedCmyk {

    private InkLimitedCmyk() {
    }

    /** Whether print must look at this image's inks: four process components, C, M, Y and K. */
    static boolean isCmyk(PDColorSpace space) {
        return space instanceof PDDeviceCMYK || space instanceof PDICCBased icc && icc.getNumberOfComponents() == 4;
    }

    /**
     * The image's inks as the press reads them, 4 bytes a pixel (0 no ink, 255 full): the stored samples
     * through the image's Decode array, which for Adobe's CMYK JPEGs inverts them. Read on the calling
     * thread, since PDFBox objects belong to their document.
     *
     * @param raw the image's JPEG bytes, when it is a JPEG; else its samples are read through PDFBox's filters
     */
    static Inks inks(PDImageXObject image, byte[] raw) throws IOException {
        int w = image.getWidth(), h = image.getHeight();
        byte[] stored;
        if (raw != null) {
            stored = jpegSamples(raw, w, h);
        } else {
            if (image.getBitsPerComponent() != 8) return null;
            try (InputStream in = image.getStream().createInputStream()) {
                stored = in.readAllBytes();
            }
            if (stored.length < w * h * 4) return null;
        }
        boolean inverted = image.getCOSObject().getDictionaryObject(COSName.DECODE) instanceof COSArray d
                && d.size() >= 2 && d.getObject(0) instanceof COSNumber a && d.getObject(1) instanceof COSNumber b
                && a.floatValue() > b.floatValue();
        byte[] ink = new byte[w * h * 4];
        for (int i = 0; i < ink.length; i++) ink[i] = (byte) (inverted ? 255 - (stored[i] & 0xff) : stored[i]);
        return new Inks(ink, w, h);
    }

    /** A CMYK image's inks, 4 bytes a pixel (C, M, Y, K; 255 is full ink). */
    record Inks(byte[] samples, int width, int height) {

        /** The most ink at any pixel, as a sum of 8-bit levels. */
        int most() {
            int most = 0;
            for (int i = 0; i < samples.length; i += 4) {
                most = Math.max(most, (samples[i] & 0xff) + (samples[i + 1] & 0xff) + (samples[i + 2] & 0xff)
                        + (samples[i + 3] & 0xff));
            }
            return most;
        }
    }

    /**
     * The print form of a CMYK image whose inks exceed {@code limit} somewhere, or null when they do not
     * (the file goes to press as it is). Runs on a worker.
     *
     * @param jpeg whether the image was a JPEG, and so may be one again
     */
    static Pixels.Encoded limit(Inks inks, boolean jpeg, InkLimit limit, float quality) throws IOException {
        if (inks.most() <= limit.levels()) return null;
        int w = inks.width(), h = inks.height();
        if (jpeg) {
            byte[] file = encode(inks, limit, quality);
            if (file != null) return new Pixels.Encoded(file, true, w, h, PDDeviceCMYK.INSTANCE);
        }
        byte[] limited = inks.samples().clone();
        limitPixels(limited, 0, w * h, limit);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(packed)) {
            z.write(limited);
        }
        return new Pixels.Encoded(packed.toByteArray(), false, w, h, PDDeviceCMYK.INSTANCE);
    }

    /**
     * A CMYK JPEG of the inks limited to {@code limit}, every decoded pixel within it less
     * {@link InkLimitedJpeg#DECODER_SLACK}; null when no JPEG could be made so.
     */
    private static byte[] encode(Inks inks, InkLimit limit, float quality) throws IOException {
        int w = inks.width(), h = inks.height(), block = InkLimitedJpeg.BLOCK;
        int bw = (w + block - 1) / block, bh = (h + block - 1) / block;
        byte[] ink = inks.samples();
        // the JPEG takes Adobe's inverted samples
        byte[] inverted = new byte[ink.length];
        int[] px = new int[4];
        for (int i = 0; i < ink.length; i += 4) {
            limitPixel(ink, i, px, limit);
            for (int c = 0; c < 4; c++) inverted[i + c] = (byte) (255 - px[c]);
        }
        int allowed = limit.levels() - InkLimitedJpeg.DECODER_SLACK;
        int[] under = new int[bw * bh];
        for (int pass = 0; pass < InkLimitedJpeg.PASSES; pass++) {
            byte[] file = Pixels.cmykJpeg(inverted, w, h, quality);
            int[] most = InkLimitedJpeg.mostInkPerBlock(file, w, h);
            boolean within = true;
            for (int b = 0; b < most.length; b++) {
                int over = most[b] - allowed;
                if (over <= 0) continue;
                within = false;
                under[b] += (over * 100 + 254) / 255 + InkLimitedJpeg.STEP;
                InkLimit tighter = new InkLimit(Math.max(InkLimit.LOWEST_PERCENT, limit.percent() - under[b]));
                int x0 = b % bw * block, y0 = b / bw * block;
                for (int y = y0; y < Math.min(h, y0 + block); y++) {
                    for (int x = x0; x < Math.min(w, x0 + block); x++) {
                        int i = (y * w + x) * 4;
                        limitPixel(ink, i, px, tighter);
                        for (int c = 0; c < 4; c++) inverted[i + c] = (byte) (255 - px[c]);
                    }
                }
            }
            if (within) return file;
        }
        return null;
    }

    /** The pixel at {@code i} of {@code ink} within {@code limit}, into {@code px}. */
    private static void limitPixel(byte[] ink, int i, int[] px, InkLimit limit) {
        for (int c = 0; c < 4; c++) px[c] = ink[i + c] & 0xff;
        limit.apply8(px);
    }

    private static void limitPixels(byte[] ink, int from, int count, InkLimit limit) {
        int[] px = new int[4];
        for (int i = from * 4; i < (from + count) * 4; i += 4) {
            limitPixel(ink, i, px, limit);
            for (int c = 0; c < 4; c++) ink[i + c] = (byte) px[c];
        }
    }

    /**
     * A four-component JPEG's samples as stored (Adobe's are inverted), YCCK turned back into them:
     * by TurboJPEG where it is installed, else by ImageIO's raster, which converts no colour.
     */
    private static byte[] jpegSamples(byte[] jpeg, int w, int h) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo != null) return turbo.cmykSamples(jpeg);
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            boolean ycck = adobeTransform(reader) == 2;
            Raster r = reader.readRaster(0, null);
            byte[] out = new byte[w * h * 4];
            int[] line = new int[w * 4];
            for (int y = 0, o = 0; y < h; y++) {
                r.getPixels(0, y, w, 1, line);
                for (int x = 0; x < w; x++, o += 4) {
                    int a = line[4 * x], b = line[4 * x + 1], c = line[4 * x + 2];
                    if (ycck) {
                        // YCC to the stored (inverted) C, M, Y, as JFIF's YCbCr to RGB
                        out[o] = (byte) clamp(a + 1.402 * (c - 128));
                        out[o + 1] = (byte) clamp(a - 0.344136 * (b - 128) - 0.714136 * (c - 128));
                        out[o + 2] = (byte) clamp(a + 1.772 * (b - 128));
                    } else {
                        out[o] = (byte) a;
                        out[o + 1] = (byte) b;
                        out[o + 2] = (byte) c;
                    }
                    out[o + 3] = (byte) line[4 * x + 3];
                }
            }
            return out;
        } finally {
            reader.dispose();
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** The Adobe segment's colour transform (0 none, 2 YCCK), 0 when the file has none. */
    private static int adobeTransform(ImageReader reader) throws IOException {
        var tree = (Element) reader.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
        NodeList adobe = tree.getElementsByTagName("app14Adobe");
        if (adobe.getLength() == 0) return 0;
        String t = ((Element) adobe.item(adobe.getLength() - 1)).getAttribute("transform");
        return t.isEmpty() ? 0 : Integer.parseInt(t);
    }
}
