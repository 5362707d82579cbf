package paiban.finish;

import org.junit.jupiter.api.Test;

import java.awt.color.ColorSpace;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CmykTransformTest {

    private final CmykProfile profile = CmykProfile.load(EditionOptions.DEFAULT_CMYK_PROFILE);
    private final CmykTransform transform = new CmykTransform(profile.space());

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
}
