package paiban.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.testing.Turbo;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    @Test
    void cmykSamplesAPixelToAnIntAreTheBytesInMemoryOrderIntoTheArrayGiven() throws IOException {
        TurboJpeg t = turbo();
        int w = 37, h = 23;
        byte[] samples = new byte[w * h * 4];
        for (int i = 0; i < samples.length; i++) samples[i] = (byte) (i * 31 % 251);
        byte[] cmyk = t.cmyk(samples, w, h, 90);
        byte[] bytes = t.cmykSamples(cmyk);
        int[] reused = new int[w * h + 5];
        int[] ints = t.cmykSamples(cmyk, w, h, reused);
        assertTrue(ints == reused, "decoded into the array given");
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        for (int p = 0; p < w * h; p++) {
            for (int k = 0; k < 4; k++) {
                int shift = 8 * (little ? k : 3 - k);
                assertEquals(bytes[4 * p + k] & 0xff, ints[p] >>> shift & 0xff, "pixel " + p + ", sample " + k);
            }
        }
        assertEquals(w * h, t.cmykSamples(cmyk, w, h, new int[3]).length, "a new array when the one given is short");
        assertNull(t.cmykSamples(cmyk, w + 1, h, reused), "not the size asked for");
    }

    @Test
    void aThreadsKeptBuffersChangeNoByte() throws Exception {
        // a large image compressed and decoded first leaves its bytes in the thread's buffers; a small one
        // after it must come out as it does on a thread that never saw the large one
        TurboJpeg t = turbo();
        int w = 29, h = 17, bw = 640, bh = 480;
        byte[] small = new byte[w * h * 4], big = new byte[bw * bh * 4];
        for (int i = 0; i < small.length; i++) small[i] = (byte) (i * 53 % 241);
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 7 % 256);
        byte[][] fresh = new byte[2][];
        Thread other = new Thread(() -> {
            try {
                fresh[0] = t.cmyk(small, w, h, 90);
                fresh[1] = t.cmykSamples(fresh[0]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        other.start();
        other.join();
        byte[] bigJpeg = t.cmyk(big, bw, bh, 90);
        byte[] into = t.cmykSamples(bigJpeg, (byte[]) null);
        byte[] after = t.cmyk(small, w, h, 90);
        assertTrue(Arrays.equals(fresh[0], after), "the same JPEG after a larger one");
        byte[] decoded = t.cmykSamples(after, into);
        assertTrue(decoded == into, "decoded into the array given, which is long enough");
        assertTrue(Arrays.equals(fresh[1], 0, w * h * 4, decoded, 0, w * h * 4), "the same samples in its first bytes");
        assertEquals(w * h * 4, t.cmykSamples(after, new byte[5]).length, "a new array when the one given is short");
    }

    @Test
    void withoutTheJarItIsAbsentAndNothingIsSaid(@TempDir Path tmp) {
        TurboJpeg.Loaded l = TurboJpeg.load("org.libjpegturbo.NoSuchClass", "org.libjpegturbo.NoSuchClass",
                tmp.resolve("turbojpeg.jar"));
        assertNull(l.codec());
        assertEquals(Optional.empty(), l.problem());
        assertEquals("ImageIO (libjpeg-turbo is not installed)", l.description());
    }

    @Test
    void aJarWhoseClassesDoNotLoadIsABrokenInstallAndSaysSo(@TempDir Path tmp) throws IOException {
        Path jar = Files.writeString(tmp.resolve("turbojpeg.jar"), "not a jar");
        TurboJpeg.Loaded l = TurboJpeg.load("org.libjpegturbo.NoSuchClass", "org.libjpegturbo.NoSuchClass", jar);
        assertNull(l.codec());
        String problem = l.problem().orElseThrow();
        assertTrue(problem.startsWith(jar + " is installed but its classes did not load"), problem);
        assertTrue(problem.contains("ClassNotFoundException: org.libjpegturbo.NoSuchClass"), problem);
        assertTrue(problem.endsWith("photos go through ImageIO instead, more slowly and to other bytes"), problem);
    }

    @Test
    void classesOfAnotherApiAreABrokenInstallNamingWhatIsMissing(@TempDir Path tmp) throws IOException {
        Path jar = Files.writeString(tmp.resolve("turbojpeg.jar"), "");
        TurboJpeg.Loaded l = TurboJpeg.load("java.lang.Object", "java.lang.Object", jar);
        assertNull(l.codec());
        String problem = l.problem().orElseThrow();
        assertTrue(problem.startsWith("libjpeg-turbo's Java classes are not the API paiban calls"), problem);
        assertTrue(problem.contains("NoSuchMethodException"), problem);
    }

    @Test
    void whereItIsInstalledItLoadsAndSaysWhichCodecRuns() {
        turbo();
        assertEquals("libjpeg-turbo", TurboJpeg.codecName());
        assertTrue(TurboJpeg.description().startsWith("libjpeg-turbo"), TurboJpeg.description());
        assertEquals(Optional.empty(), TurboJpeg.problem());
    }
}
