package paiban.finish;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * sRGB → CMYK through an output profile, fast enough for whole photos. Java's ColorConvertOp needs about
 * 1.4 s for a 2400×1800 photo on this machine; instead the profile is sampled once on a 33×33×33 grid
 * (what a colour management module does internally) and every pixel is interpolated tetrahedrally
 * between the four nearest grid points (about 0.15 s for that photo). Against the direct conversion,
 * 99.8 % of samples land within 3 levels of 255; the worst, about 10, are in the darkest colours, where
 * the profile's black generation bends between grid points.
 *
 * <p>The separation keeps to the press's {@link InkLimit} by construction: every grid point is brought
 * within it when the profile is sampled, so every colour interpolated between them is too (tetrahedral
 * interpolation is a weighted mean of four points), and what rounding to 8 bits could add back is taken
 * off again per colour. So whatever profile the plant gives, no separated colour exceeds the limit.
 */
final class CmykTransform {

    private static final int N = 33;
    private static final int SR = N * N * 4;
    private static final int SG = N * 4;
    private static final int SB = 4;

    /**
     * Sampling a profile takes a good tenth of a second: once per profile, ink limit and process (a batch
     * shares it).
     */
    private static final Map<Sampled, CmykTransform> SAMPLED = new ConcurrentHashMap<>();

    private record Sampled(ByteBuffer profile, InkLimit limit) {
    }

    /** C, M, Y, K per grid point as 16-bit values, red slowest. */
    private final int[] lut = new int[N * N * N * 4];
    private final InkLimit limit;
    /** {@link #limit} as a sum of 8-bit samples. */
    private final int levels;

    /** The transform for the plant's profile and the layout's ink limit, sampled the first time it is asked for. */
    static CmykTransform of(CmykProfile profile, InkLimit limit) {
        return SAMPLED.computeIfAbsent(new Sampled(ByteBuffer.wrap(profile.data()), limit),
                k -> new CmykTransform(profile.space(), limit));
    }

    CmykTransform(ICC_ColorSpace cmyk, InkLimit limit) {
        this.limit = limit;
        this.levels = limit.levels();
        int count = N * N * N;
        WritableRaster src = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, count, 1, 3, null);
        int[] rgb = new int[count * 3];
        int i = 0;
        for (int r = 0; r < N; r++) {
            for (int g = 0; g < N; g++) {
                for (int b = 0; b < N; b++) {
                    rgb[i++] = level(r);
                    rgb[i++] = level(g);
                    rgb[i++] = level(b);
                }
            }
        }
        src.setPixels(0, 0, count, 1, rgb);
        WritableRaster dst = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, count, 1, 4, null);
        new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), cmyk, null).filter(src, dst);
        dst.getPixels(0, 0, count, 1, lut);
        double[] inks = new double[4];
        double most = limit.levels() / 255d;
        for (int p = 0; p < lut.length; p += 4) {
            for (int k = 0; k < 4; k++) inks[k] = lut[p + k] / 65535d;
            InkLimit.apply(inks, most);
            // rounded down, so that the grid point stays within the limit
            for (int k = 0; k < 4; k++) lut[p + k] = (int) Math.floor(inks[k] * 65535 + 1e-9);
        }
    }

    /** The same separation brought within a lower limit; made from this one's grid, once per limit. */
    private CmykTransform(CmykTransform from, InkLimit limit) {
        this.limit = limit;
        this.levels = limit.levels();
        double[] inks = new double[4];
        double most = limit.levels() / 255d;
        for (int p = 0; p < lut.length; p += 4) {
            for (int k = 0; k < 4; k++) inks[k] = from.lut[p + k] / 65535d;
            InkLimit.apply(inks, most);
            for (int k = 0; k < 4; k++) lut[p + k] = (int) Math.floor(inks[k] * 65535 + 1e-9);
        }
    }

    private final Map<Integer, CmykTransform> tighter = new ConcurrentHashMap<>();

    InkLimit limit() {
        return limit;
    }

    /** This separation kept {@code percent} points under its limit (see {@link PrintPdf#toCmyk}). */
    CmykTransform tightened(int percent) {
        int to = Math.max(InkLimit.LOWEST_PERCENT, limit.percent() - percent);
        return tighter.computeIfAbsent(to, p -> new CmykTransform(this, new InkLimit(p)));
    }

    private static int level(int gridIndex) {
        return Math.round(gridIndex * 65535f / (N - 1));
    }

    /**
     * Converts {@code n} packed RGB pixels ({@code 0xRRGGBB}) into interleaved 8-bit C, M, Y, K at
     * {@code out[offset]}; {@code inverted} stores 255 − v.
     */
    void convert(int[] rgb, int n, byte[] out, int offset, boolean inverted) {
        // the cache lookup written out, as in convertBgr: this loop runs for every pixel of a reduced photo
        Recent recent = new Recent(inverted);
        int[] keys = recent.keys, inks = recent.inks;
        for (int p = 0, o = offset; p < n; p++, o += 4) {
            int v = rgb[p] & 0xffffff;
            int slot = (v * 0x9E3779B1) >>> 16;
            int packed = keys[slot] == v + 1 ? inks[slot] : recent.inks(v);
            out[o] = (byte) (packed >>> 24);
            out[o + 1] = (byte) (packed >>> 16);
            out[o + 2] = (byte) (packed >>> 8);
            out[o + 3] = (byte) packed;
        }
    }

    /**
     * As {@link #convert(int[], int, byte[], int, boolean)} for a few pixels (a JPEG block's row), through a
     * cache that the caller keeps for all the blocks of a photo it separates again, whatever tightening of
     * one separation each takes ({@link #tightened}): a fresh cache per block would cost more to clear than
     * its pixels to separate.
     */
    void convertFew(int[] rgb, int n, byte[] out, int offset, boolean inverted, Tightenings recent) {
        int tag = limit.percent() << 1 | (inverted ? 1 : 0);
        int[] c = recent.c;
        for (int p = 0, o = offset; p < n; p++, o += 4) {
            int v = rgb[p] & 0xffffff;
            int slot = ((v ^ tag << 24) * 0x9E3779B1) >>> 16;
            int packed;
            if (recent.keys[slot] == v + 1 && recent.tags[slot] == tag) {
                packed = recent.inks[slot];
            } else {
                interpolate(v >> 16, v >> 8 & 0xff, v & 0xff, c, inverted);
                packed = c[0] << 24 | c[1] << 16 | c[2] << 8 | c[3];
                recent.keys[slot] = v + 1;
                recent.tags[slot] = tag;
                recent.inks[slot] = packed;
            }
            out[o] = (byte) (packed >>> 24);
            out[o + 1] = (byte) (packed >>> 16);
            out[o + 2] = (byte) (packed >>> 8);
            out[o + 3] = (byte) packed;
        }
    }

    /**
     * Colours already separated by tightenings of a separation, for {@link #convertFew}: as {@link Recent},
     * each entry also marked with the limit and the inversion it was separated for, so that one cache serves
     * every tightening a photo's blocks take. Not to be shared between threads.
     */
    static final class Tightenings {
        private final int[] keys = new int[1 << 16];
        private final int[] tags = new int[1 << 16];
        private final int[] inks = new int[1 << 16];
        private final int[] c = new int[4];
    }

    void convert(int[] rgb, int n, byte[] out, int offset) {
        convert(rgb, n, out, offset, false);
    }

    /** As {@link #convert}, from {@code n} pixels of B, G, R bytes (ImageIO's TYPE_3BYTE_BGR). */
    void convertBgr(byte[] bgr, int n, byte[] out, boolean inverted) {
        // the cache lookup is written out here rather than called: this loop runs for every pixel of every
        // photo, and the quick compiler the launcher uses does not inline a method this size
        Recent recent = new Recent(inverted);
        int[] keys = recent.keys, inks = recent.inks;
        for (int p = 0, i = 0, o = 0; p < n; p++, i += 3, o += 4) {
            int v = (bgr[i + 2] & 0xff) << 16 | (bgr[i + 1] & 0xff) << 8 | (bgr[i] & 0xff);
            int slot = (v * 0x9E3779B1) >>> 16;
            int packed = keys[slot] == v + 1 ? inks[slot] : recent.inks(v);
            out[o] = (byte) (packed >>> 24);
            out[o + 1] = (byte) (packed >>> 16);
            out[o + 2] = (byte) (packed >>> 8);
            out[o + 3] = (byte) packed;
        }
    }

    /**
     * Colours already separated. A photo repeats many colours, though rarely side by side: a small
     * direct-mapped cache halves the work. Entries hold the colour + 1 (0 = empty) and its packed inks.
     */
    private final class Recent {
        private final int[] keys = new int[1 << 16];
        private final int[] inks = new int[1 << 16];
        private final int[] c = new int[4];
        private final boolean inverted;

        Recent(boolean inverted) {
            this.inverted = inverted;
        }

        /** C, M, Y, K of {@code 0xRRGGBB}, packed from the high byte down. */
        int inks(int v) {
            int slot = (v * 0x9E3779B1) >>> 16;
            if (keys[slot] != v + 1) {
                interpolate(v >> 16, (v >> 8) & 0xff, v & 0xff, c, inverted);
                keys[slot] = v + 1;
                inks[slot] = c[0] << 24 | c[1] << 16 | c[2] << 8 | c[3];
            }
            return inks[slot];
        }
    }

    /** One colour, components 0–1 in and out; used for the colours content streams set. */
    float[] cmyk(float r, float g, float b) {
        int[] c = new int[4];
        interpolate(to255(r), to255(g), to255(b), c, false);
        return new float[]{c[0] / 255f, c[1] / 255f, c[2] / 255f, c[3] / 255f};
    }

    private static int to255(float v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /**
     * A sample's place on the grid, {@code v · (N − 1) · 256 / 255}: the grid cell (high bits) and the
     * fraction of the way across it in 256ths. A table, because the launcher's quick compiler divides by a
     * constant with a division instruction, and each pixel would need three.
     */
    private static final int[] ON_GRID = new int[256];

    static {
        for (int v = 0; v < 256; v++) ON_GRID[v] = v * (N - 1) * 256 / 255;
    }

    /**
     * 16-bit to 8-bit, rounding: {@code (v16 · 255 + 32767) / 65535}, the division by 65535 done as
     * {@code (x + 1 + (x >> 16)) >> 16}, which is exact for every x this can be (0 to 65535 · 255 + 32767;
     * CmykTransformTest checks them all).
     */
    static int to8(int v16) {
        int x = v16 * 255 + 32767;
        return x + 1 + (x >> 16) >> 16;
    }

    /**
     * Tetrahedral interpolation; {@code out} receives 8-bit C, M, Y, K (255 − v when {@code inverted}).
     * The tetrahedron is chosen once per pixel and its four corners' offsets serve all four inks. Written
     * out ink by ink, and the ink limit's rule called only for a colour over it: this runs for every colour
     * of every photo, under a compiler that neither unrolls loops nor inlines a method the size of that rule.
     */
    private void interpolate(int r, int g, int b, int[] out, boolean inverted) {
        int pr = ON_GRID[r], pg = ON_GRID[g], pb = ON_GRID[b];
        int ir = Math.min(pr >> 8, N - 2), ig = Math.min(pg >> 8, N - 2), ib = Math.min(pb >> 8, N - 2);
        int fr = pr - (ir << 8), fg = pg - (ig << 8), fb = pb - (ib << 8);
        int base = ir * SR + ig * SG + ib * SB;
        // the walk from corner 000 to 111 along the largest fraction first: f1 ≥ f2 ≥ f3, via corners a and b
        int f1, f2, f3, a, bb;
        if (fr >= fg) {
            if (fg >= fb) {
                f1 = fr; f2 = fg; f3 = fb; a = SR; bb = SR + SG;
            } else if (fr >= fb) {
                f1 = fr; f2 = fb; f3 = fg; a = SR; bb = SR + SB;
            } else {
                f1 = fb; f2 = fr; f3 = fg; a = SB; bb = SR + SB;
            }
        } else {
            if (fr >= fb) {
                f1 = fg; f2 = fr; f3 = fb; a = SG; bb = SR + SG;
            } else if (fg >= fb) {
                f1 = fg; f2 = fb; f3 = fr; a = SG; bb = SG + SB;
            } else {
                f1 = fb; f2 = fg; f3 = fr; a = SB; bb = SG + SB;
            }
        }
        int[] t = lut;
        int pa = base + a, pbb = base + bb, top = base + SR + SG + SB;
        int c = ink(t[base], t[pa], t[pbb], t[top], f1, f2, f3);
        int m = ink(t[base + 1], t[pa + 1], t[pbb + 1], t[top + 1], f1, f2, f3);
        int y = ink(t[base + 2], t[pa + 2], t[pbb + 2], t[top + 2], f1, f2, f3);
        int k = ink(t[base + 3], t[pa + 3], t[pbb + 3], t[top + 3], f1, f2, f3);
        out[0] = c;
        out[1] = m;
        out[2] = y;
        out[3] = k;
        if (c + m + y + k > levels) limit.apply8(out);
        if (inverted) {
            for (int i = 0; i < 4; i++) out[i] = 255 - out[i];
        }
    }

    /** One ink of a point in the tetrahedron with corners c000, ca, cb and c111, in 8 bits. */
    private static int ink(int c000, int ca, int cb, int c111, int f1, int f2, int f3) {
        int sum = f1 * (ca - c000) + f2 * (cb - ca) + f3 * (c111 - cb);
        return to8(Math.max(0, Math.min(65535, c000 + (sum + 128 >> 8))));
    }
}
