package paiban.check;

import paiban.codec.TurboJpeg;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A CMYK JPEG's samples as stored, 4 bytes a pixel: what a PDF's DCTDecode filter yields before the image's
 * Decode array applies. A YCCK file (Adobe transform 2) is turned back into the samples it was made from.
 */
final class JpegSamples {

    private JpegSamples() {
    }

    /** The samples, or null when the file is not a {@code width} × {@code height} four-component JPEG. */
    static byte[] cmyk(byte[] jpeg, int width, int height) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo != null) {
            byte[] s = turbo.cmykSamples(jpeg);
            return s.length == width * height * 4 ? s : null;
        }
        return imageIo(jpeg, width, height);
    }

    /** As {@link #cmyk}, through ImageIO: where libjpeg-turbo is not installed. */
    static byte[] imageIo(byte[] jpeg, int width, int height) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            Raster r = reader.readRaster(0, null); // no colour conversion: the components as coded
            if (r.getNumBands() != 4 || r.getWidth() != width || r.getHeight() != height) return null;
            boolean ycck = adobeTransform(jpeg) == 2;
            byte[] out = new byte[width * height * 4];
            int[] px = new int[4];
            for (int y = 0, o = 0; y < height; y++) {
                for (int x = 0; x < width; x++, o += 4) {
                    r.getPixel(x, y, px);
                    if (ycck) {
                        // JFIF's YCbCr to RGB on the first three, then each taken from 255: YCCK codes the
                        // complement of C, M and Y as RGB (libjpeg's ycck_cmyk_convert), K as it is
                        double yy = px[0], cb = px[1] - 128, cr = px[2] - 128;
                        px[0] = 255 - clamp(yy + 1.402 * cr);
                        px[1] = 255 - clamp(yy - 0.344136 * cb - 0.714136 * cr);
                        px[2] = 255 - clamp(yy + 1.772 * cb);
                    }
                    for (int k = 0; k < 4; k++) out[o + k] = (byte) px[k];
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

    /** The transform flag of the Adobe APP14 segment (0 none, 1 YCbCr, 2 YCCK), or -1 without one. */
    static int adobeTransform(byte[] jpeg) {
        for (int i = 2; i + 4 < jpeg.length && (jpeg[i] & 0xff) == 0xFF; ) {
            int marker = jpeg[i + 1] & 0xff;
            int length = (jpeg[i + 2] & 0xff) << 8 | (jpeg[i + 3] & 0xff);
            if (marker == 0xEE && length >= 12 && i + 15 < jpeg.length && jpeg[i + 4] == 'A' && jpeg[i + 5] == 'd') {
                return jpeg[i + 15] & 0xff;
            }
            if (marker == 0xDA) break; // start of scan: no more headers
            i += 2 + length;
        }
        return -1;
    }
}
