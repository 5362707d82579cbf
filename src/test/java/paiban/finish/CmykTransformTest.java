package paiban.finish;

import org.junit.jupiter.api.Test;

import java.awt.color.ColorSpace;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CmykTransformTest {

    private final CmykProfile profile = CmykProfile.load(EditionOptions.DEFAULT_CMYK_PROFILE);
    /** No limit reached: SWOP's darkest colour is about 300 %; the profile's own separation, interpolated. */
    private final CmykTransform transform = new CmykTransform(profile.space(), new InkLimit(InkLimit.HIGHEST_PERCENT));
    private final CmykTransform newsprint = new CmykTransform(profile.space(), new InkLimit(InkLimit.DEFAULT_PERCENT));

    @Test
    void interpolatedSeparationsAgreeWithTheProfileAlmostEverywhere() {
        int n = 4096;
        int[] rgb = new int[n];
        int[] samples = new int[n * 3];
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(256), g = random.nextInt(256), b = random.nextInt(256);
            rgb[i] = r << 16 | g << 8 | b;
            samples[i * 3] = r;
            samples[i * 3 + 1] = g;
            samples[i * 3 + 2] = b;
        }
        WritableRaster src = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, n, 1, 3, null);
        src.setPixels(0, 0, n, 1, samples);
        WritableRaster dst = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, n, 1, 4, null);
        new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), profile.space(), null).filter(src, dst);
        int[] want = dst.getPixels(0, 0, n, 1, (int[]) null);
        byte[] got = new byte[n * 4];
        transform.convert(rgb, n, got, 0);
        int worst = 0, close = 0;
        for (int i = 0; i < n * 4; i++) {
            int d = Math.abs(want[i] - (got[i] & 0xff));
            worst = Math.max(worst, d);
            if (d <= 2) close++;
        }
        assertTrue(close >= n * 4 * 0.99, close + " of " + n * 4 + " samples within 2 levels");
        assertTrue(worst <= 12, "worst difference " + worst + " levels");
    }

    @Test
    void photoSamplesSeparateAsPackedPixelsDoAndInvertExactly() {
        int n = 50_000;
        Random random = new Random(7);
        int[] rgb = new int[n];
        byte[] bgr = new byte[n * 3];
        for (int i = 0; i < n; i++) {
            // runs of repeated colours, as photos have, exercise the cache of separated colours
            int v = i > 0 && random.nextInt(3) == 0 ? rgb[i - 1] : random.nextInt(1 << 24);
            rgb[i] = v;
            bgr[i * 3] = (byte) v;
            bgr[i * 3 + 1] = (byte) (v >> 8);
            bgr[i * 3 + 2] = (byte) (v >> 16);
        }
        byte[] packed = new byte[n * 4], fromBgr = new byte[n * 4], inverted = new byte[n * 4];
        transform.convert(rgb, n, packed, 0);
        transform.convertBgr(bgr, n, fromBgr, false);
        transform.convertBgr(bgr, n, inverted, true);
        assertArrayEquals(packed, fromBgr);
        for (int i = 0; i < n * 4; i++) assertEquals(255 - (packed[i] & 0xff), inverted[i] & 0xff);
    }

    @Test
    void eightBitRoundingByShiftsIsTheDivisionForEverySixteenBitValue() {
        for (int v = 0; v <= 65535; v++) assertEquals((v * 255 + 32767) / 65535, CmykTransform.to8(v), "v = " + v);
    }

    @Test
    void blocksSeparatedAgainThroughOneCacheGetEachTighteningsOwnInks() {
        // the same colours through several tightenings in turn, one cache for all: no entry may serve the
        // wrong tightening or the wrong inversion
        Random random = new Random(11);
        int n = 8;
        int[] colours = new int[n];
        CmykTransform.Tightenings recent = new CmykTransform.Tightenings();
        byte[] got = new byte[n * 4], want = new byte[n * 4];
        for (int row = 0; row < 3000; row++) {
            for (int i = 0; i < n; i++) colours[i] = random.nextInt(4) == 0 ? random.nextInt(1 << 24) : 0x101418 + i;
            CmykTransform t = newsprint.tightened(random.nextInt(40));
            boolean inverted = random.nextBoolean();
            t.convertFew(colours, n, got, 0, inverted, recent);
            t.convert(colours, n, want, 0, inverted);
            assertArrayEquals(want, got, "row " + row);
        }
    }

    @Test
    void packedAndByteImagesSeparateAlike() {
        int w = 61, h = 37;
        java.awt.image.BufferedImage packed = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.image.BufferedImage bytes = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(13);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = random.nextInt(1 << 24);
                packed.setRGB(x, y, v);
                bytes.setRGB(x, y, v);
            }
        }
        assertArrayEquals(Pixels.separate(bytes, newsprint, true), Pixels.separate(packed, newsprint, true));
        byte[] plain = Pixels.separate(packed, newsprint, false);
        int[] row = new int[w];
        byte[] want = new byte[w * 4];
        for (int y = 0; y < h; y++) {
            packed.getRaster().getDataElements(0, y, w, 1, row);
            newsprint.convert(row, w, want, 0);
            assertArrayEquals(want, java.util.Arrays.copyOfRange(plain, y * w * 4, (y + 1) * w * 4), "row " + y);
        }
    }

    @Test
    void pureRedNeedsNoCyan() {
        float[] red = transform.cmyk(1, 0, 0);
        assertEquals(0, red[0], 0.02);
        assertTrue(red[1] > 0.9 && red[2] > 0.9);
    }

    @Test
    void theDefaultProfileIsSwopDescribedByName() {
        assertTrue(profile.description().contains("SWOP") || !profile.description().endsWith(".icc"),
                profile.description());
    }

    @Test
    void noColourOfTheRgbCubeExceedsTheLimitWhateverTheProfile() {
        for (String file : List.of("default_cmyk.icc", "ps_cmyk.icc")) {
            CmykProfile p = CmykProfile.load(Path.of("/usr/share/color/icc/ghostscript", file));
            for (int percent : new int[]{220, 240, 260}) {
                CmykTransform t = new CmykTransform(p.space(), new InkLimit(percent));
                CmykTransform open = new CmykTransform(p.space(), new InkLimit(InkLimit.HIGHEST_PERCENT));
                int limit = percent * 255 / 100, most = 0, openMost = 0;
                int[] rgb = new int[256];
                byte[] out = new byte[256 * 4], free = new byte[256 * 4];
                for (int r = 0; r < 256; r += 3) {
                    for (int g = 0; g < 256; g += 3) {
                        for (int b = 0; b < 256; b++) rgb[b] = r << 16 | g << 8 | b;
                        t.convert(rgb, 256, out, 0);
                        open.convert(rgb, 256, free, 0);
                        for (int i = 0; i < 256; i++) {
                            most = Math.max(most, tac(out, i));
                            openMost = Math.max(openMost, tac(free, i));
                        }
                    }
                }
                assertTrue(most <= limit, file + " at " + percent + " %: " + most + " > " + limit + " levels");
                // the test means something: the profile alone goes past the limit
                assertTrue(openMost > limit, file + " never exceeds " + percent + " % on its own (" + openMost + ")");
            }
        }
    }

    @Test
    void colourLimitedForContentStreamsToo() {
        float[] black = newsprint.cmyk(0.02f, 0.02f, 0.05f);
        assertTrue(black[0] + black[1] + black[2] + black[3] <= 2.4f + 1e-4f, java.util.Arrays.toString(black));
    }

    @Test
    void coloursWithinTheLimitKeepTheProfilesSeparation() {
        Random random = new Random(3);
        int[] rgb = new int[1];
        byte[] a = new byte[4], b = new byte[4];
        int compared = 0;
        for (int n = 0; n < 20_000; n++) {
            rgb[0] = random.nextInt(1 << 24);
            transform.convert(rgb, 1, a, 0);
            if (tac(a, 0) > 150 * 255 / 100) continue; // far from the limit, so are the grid points around it
            newsprint.convert(rgb, 1, b, 0);
            assertArrayEquals(a, b, Integer.toHexString(rgb[0]));
            compared++;
        }
        assertTrue(compared > 5000, compared + " light colours");
    }

    @Test
    void greyComponentGoesToBlackFirstKeepingTheDifferencesThatCarryHue() {
        // a dark, slightly cool neutral from a coated-stock profile: 80 70 70 60 = 280 %
        double[] inks = {0.80, 0.70, 0.70, 0.60};
        InkLimit.apply(inks, 2.40);
        assertEquals(2.40, inks[0] + inks[1] + inks[2] + inks[3], 1e-9);
        assertEquals(0.10, inks[0] - inks[1], 1e-9, "cyan's lead over magenta, the cool cast, is kept");
        assertEquals(0.0, inks[1] - inks[2], 1e-9);
        assertTrue(inks[3] > 0.60, "black took over the grey: " + inks[3]);
    }

    @Test
    void withoutASharedGreyChromaticInksShrinkTogetherAndBlackStays() {
        // a deep blue with full black: no yellow, so nothing to replace
        double[] inks = {1.0, 0.8, 0.0, 1.0};
        InkLimit.apply(inks, 2.40);
        assertEquals(2.40, inks[0] + inks[1] + inks[2] + inks[3], 1e-9);
        assertEquals(1.0, inks[3], 1e-9);
        assertEquals(0.8, inks[1] / inks[0], 1e-9, "the ratio of cyan to magenta, the hue, is kept");
    }

    @Test
    void eightBitSamplesEndAtOrBelowTheLimitExactly() {
        InkLimit limit = new InkLimit(240);
        Random random = new Random(11);
        for (int n = 0; n < 100_000; n++) {
            int[] c = {random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256)};
            int[] before = c.clone();
            limit.apply8(c);
            int sum = c[0] + c[1] + c[2] + c[3];
            assertTrue(sum <= limit.levels(), java.util.Arrays.toString(before) + " → " + java.util.Arrays.toString(c));
            if (before[0] + before[1] + before[2] + before[3] <= limit.levels()) assertArrayEquals(before, c);
            else assertTrue(sum >= limit.levels() - 3, "no more taken off than needed: " + sum);
        }
    }

    private static int tac(byte[] cmyk, int pixel) {
        int o = pixel * 4;
        return (cmyk[o] & 0xff) + (cmyk[o + 1] & 0xff) + (cmyk[o + 2] & 0xff) + (cmyk[o + 3] & 0xff);
    }
}
