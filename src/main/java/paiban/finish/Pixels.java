package paiban.finish;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import paiban.codec.TurboJpeg;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.DeflaterOutputStream;
import java.util.List;

/** Pixel work shared by the editions: resampling, CMYK separation and JPEG encoding. */
final class Pixels {

    /**
     * An image encoded for one edition, not yet part of any document: made on a worker thread, put into
     * the edition's document by the thread that owns it ({@link #toImage}).
     *
     * @param jpeg whether {@code data} is a JPEG file; otherwise Flate-compressed samples of {@code space}
     */
    record Encoded(byte[] data, boolean jpeg, int width, int height, PDColorSpace space) {

        PDImageXObject toImage(PDDocument doc) throws IOException {
            if (jpeg) {
                // what JPEGFactory.createFromByteArray makes, from the frame header alone: it reads the whole
                // file's metadata through ImageIO for the size and components, most of the swap's time
                JpegFrame frame = JpegFrame.of(data);
                PDColorSpace cs = switch (frame.components()) {
                    case 1 -> PDDeviceGray.INSTANCE;
                    case 3 -> PDDeviceRGB.INSTANCE;
                    case 4 -> PDDeviceCMYK.INSTANCE;
                    default -> throw new IOException("a JPEG of " + frame.components() + " components");
                };
                PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(data), COSName.DCT_DECODE,
                        frame.width(), frame.height(), 8, cs);
                if (cs == PDDeviceCMYK.INSTANCE) {
                    // Adobe's CMYK JPEGs hold their samples inverted, as every encoder paiban uses writes them
                    COSArray decode = new COSArray();
                    for (int i = 0; i < 4; i++) {
                        decode.add(COSInteger.ONE);
                        decode.add(COSInteger.ZERO);
                    }
                    image.setDecode(decode);
                }
                return image;
            }
            return new PDImageXObject(doc, new ByteArrayInputStream(data), COSName.FLATE_DECODE, width, height, 8, space);
        }
    }

    private Pixels() {
    }

    /** Whether the image is stored as a JPEG (its last filter is DCTDecode): a photo, to be kept lossy. */
    static boolean isJpeg(PDImageXObject image) {
        List<COSName> filters = image.getStream().getFilters();
        return !filters.isEmpty() && filters.get(filters.size() - 1).equals(COSName.DCT_DECODE);
    }

    /**
     * How many pixels the print form (when {@code print}) and the screen form (when {@code screen}) of a
     * photo need at most: what {@link PrintPdf#toCmyk} and {@link EmailPdf#shrink} reduce it to.
     */
    static int[] needed(Placement p, boolean print, boolean screen) {
        int[] full = {p.pixelWidth(), p.pixelHeight()};
        int[] forPrint = !print ? new int[2] : p.dpi() > PrintPdf.CAP_DPI ? sizeFor(p, PrintPdf.TARGET_DPI) : full;
        int[] forScreen = !screen ? new int[2] : p.dpi() > EmailPdf.MAX_DPI ? sizeFor(p, EmailPdf.MAX_DPI) : full;
        return new int[]{Math.max(forPrint[0], forScreen[0]), Math.max(forPrint[1], forScreen[1])};
    }

    /**
     * A JPEG file's frame header: its size and how many components it has (1 is grey), and whether an
     * ICC colour profile (an APP2 "ICC_PROFILE" segment) comes before it.
     */
    record JpegFrame(int width, int height, int components, boolean icc) {

        static JpegFrame of(byte[] jpeg) throws IOException {
            if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
                throw new IOException("not a JPEG file");
            }
            boolean icc = false;
            for (int i = 2; i + 9 < jpeg.length; ) {
                if ((jpeg[i] & 0xff) != 0xFF) throw new IOException("not a JPEG file");
                int marker = jpeg[i + 1] & 0xff;
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    // SOFn: length (2), precision (1), height (2), width (2), components (1)
                    return new JpegFrame((jpeg[i + 7] & 0xff) << 8 | (jpeg[i + 8] & 0xff),
                            (jpeg[i + 5] & 0xff) << 8 | (jpeg[i + 6] & 0xff), jpeg[i + 9] & 0xff, icc);
                }
                if (marker == 0xE2 && i + 16 < jpeg.length && new String(jpeg, i + 4, 12,
                        java.nio.charset.StandardCharsets.ISO_8859_1).equals("ICC_PROFILE\0")) {
                    icc = true;
                }
                i += 2 + ((jpeg[i + 2] & 0xff) << 8 | (jpeg[i + 3] & 0xff));
            }
            throw new IOException("a JPEG file without a frame header");
        }
    }

    /** The pixel size that gives {@code targetDpi} at the placed size, never larger than the image. */
    static int[] sizeFor(Placement p, double targetDpi) {
        int w = (int) Math.max(1, Math.round(p.widthPt() / 72 * targetDpi));
        int h = (int) Math.max(1, Math.round(p.heightPt() / 72 * targetDpi));
        return new int[]{Math.min(w, p.pixelWidth()), Math.min(h, p.pixelHeight())};
    }

    /**
     * Scales down to {@code w × h} as an opaque RGB image for print: halves with bilinear filtering while
     * the image is more than twice too large (one bicubic step from far away would alias fine detail), then
     * one bicubic step.
     */
    static BufferedImage scale(BufferedImage src, int w, int h) {
        return scale(src, w, h, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    /**
     * As {@link #scale}, for screens (email, thumbnails): the last step, less than a halving, bilinear. At
     * a screen's size that step looks the same either way, and Java2D's bicubic took four times as long
     * (35–43 ms against 9–10 for a 1600 × 1000 photo to 1100 px, one core, C1): most of the email edition's
     * photo work.
     */
    static BufferedImage scaleForScreen(BufferedImage src, int w, int h) {
        return scale(src, w, h, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    private static BufferedImage scale(BufferedImage src, int w, int h, Object lastStep) {
        BufferedImage img = toRgb(src);
        int cw = img.getWidth(), ch = img.getHeight();
        while (cw / 2 >= w && ch / 2 >= h) {
            cw /= 2;
            ch /= 2;
            img = draw(img, cw, ch, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (cw != w || ch != h) {
            img = draw(img, w, h, lastStep);
        }
        return img;
    }

    static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        return draw(src, src.getWidth(), src.getHeight(), RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h, Object interpolation) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * Interleaved 8-bit C, M, Y, K samples of an RGB image, through the profile; {@code inverted} gives
     * 255 − v, as Adobe's CMYK JPEGs store them.
     */
    static byte[] separate(BufferedImage rgbImage, CmykTransform transform, boolean inverted) {
        return separate(rgbImage, transform, inverted, null);
    }

    /**
     * As {@link #separate(BufferedImage, CmykTransform, boolean)}, into the first 4 × w × h bytes of {@code into}
     * where it is that long (it is returned), else into a new array.
     */
    static byte[] separate(BufferedImage rgbImage, CmykTransform transform, boolean inverted, byte[] into) {
        int w = rgbImage.getWidth(), h = rgbImage.getHeight();
        byte[] cmyk = into != null && into.length >= w * h * 4 ? into : new byte[w * h * 4];
        if (rgbImage.getType() == BufferedImage.TYPE_3BYTE_BGR
                && rgbImage.getRaster().getDataBuffer() instanceof DataBufferByte bytes
                && bytes.getNumBanks() == 1 && bytes.getData().length == w * h * 3) {
            // what ImageIO decodes a JPEG into: read its samples in place, without a copy to packed ints
            transform.convertBgr(bytes.getData(), w * h, cmyk, inverted);
            return cmyk;
        }
        BufferedImage img = toRgb(rgbImage);
        if (img.getRaster().getDataBuffer() instanceof DataBufferInt ints && ints.getNumBanks() == 1
                && ints.getData().length == w * h) {
            // what scale and toRgb draw into: the whole photo in one call, so that one cache of recent
            // colours serves all of it rather than a fresh one (512 KB to clear) each row
            transform.convert(ints.getData(), w * h, cmyk, 0, inverted);
            return cmyk;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRaster().getDataElements(0, y, w, 1, row);
            transform.convert(row, w, cmyk, y * w * 4, inverted);
        }
        return cmyk;
    }

    /**
     * A CMYK JPEG from samples already inverted ({@link #separate} with {@code inverted}). ImageIO's writer
     * takes a four-band raster as is and marks it Adobe; readers of such files (PDF viewers, RIPs) expect
     * Adobe's inverted samples.
     */
    static byte[] cmykJpeg(byte[] invertedCmyk, int w, int h, float quality) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo != null) {
            return turbo.cmyk(invertedCmyk, w, h, Math.round(quality * 100));
        }
        return imageIoCmykJpeg(invertedCmyk, w, h, quality);
    }

    /** {@link #cmykJpeg} by ImageIO: plain four-component CMYK, no Adobe marker. */
    static byte[] imageIoCmykJpeg(byte[] invertedCmyk, int w, int h, float quality) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(invertedCmyk, invertedCmyk.length),
                w, h, w * 4, 4, new int[]{0, 1, 2, 3}, null);
        return jpeg(new IIOImage(raster, null, null), quality);
    }

    /** 8-bit R, G, B samples of an image, Flate-compressed: a lossless image stream's data. */
    static byte[] deflatedRgb(BufferedImage src) throws IOException {
        BufferedImage img = toRgb(src);
        int w = img.getWidth(), h = img.getHeight();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(packed)) {
            int[] row = new int[w];
            byte[] out = new byte[w * 3];
            for (int y = 0; y < h; y++) {
                img.getRaster().getDataElements(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    out[x * 3] = (byte) (row[x] >> 16);
                    out[x * 3 + 1] = (byte) (row[x] >> 8);
                    out[x * 3 + 2] = (byte) row[x];
                }
                z.write(out);
            }
        }
        return packed.toByteArray();
    }

    /**
     * A JPEG file's pixels, at least {@code needed} (width, height) of them: by TurboJPEG where it is
     * installed, which decodes straight to a smaller size when the photo has many more pixels than
     * needed, else ImageIO, whole; never null.
     */
    static BufferedImage decodeJpeg(byte[] jpeg, int[] needed) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        BufferedImage img = turbo != null ? turbo.decode(jpeg, needed[0], needed[1]) : null;
        if (img == null) img = javax.imageio.ImageIO.read(new ByteArrayInputStream(jpeg));
        if (img == null) throw new IOException("a photo's JPEG data could not be decoded");
        return img;
    }

    /** An RGB JPEG (JFIF, YCbCr). */
    static byte[] rgbJpeg(BufferedImage img, float quality) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo != null) {
            return turbo.rgb(toRgb(img), Math.round(quality * 100));
        }
        return jpeg(new IIOImage(toRgb(img), null, null), quality);
    }

    private static byte[] jpeg(IIOImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, image, param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
