package paiban.codec;

import org.junit.jupiter.api.Test;
import paiban.testing.Turbo;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The copy reader's check: a sound JPEG passes, a cut or corrupted one is refused with the decoder's reason. */
class TurboJpegTest {

    private static TurboJpeg turbo() {
        return Turbo.required();
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) for (int x = 0; x < 320; x++) img.setRGB(x, y, (x * 7 ^ y * 13) & 0xffffff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    @Test
    void aSoundJpegPasses() throws IOException {
        byte[] good = jpeg();
        TurboJpeg t = turbo();
        assertDoesNotThrow(() -> t.check(good));
    }

    @Test
    void aJpegCutShortIsRefused() throws IOException {
        byte[] good = jpeg();
        TurboJpeg t = turbo();
        assertThrows(IOException.class, () -> t.check(Arrays.copyOf(good, good.length / 2)));
        assertThrows(IOException.class, () -> t.check(Arrays.copyOf(good, good.length - 2)));
    }

    @Test
    void aJpegWithGarbageInItsImageDataIsRefused() throws IOException {
        byte[] bad = jpeg();
        for (int i = bad.length / 2; i < bad.length / 2 + 64; i++) bad[i] = (byte) 0xFF; // markers where data should be
        TurboJpeg t = turbo();
        assertThrows(IOException.class, () -> t.check(bad));
    }
}
