package paiban.web;

import paiban.codec.TurboJpeg;
import paiban.model.Photo;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Article photos at screen size, standing as their EXIF orientation says: JPEG, at most {@code maxWidth} pixels wide, never enlarged. */
final class ScreenPhotos {

    /** JPEG quality for photos on screen: no visible loss at their size, a fifth of the original's bytes. */
    private static final float QUALITY = 0.82f;

    private final Path folder;
    private final int maxWidth;

    record Saved(String name, int width, int height) {
    }

    ScreenPhotos(Path folder, int maxWidth) {
        this.folder = folder;
        this.maxWidth = maxWidth;
    }

    /**
     * The photo's pixels: through libjpeg-turbo where it is installed, scaled by M/8 while decoding to no
     * fewer pixels than the screen needs (as finish decodes its photos), else through ImageIO.
     */
    private BufferedImage decode(Photo photo) throws IOException {
        byte[] bytes = Files.readAllBytes(photo.file());
        TurboJpeg turbo = TurboJpeg.get();
        boolean jpeg = bytes.length > 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8;
        if (turbo != null && jpeg) {
            // the decoder works in stored terms: a photo stored sideways has its standing width along its height
            int w = Math.min(maxWidth, photo.width());
            int h = Math.max(1, Math.round((float) photo.height() * w / photo.width()));
            BufferedImage img = photo.turned() ? turbo.decode(bytes, h, w) : turbo.decode(bytes, w, h);
            if (img != null) return img;
        }
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        if (img == null) throw new IOException("no image reader for it");
        return img;
    }

    /**
     * The transform that stands pixels stored {@code sw} × {@code sh} with EXIF orientation {@code o} upright
     * in a {@code w} × {@code h} picture. Orientation o takes a stored point (sx, sy), both 0..1 from the
     * stored top left, to (u, v) as it stands: 2 mirrors, 3 turns a half, 4 flips, 5 transposes, 6 turns a
     * quarter clockwise, 7 transverses, 8 turns a quarter anticlockwise (TIFF 6.0, tag 274).
     */
    static AffineTransform standing(int o, int sw, int sh, int w, int h) {
        // u = a·sx + c·sy + e, v = b·sx + d·sy + f
        double[] m = switch (o) {
            case 2 -> new double[]{-1, 0, 0, 1, 1, 0};
            case 3 -> new double[]{-1, 0, 0, -1, 1, 1};
            case 4 -> new double[]{1, 0, 0, -1, 0, 1};
            case 5 -> new double[]{0, 1, 1, 0, 0, 0};
            case 6 -> new double[]{0, 1, -1, 0, 1, 0};
            case 7 -> new double[]{0, -1, -1, 0, 1, 1};
            case 8 -> new double[]{0, -1, 1, 0, 0, 1};
            default -> new double[]{1, 0, 0, 1, 0, 0};
        };
        return new AffineTransform(w * m[0] / sw, h * m[1] / sw, w * m[2] / sh, h * m[3] / sh, w * m[4], h * m[5]);
    }

    Saved save(Photo photo, String stem) throws IOException {
        BufferedImage src = decode(photo);
        int w = Math.min(maxWidth, photo.width());
        int h = Math.max(1, Math.round((float) photo.height() * w / photo.width()));
        // already upright, opaque, in colour and at size (a decoder's M/8 can land on it): as it is
        boolean asIs = src.getWidth() == w && src.getHeight() == h && photo.orientation() == 1
                && (src.getType() == BufferedImage.TYPE_3BYTE_BGR || src.getType() == BufferedImage.TYPE_INT_RGB);
        BufferedImage out = asIs ? src : standingAt(src, photo.orientation(), w, h);
        Files.createDirectories(folder);
        String name = stem + ".jpg";
        Files.write(folder.resolve(name), jpeg(out));
        return new Saved(name, w, h);
    }

    /**
     * The photo turned upright at {@code w} × {@code h}. libjpeg-turbo's decoder has already brought it to
     * less than twice that, where bilinear filtering loses nothing bicubic would keep at a third of the
     * cost; from further away (ImageIO's full-size decode) a bilinear step would alias fine detail, so
     * bicubic it is.
     */
    private static BufferedImage standingAt(BufferedImage src, int orientation, int w, int h) {
        boolean sideways = orientation >= 5;
        int sw = sideways ? src.getHeight() : src.getWidth(), sh = sideways ? src.getWidth() : src.getHeight();
        boolean near = sw < 2 * w && sh < 2 * h;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, near
                    ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, standing(orientation, src.getWidth(), src.getHeight(), w, h), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The screen JPEG: through libjpeg-turbo where it is installed (SIMD, several times quicker than
     * ImageIO's writer, with the same JFIF, 4:2:0 and quality), else ImageIO.
     */
    private static byte[] jpeg(BufferedImage img) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo != null) return turbo.rgb(img, Math.round(QUALITY * 100));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
