package paiban.finish;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InkLimitedJpegTest {

    private final CmykTransform separation = CmykTransform.of(CmykProfile.load(EditionOptions.DEFAULT_CMYK_PROFILE),
            new InkLimit(InkLimit.DEFAULT_PERCENT));

    /** Film grain over a deep shadow and a light sky: the shadow sits at the limit, the sky far below. */
    private static BufferedImage grainyShadow() {
        int w = 256, h = 128;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = x < w / 2 ? 12 : 200;
                int v = Math.max(0, Math.min(255, base + (int) (r.nextGaussian() * 14)));
                img.setRGB(x, y, Math.max(0, v - 6) << 16 | v << 8 | Math.min(255, v + 9));
            }
        }
        return img;
    }

    @Test
    void theDecodedJpegKeepsToTheLimitWhereAPlainOneDoesNot() throws IOException {
        BufferedImage img = grainyShadow();
        int w = img.getWidth(), h = img.getHeight();
        int allowed = separation.limit().levels();
        byte[] plain = Pixels.cmykJpeg(Pixels.separate(img, separation, true), w, h, PrintPdf.JPEG_QUALITY);
        int plainMost = max(InkLimitedJpeg.mostInkPerBlock(plain, w, h));
        assertTrue(plainMost > allowed, "the test needs JPEG to overshoot: " + plainMost + " ≤ " + allowed);

        byte[] limited = InkLimitedJpeg.encode(img, separation, PrintPdf.JPEG_QUALITY);
        assertNotNull(limited, "a JPEG, not the lossless fallback");
        int[] most = InkLimitedJpeg.mostInkPerBlock(limited, w, h);
        assertTrue(max(most) <= allowed - InkLimitedJpeg.DECODER_SLACK, max(most) + " levels");

        // the sky's blocks, far from the limit, are the plain JPEG's exactly
        int[] plainBlocks = InkLimitedJpeg.mostInkPerBlock(plain, w, h);
        int bw = (w + 7) / 8;
        for (int b = 0; b < most.length; b++) {
            if (b % bw >= bw / 2 + 1) assertEquals(plainBlocks[b], most[b], "block " + b);
        }
    }

    @Test
    void aPhotoComesOutTheSameAfterALargerOneOnTheSameThread() throws Exception {
        // the separation and the decoded samples are kept from photo to photo: what a larger photo left in
        // them must not reach a smaller one's file
        BufferedImage small = grainyShadow();
        BufferedImage large = new BufferedImage(700, 500, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(11);
        for (int y = 0; y < large.getHeight(); y++) {
            for (int x = 0; x < large.getWidth(); x++) large.setRGB(x, y, r.nextInt(1 << 24));
        }
        byte[][] alone = new byte[1][];
        Thread fresh = new Thread(() -> {
            try {
                alone[0] = InkLimitedJpeg.encode(small, separation, PrintPdf.JPEG_QUALITY);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        fresh.start();
        fresh.join();
        assertNotNull(InkLimitedJpeg.encode(large, separation, PrintPdf.JPEG_QUALITY));
        assertArrayEquals(alone[0], InkLimitedJpeg.encode(small, separation, PrintPdf.JPEG_QUALITY));
    }

    @Test
    void blocksCheckedApartComeBackAsInTheWholePhotoEvenAtItsEdges() throws IOException {
        // a size that is no multiple of 8: the last column and row of blocks are cut by the edge
        BufferedImage whole = grainyShadow();
        int w = 253, h = 123;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().drawImage(whole, 0, 0, null);
        byte[] inverted = Pixels.separate(img, separation, true);
        int[] want = InkLimitedJpeg.mostInkPerBlock(Pixels.cmykJpeg(inverted, w, h, PrintPdf.JPEG_QUALITY), w, h);
        int[] all = new int[want.length];
        for (int b = 0; b < all.length; b++) all[b] = b;
        assertTrue(all.length > 64, "more blocks than one row of the trial image holds");
        assertArrayEquals(want, InkLimitedJpeg.mostInkOfBlocks(inverted, w, h, all, PrintPdf.JPEG_QUALITY));
        int bw = (w + 7) / 8;
        int[] some = {0, bw - 1, all.length - 1, all.length - bw, 5 * bw + 7};
        int[] got = InkLimitedJpeg.mostInkOfBlocks(inverted, w, h, some, PrintPdf.JPEG_QUALITY);
        for (int i = 0; i < some.length; i++) assertEquals(want[some[i]], got[i], "block " + some[i]);
    }

    private static int max(int[] v) {
        int m = 0;
        for (int x : v) m = Math.max(m, x);
        return m;
    }
}
