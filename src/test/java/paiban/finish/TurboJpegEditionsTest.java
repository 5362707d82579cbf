package paiban.finish;

import org.junit.jupiter.api.Test;
import paiban.testing.Turbo;

import org.apache.pdfbox.cos.COSName;
import paiban.codec.TurboJpeg;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TurboJPEG must write print's CMYK JPEGs so that a PDF reader decodes the very samples given (it
 * stores them as YCCK, which readers transform back), and decode photos to the pixels ImageIO gives.
 * CI installs Debian's libturbojpeg-java, where these tests run; elsewhere they are skipped.
 */
class TurboJpegEditionsTest {

    private static TurboJpeg turbo() {
        return Turbo.required();
    }

    @Test
    void cmykJpegsShowWhatImageIosPlainCmykJpegsShow() throws IOException {
        TurboJpeg t = turbo();
        int w = 64, h = 48;
        byte[] samples = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 4; // smooth ramps, one per ink, so that JPEG keeps them closely
                samples[o] = (byte) (x * 4);
                samples[o + 1] = (byte) (y * 5);
                samples[o + 2] = (byte) (255 - x * 3);
                samples[o + 3] = (byte) ((x + y) * 2);
            }
        }
        // what a PDF reader decodes (PDFBox's DCT filter, as print.pdf embeds it) must be what it decodes
        // from ImageIO's plain CMYK JPEG of the same samples, the encoder used without TurboJPEG
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject turbo = JPEGFactory.createFromByteArray(doc, t.cmyk(samples, w, h, 92));
            PDImageXObject plain = JPEGFactory.createFromByteArray(doc, Pixels.imageIoCmykJpeg(samples, w, h, 0.92f));
            assertEquals(String.valueOf(plain.getCOSObject().getDictionaryObject(COSName.DECODE)),
                    String.valueOf(turbo.getCOSObject().getDictionaryObject(COSName.DECODE)));
            int[] a = turbo.getImage().getRaster().getPixels(0, 0, w, h, (int[]) null);
            int[] b = plain.getImage().getRaster().getPixels(0, 0, w, h, (int[]) null);
            // both are lossy: they differ by JPEG's noise, amplified by the CMYK → RGB conversion; a reading
            // of inverted or untransformed inks would be off by a hundred levels and more
            int worst = 0;
            long sum = 0;
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
                sum += Math.abs(a[i] - b[i]);
            }
            double mean = (double) sum / a.length;
            assertTrue(worst <= 24 && mean <= 2, "worst channel off by " + worst + ", mean " + mean);
        }
    }

    @Test
    void photosDecodeToThePixelsImageIoGives() throws IOException {
        TurboJpeg t = turbo();
        BufferedImage photo = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < 100; y++) for (int x = 0; x < 160; x++) photo.setRGB(x, y, random.nextInt(1 << 24) & 0x3f3f3f | x << 16 | y << 8);
        Path file = Files.createTempFile("paiban-turbo", ".jpg");
        try {
            ImageIO.write(photo, "jpeg", file.toFile());
            byte[] jpeg = Files.readAllBytes(file);
            BufferedImage mine = t.decode(jpeg), theirs = ImageIO.read(file.toFile());
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, mine.getType());
            int worst = 0;
            for (int y = 0; y < 100; y++) {
                for (int x = 0; x < 160; x++) {
                    int a = mine.getRGB(x, y), b = theirs.getRGB(x, y);
                    for (int s = 0; s <= 16; s += 8) worst = Math.max(worst, Math.abs((a >> s & 0xff) - (b >> s & 0xff)));
                }
            }
            assertTrue(worst <= 3, "worst channel off by " + worst);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void screenJpegsAreOrdinaryJfifThatShowThePhoto() throws IOException {
        TurboJpeg t = turbo();
        BufferedImage photo = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 96; x++) photo.setRGB(x, y, (x * 2) << 16 | (y * 3) << 8 | 0x80);
        byte[] jpeg = t.rgb(photo, 90);
        assertTrue(new String(jpeg, 0, 12, java.nio.charset.StandardCharsets.ISO_8859_1).contains("JFIF"));
        BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        int worst = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                int a = back.getRGB(x, y), b = photo.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) worst = Math.max(worst, Math.abs((a >> s & 0xff) - (b >> s & 0xff)));
            }
        }
        assertTrue(worst <= 8, "worst channel off by " + worst);
    }
}
