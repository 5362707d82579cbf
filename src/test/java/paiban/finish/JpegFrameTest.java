package paiban.finish;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The head start reads a photo's size and colour from its frame header, before any pixel is decoded. */
class JpegFrameTest {

    private static byte[] jpeg(int w, int h, int type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, type), "jpeg", out);
        return out.toByteArray();
    }

    @Test
    void sizeAndComponentsComeFromTheFrameHeader() throws IOException {
        assertEquals(new Pixels.JpegFrame(1600, 1000, 3, false), Pixels.JpegFrame.of(jpeg(1600, 1000, BufferedImage.TYPE_INT_RGB)));
        assertEquals(new Pixels.JpegFrame(300, 257, 1, false), Pixels.JpegFrame.of(jpeg(300, 257, BufferedImage.TYPE_BYTE_GRAY)));
    }

    @Test
    void somethingElseIsNotTakenForAJpeg() {
        assertThrows(IOException.class, () -> Pixels.JpegFrame.of(new byte[]{(byte) 0xFF, (byte) 0xD8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    }
}
