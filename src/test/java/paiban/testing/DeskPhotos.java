package paiban.testing;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Photos as a photo desk sends them, made by the test itself: sideways phone photos with an EXIF
 * Orientation, CMYK and YCCK JPEGs with and without a colour profile, RGB with an Adobe RGB profile. They
 * all show one picture when they stand as they should: {@link #quadrants}, red, green, blue and yellow
 * quarters, which no turn or mirror leaves as it was. The segments (APP1 Exif, APP2 ICC_PROFILE,
 * APP14 Adobe) are written here byte by byte from their specifications, independently of paiban's reader.
 */
public final class DeskPhotos {

    /** The quarters' colours, clockwise from the top left, as the photo stands. */
    public static final Color TOP_LEFT = Color.RED, TOP_RIGHT = Color.GREEN, BOTTOM_RIGHT = Color.YELLOW,
            BOTTOM_LEFT = Color.BLUE;

    private DeskPhotos() {
    }

    /** The picture as it stands: four quarters in four colours, with a white cross between them. */
    public static BufferedImage quadrants(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int gap = Math.max(2, w / 40);
        g.setColor(TOP_LEFT);
        g.fillRect(0, 0, w / 2 - gap, h / 2 - gap);
        g.setColor(TOP_RIGHT);
        g.fillRect(w / 2 + gap, 0, w - w / 2 - gap, h / 2 - gap);
        g.setColor(BOTTOM_LEFT);
        g.fillRect(0, h / 2 + gap, w / 2 - gap, h - h / 2 - gap);
        g.setColor(BOTTOM_RIGHT);
        g.fillRect(w / 2 + gap, h / 2 + gap, w - w / 2 - gap, h - h / 2 - gap);
        g.dispose();
        return img;
    }

    /**
     * The pixels a camera stores for {@code standing} when it writes EXIF Orientation {@code o}: turned or
     * mirrored so that applying {@code o} (TIFF 6.0 / Exif 2.3, tag 0x0112) gives {@code standing} back.
     * Orientation o says where the stored row 0 and column 0 go: 6 is "row 0 is the right side,
     * column 0 the top" (a phone held upright, its sensor on its side).
     */
    public static BufferedImage stored(BufferedImage standing, int o) {
        int w = standing.getWidth(), h = standing.getHeight();
        boolean swap = o >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int sy = 0; sy < out.getHeight(); sy++) {
            for (int sx = 0; sx < out.getWidth(); sx++) {
                int dx, dy;
                switch (o) {
                    case 1 -> { dx = sx; dy = sy; }
                    case 2 -> { dx = w - 1 - sx; dy = sy; }
                    case 3 -> { dx = w - 1 - sx; dy = h - 1 - sy; }
                    case 4 -> { dx = sx; dy = h - 1 - sy; }
                    case 5 -> { dx = sy; dy = sx; }
                    case 6 -> { dx = w - 1 - sy; dy = sx; }
                    case 7 -> { dx = w - 1 - sy; dy = h - 1 - sx; }
                    case 8 -> { dx = sy; dy = h - 1 - sx; }
                    default -> throw new IllegalArgumentException("orientation " + o);
                }
                out.setRGB(sx, sy, standing.getRGB(dx, dy));
            }
        }
        return out;
    }

    /** An RGB JPEG (JFIF) of {@code img}. */
    public static byte[] jpeg(BufferedImage img) {
        return write(new IIOImage(img, null, null));
    }

    /** {@code jpeg} with an APP1 Exif segment after SOI whose IFD0 holds Orientation = {@code o} (big-endian TIFF). */
    public static byte[] withOrientation(byte[] jpeg, int o) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        write(tiff, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        write(tiff, new byte[]{'M', 'M', 0, 42, 0, 0, 0, 8}); // byte order, magic, IFD0 at offset 8
        write(tiff, new byte[]{0, 1}); // one entry
        // tag 0x0112 Orientation, type 3 SHORT, count 1, value left-justified in the 4-byte field
        write(tiff, new byte[]{0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) o, 0, 0});
        write(tiff, new byte[]{0, 0, 0, 0}); // no IFD1
        return insertAfterSoi(jpeg, segment(0xE1, tiff.toByteArray()));
    }

    /**
     * {@code jpeg} with {@code profile} embedded in APP2 ICC_PROFILE segments: a profile longer than one
     * segment holds (a CMYK profile is often 200 KB) is cut into chunks numbered 1 of n, 2 of n, ...
     */
    public static byte[] withProfile(byte[] jpeg, byte[] profile) {
        int chunk = 65_000;
        int n = (profile.length + chunk - 1) / chunk;
        ByteArrayOutputStream segments = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            ByteArrayOutputStream app2 = new ByteArrayOutputStream();
            write(app2, "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
            write(app2, new byte[]{(byte) (i + 1), (byte) n});
            app2.write(profile, i * chunk, Math.min(chunk, profile.length - i * chunk));
            write(segments, segment(0xE2, app2.toByteArray()));
        }
        return insertAfterSoi(jpeg, segments.toByteArray());
    }

    /**
     * A four-component JPEG of {@code standing} converted naively to CMYK (K = 1 − max, then C, M, Y), as
     * Photoshop writes it: samples inverted (255 − value) and an APP14 Adobe segment with transform 0
     * (no colour transform) that tells readers so.
     */
    public static byte[] adobeCmyk(BufferedImage standing) {
        byte[] inverted = cmykSamples(standing, true);
        int w = standing.getWidth(), h = standing.getHeight();
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(inverted, inverted.length),
                w, h, w * 4, 4, new int[]{0, 1, 2, 3}, null);
        return insertAfterSoi(write(new IIOImage(raster, null, null)), adobe(0));
    }

    /** Interleaved C, M, Y, K of an RGB picture, naive conversion; inverted as Adobe stores them when asked. */
    public static byte[] cmykSamples(BufferedImage img, boolean inverted) {
        int w = img.getWidth(), h = img.getHeight();
        byte[] out = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                double r = (rgb >> 16 & 0xff) / 255.0, g = (rgb >> 8 & 0xff) / 255.0, b = (rgb & 0xff) / 255.0;
                double k = 1 - Math.max(r, Math.max(g, b));
                double c = k >= 1 ? 0 : (1 - r - k) / (1 - k), m = k >= 1 ? 0 : (1 - g - k) / (1 - k),
                        ye = k >= 1 ? 0 : (1 - b - k) / (1 - k);
                double[] v = {c, m, ye, k};
                for (int i = 0; i < 4; i++) {
                    int s = (int) Math.round(v[i] * 255);
                    out[(y * w + x) * 4 + i] = (byte) (inverted ? 255 - s : s);
                }
            }
        }
        return out;
    }

    /** APP14 "Adobe": version 100, no flags, the colour transform (0 none: RGB or CMYK; 2: YCCK). */
    private static byte[] adobe(int transform) {
        return segment(0xEE, new byte[]{'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform});
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        if (length > 0xFFFF) throw new IllegalArgumentException("segment too long: " + length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, new byte[]{(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
        write(out, payload);
        return out.toByteArray();
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    private static void write(ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
    }

    private static byte[] write(IIOImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, image, param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
