package paiban.finish;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngFileTest {

    /** Anti-aliased text and a noisy block on white: every value of every channel. */
    private static BufferedImage page(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x8a1c1c));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 23));
        g.drawString("Headline 42", 5, 30);
        g.dispose();
        SplittableRandom random = new SplittableRandom(7);
        for (int y = height / 2; y < height; y++) {
            for (int x = 0; x < width / 2; x++) image.setRGB(x, y, random.nextInt(1 << 24));
        }
        return image;
    }

    private static int[] rgb(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) pixels[i] &= 0xffffff;
        return pixels;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngFile.write(image, out, 1);
        return out.toByteArray();
    }

    @Test
    void readsBackToTheSamePixels() throws IOException {
        BufferedImage image = page(151, 67);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png(image)));
        assertEquals(151, back.getWidth());
        assertEquals(67, back.getHeight());
        assertArrayEquals(rgb(image), rgb(back));
    }

    @Test
    void aCutOutOfALargerImageIsWrittenFromItsOwnCorner() throws IOException {
        BufferedImage whole = page(151, 67);
        BufferedImage part = whole.getSubimage(17, 9, 80, 50);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png(part)));
        assertArrayEquals(rgb(part), rgb(back));
    }

    @Test
    void theSamePixelsGiveTheSameBytes() throws IOException {
        assertArrayEquals(png(page(151, 67)), png(page(151, 67)));
    }

    @Test
    void onlyRgbImagesAreTaken() {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        var e = assertThrows(IllegalArgumentException.class, () -> png(grey));
        assertTrue(e.getMessage().contains("TYPE_INT_RGB"), e.getMessage());
    }
}
