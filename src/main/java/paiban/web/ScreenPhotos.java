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
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Article photos at screen size: JPEG, at most {@code maxWidth} pixels wide, never enlarged. */
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
            int w = Math.min(maxWidth, photo.width());
            BufferedImage img = turbo.decode(bytes, w, Math.max(1, Math.round((float) photo.height() * w / photo.width())));
            if (img != null) return img;
        }
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        if (img == null) throw new IOException("no image reader for it");
        return img;
    }

    Saved save(Photo photo, String stem) throws IOException {
        BufferedImage src = decode(photo);
        int w = Math.min(maxWidth, photo.width());
        int h = Math.max(1, Math.round((float) photo.height() * w / photo.width()));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        Files.createDirectories(folder);
        String name = stem + ".jpg";
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream os = Files.newOutputStream(folder.resolve(name));
             ImageOutputStream stream = ImageIO.createImageOutputStream(os)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(out, null, null), param);
        } finally {
            writer.dispose();
        }
        return new Saved(name, w, h);
    }
}
