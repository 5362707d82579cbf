package paiban.finish;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG file (8-bit RGB, no interlace, no ancillary chunks) written straight from an RGB image's pixel
 * array, every row unfiltered. ImageIO's writer reads each row through the raster's per-sample getPixels
 * and tries all five row filters to keep the smallest; on rendered pages (bench-16p and the sample, at
 * deflate level 1) its files were no smaller than unfiltered rows (within 0.1 %), while Sub, Up or Paeth
 * on every row made bench-16p's 11-16 % larger (the sample's within 1 %). The bytes depend only on the pixels and the level, so
 * builds stay byte-identical.
 */
final class PngFile {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngFile() {
    }

    /**
     * Writes {@code image}, which must be {@link BufferedImage#TYPE_INT_RGB} (what PDFRenderer and
     * {@link Pixels#scale} make), to {@code out}.
     */
    static void write(BufferedImage image, OutputStream out, int level) throws IOException {
        if (image.getType() != BufferedImage.TYPE_INT_RGB
                || !(image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model)) {
            throw new IllegalArgumentException("PngFile writes TYPE_INT_RGB images only, not type " + image.getType());
        }
        int width = image.getWidth(), height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = model.getScanlineStride();
        int offset = image.getRaster().getDataBuffer().getOffset()
                - image.getRaster().getSampleModelTranslateY() * stride
                - image.getRaster().getSampleModelTranslateX();

        ByteArrayOutputStream idat = new ByteArrayOutputStream(width * height / 2);
        Deflater deflater = new Deflater(level);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            int rowBytes = width * 3;
            byte[] line = new byte[rowBytes + 1];  // line[0] = 0: filter type None
            for (int y = 0; y < height; y++) {
                int p = offset + y * stride;
                for (int x = 0, i = 0; x < width; x++, i += 3) {
                    int rgb = pixels[p + x];
                    line[i + 1] = (byte) (rgb >> 16);
                    line[i + 2] = (byte) (rgb >> 8);
                    line[i + 3] = (byte) rgb;
                }
                z.write(line);
            }
        } finally {
            deflater.end();
        }

        DataOutputStream data = new DataOutputStream(out);
        data.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8);  // bits per sample
        h.writeByte(2);  // colour type: RGB
        h.writeByte(0);  // compression: deflate
        h.writeByte(0);  // filter method: adaptive, five types
        h.writeByte(0);  // no interlace
        chunk(data, "IHDR", header.toByteArray(), header.size());
        chunk(data, "IDAT", idat.toByteArray(), idat.size());
        chunk(data, "IEND", new byte[0], 0);
        data.flush();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        out.writeInt(length);
        out.write(name);
        out.write(data, 0, length);
        out.writeInt((int) crc.getValue());
    }
}
