package paiban.finish;

import paiban.codec.TurboJpeg;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A photo's CMYK JPEG for print that keeps to the ink limit as decoded, not only as separated.
 *
 * <p>The separation ({@link CmykTransform}) never exceeds the limit, but JPEG's loss moves samples, and in
 * TurboJPEG's YCCK an error of the luminance moves C, M and Y together: at quality 92 the sample's photos
 * came back up to 22 % over the limit at single pixels of grainy shadows. Raising the quality only narrows
 * that (97: 10 %, at half as many bytes again), and separating the whole photo a fifth under the limit
 * would flatten every shadow for the sake of a few pixels.
 *
 * <p>Instead the JPEG is decoded again and each 8×8 block that overshoots is separated again, further under
 * the limit by its overshoot and {@link #STEP} more. With every component at full resolution (4:4:4, as
 * both encoders write print's photos) a block's samples depend on that block's pixels alone, so the blocks
 * that were within the limit come back as before and the rest converge: on the sample, 3 % of the blocks
 * overshot at first, 0.2 % in the second pass, none by the fourth. Should a block still overshoot after
 * {@link #PASSES} passes, the photo goes in losslessly instead.
 *
 * <p>For the same reason only the first pass encodes and decodes the whole photo: later passes check the
 * blocks separated again, copied into a small image of their own ({@link #mostInkOfBlocks}), and the
 * photo is encoded whole once more at the end. The file is the one that checking the whole photo in
 * every pass gave, for about half the codec's work; print's preflight decodes it again in full.
 */
final class InkLimitedJpeg {

    /** JPEG's block: the unit within which compression error stays. */
    static final int BLOCK = 8;
    /** Separations tried for a photo's JPEG before it is stored losslessly. */
    static final int PASSES = 6;
    /**
     * Percent a block that overshot goes under the limit beyond its overshoot: its next compression errs
     * as much again, in any direction. With 6 the sample's photos need three passes at most, 2 took five.
     */
    static final int STEP = 6;
    /**
     * Levels kept in hand for the RIP's JPEG decoder: ISO 10918-2 lets a conforming decoder differ from
     * another by a level per sample, and four inks add up.
     */
    static final int DECODER_SLACK = 4;

    private InkLimitedJpeg() {
    }

    /**
     * The largest array a thread keeps for the next photo: a 1600 × 1000 photo's separation is 6.4 MB. A
     * larger one is made for its photo alone.
     */
    static final int KEPT = 16 << 20;

    /**
     * A thread's working arrays, kept from photo to photo: the separation and the decoded samples are each
     * four bytes a pixel, made afresh for every photo they were a tenth of a cold print build's allocation
     * and copied by young collections while in use. Nothing of them outlives {@link #encode}: the JPEG it
     * returns is its own array.
     */
    private static final class Scratch {
        byte[] separation;
        byte[] decoded;

        static byte[] kept(byte[] made, byte[] before) {
            return made != before && made.length > KEPT ? before : made;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * The print JPEG of {@code rgb} through {@code transform}, every decoded pixel within the limit less
     * {@link #DECODER_SLACK}; or null when it could not be made so and the photo must go in losslessly.
     */
    static byte[] encode(BufferedImage rgb, CmykTransform transform, float quality) throws IOException {
        if (rgb.getType() != BufferedImage.TYPE_3BYTE_BGR) rgb = Pixels.toRgb(rgb);
        int w = rgb.getWidth(), h = rgb.getHeight();
        int bw = (w + BLOCK - 1) / BLOCK, bh = (h + BLOCK - 1) / BLOCK;
        Scratch scratch = SCRATCH.get();
        byte[] inverted = Pixels.separate(rgb, transform, true, scratch.separation);
        scratch.separation = Scratch.kept(inverted, scratch.separation);
        int allowed = transform.limit().levels() - DECODER_SLACK;
        int[] under = new int[bw * bh]; // percent each block is separated under the limit
        int[] row = new int[BLOCK];
        byte[] file = Pixels.cmykJpeg(inverted, w, h, quality);
        int[] most = mostInkPerBlock(file, w, h);
        int[] blocks = null; // the blocks the last pass checked; null: all of them
        CmykTransform.Tightenings recent = null;
        byte[] bgr = null; // rgb's samples, once a pass needs them
        for (int pass = 1; pass <= PASSES; pass++) {
            int[] over = new int[most.length];
            int n = 0;
            for (int i = 0; i < most.length; i++) {
                int b = blocks == null ? i : blocks[i];
                int by = most[i] - allowed;
                if (by <= 0) continue;
                over[n++] = b;
                under[b] += (by * 100 + 254) / 255 + STEP;
            }
            if (n == 0) {
                // the blocks made again in later passes are checked; the rest came back within it before
                return blocks == null ? file : Pixels.cmykJpeg(inverted, w, h, quality);
            }
            if (pass == PASSES) break;
            blocks = java.util.Arrays.copyOf(over, n);
            if (recent == null) recent = new CmykTransform.Tightenings();
            if (bgr == null) bgr = bgrSamples(rgb);
            for (int b : blocks) {
                CmykTransform t = transform.tightened(under[b]);
                int x0 = b % bw * BLOCK, y0 = b / bw * BLOCK, cols = Math.min(BLOCK, w - x0);
                for (int y = y0; y < Math.min(h, y0 + BLOCK); y++) {
                    pixels(rgb, bgr, x0, y, cols, row);
                    t.convertFew(row, cols, inverted, (y * w + x0) * 4, true, recent);
                }
            }
            most = mostInkOfBlocks(inverted, w, h, blocks, quality);
        }
        return null;
    }

    /** Blocks a row of the trial image in {@link #mostInkOfBlocks} holds. */
    private static final int TRIAL_ROW = 64;

    /**
     * The most ink of each of {@code blocks} of the separation as its JPEG decodes, found without encoding
     * the whole photo again: the blocks are copied side by side into a small image and that is encoded and
     * decoded. With every component at full resolution, a block's coefficients, and so its decoded samples,
     * depend on its own 64 pixels alone, so a block comes back there as it does in the photo. A block cut
     * by the photo's right or lower edge is filled out as the encoder fills it, by repeating its last
     * column and then its last row.
     */
    static int[] mostInkOfBlocks(byte[] inverted, int w, int h, int[] blocks, float quality) throws IOException {
        int bw = (w + BLOCK - 1) / BLOCK;
        int across = Math.min(blocks.length, TRIAL_ROW), down = (blocks.length + TRIAL_ROW - 1) / TRIAL_ROW;
        int tw = across * BLOCK, th = down * BLOCK;
        byte[] trial = new byte[tw * th * 4];
        java.util.Arrays.fill(trial, (byte) 255); // no ink where no block goes
        for (int i = 0; i < blocks.length; i++) {
            int x0 = blocks[i] % bw * BLOCK, y0 = blocks[i] / bw * BLOCK;
            int cols = Math.min(BLOCK, w - x0), rows = Math.min(BLOCK, h - y0);
            int tx = i % TRIAL_ROW * BLOCK, ty = i / TRIAL_ROW * BLOCK;
            for (int dy = 0; dy < BLOCK; dy++) {
                int from = ((y0 + Math.min(dy, rows - 1)) * w + x0) * 4, to = ((ty + dy) * tw + tx) * 4;
                System.arraycopy(inverted, from, trial, to, cols * 4);
                for (int dx = cols; dx < BLOCK; dx++) System.arraycopy(trial, to + (cols - 1) * 4, trial, to + dx * 4, 4);
            }
        }
        byte[] decoded = decode(Pixels.cmykJpeg(trial, tw, th, quality), tw, th);
        int[] most = new int[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            // the photo's own pixels of the block only, as mostInkPerBlock reads them; not the filling
            int cols = Math.min(BLOCK, w - blocks[i] % bw * BLOCK), rows = Math.min(BLOCK, h - blocks[i] / bw * BLOCK);
            int tx = i % TRIAL_ROW * BLOCK, ty = i / TRIAL_ROW * BLOCK, m = 0;
            for (int dy = 0; dy < rows; dy++) {
                for (int dx = 0, o = ((ty + dy) * tw + tx) * 4; dx < cols; dx++, o += 4) {
                    int blank = (decoded[o] & 0xff) + (decoded[o + 1] & 0xff) + (decoded[o + 2] & 0xff)
                            + (decoded[o + 3] & 0xff);
                    m = Math.max(m, 4 * 255 - blank);
                }
            }
            most[i] = m;
        }
        return most;
    }

    /**
     * The samples of a TYPE_3BYTE_BGR image as one array, row after row with no padding, or an empty array
     * when the raster is laid out otherwise. Taken once: each {@code getData} marks the image untrackable
     * again, which was 1 % of a warm print build when asked per row.
     */
    private static byte[] bgrSamples(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
                && img.getRaster().getDataBuffer() instanceof DataBufferByte bytes
                && bytes.getNumBanks() == 1 && bytes.getData().length == img.getWidth() * img.getHeight() * 3) {
            return bytes.getData();
        }
        return new byte[0];
    }

    /**
     * {@code n} pixels of a row as packed RGB, read as {@link Pixels#separate} reads them: the samples as
     * they are, from {@code bgr} (see {@link #bgrSamples}) where that holds them.
     */
    private static void pixels(BufferedImage img, byte[] bgr, int x0, int y, int n, int[] row) {
        int w = img.getWidth();
        if (bgr.length > 0) {
            for (int i = 0, o = (y * w + x0) * 3; i < n; i++, o += 3) {
                row[i] = (bgr[o + 2] & 0xff) << 16 | (bgr[o + 1] & 0xff) << 8 | (bgr[o] & 0xff);
            }
        } else {
            img.getRaster().getDataElements(x0, y, n, 1, row);
        }
    }

    /** The most ink (C + M + Y + K in 8-bit levels) in each 8×8 block of a CMYK JPEG, as decoded again. */
    static int[] mostInkPerBlock(byte[] cmykJpeg, int w, int h) throws IOException {
        byte[] inverted = decode(cmykJpeg, w, h);
        int bw = (w + BLOCK - 1) / BLOCK;
        int[] most = new int[bw * ((h + BLOCK - 1) / BLOCK)];
        for (int y = 0, i = 0; y < h; y++) {
            int rowBase = y / BLOCK * bw;
            for (int x = 0; x < w; x++, i += 4) {
                int blank = (inverted[i] & 0xff) + (inverted[i + 1] & 0xff) + (inverted[i + 2] & 0xff)
                        + (inverted[i + 3] & 0xff);
                int b = rowBase + x / BLOCK;
                most[b] = Math.max(most[b], 4 * 255 - blank);
            }
        }
        return most;
    }

    /** The samples as stored (inverted, as Adobe's CMYK JPEGs keep them), 4 bytes a pixel. */
    private static byte[] decode(byte[] cmykJpeg, int w, int h) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo != null) {
            // into the thread's array: the samples are read and dropped before the next decode
            Scratch scratch = SCRATCH.get();
            byte[] out = turbo.cmykSamples(cmykJpeg, scratch.decoded);
            scratch.decoded = Scratch.kept(out, scratch.decoded);
            return out;
        }
        // ImageIO wrote plain four-component CMYK, which its reader's raster gives back untransformed
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(cmykJpeg))) {
            reader.setInput(in);
            Raster r = reader.readRaster(0, null);
            byte[] out = new byte[w * h * 4];
            int[] line = new int[w * 4];
            for (int y = 0, o = 0; y < h; y++) {
                r.getPixels(0, y, w, 1, line);
                for (int v : line) out[o++] = (byte) v;
            }
            return out;
        } finally {
            reader.dispose();
        }
    }
}
