package paiban.finish;

import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The anti-aliased coverage of each glyph the previews of one build show, drawn once per glyph, size and
 * sub-pixel phase and then stamped wherever that glyph recurs: a page of body type shows a few hundred
 * different characters thousands of times, and filling each outline afresh was most of a preview's time.
 *
 * <p>One set serves every preview task of a build, across threads: its fonts are named by their object
 * key in the screen copy that all those tasks load, so the same key is the same font program in each.
 * A mask depends only on its key, so the previews are the same whichever task drew a mask first.
 */
final class GlyphMasks {

    /**
     * Positions are rounded to a quarter pixel. Java2D's anti-aliasing (with the default stroke control,
     * as PDFBox draws) moves every outline point onto a whole-pixel grid anyway, so a finer phase would
     * change next to nothing on the page and multiply the masks.
     */
    static final int PHASES = 4;

    /**
     * Coverage 0–255, {@code width} × {@code height} bytes row by row, whose top left pixel lies at
     * ({@code x}, {@code y}) from the whole-pixel position the glyph was stamped at.
     */
    record Mask(int x, int y, int width, int height, byte[] coverage) {
    }

    /** What a glyph without an outline in its font gets: nothing, so that PDFBox draws (and reports) it. */
    private static final Mask NONE = new Mask(0, 0, 0, 0, new byte[0]);
    private static final Mask BLANK = new Mask(0, 0, 0, 0, new byte[0]);

    /** What a code without a glyph in its font has instead of an outline. */
    private static final Outline MISSING = new Outline(new GeneralPath(), new Rectangle2D.Double());

    /** A glyph's outline in glyph space and its bounds there. */
    private record Outline(GeneralPath path, Rectangle2D bounds) {
    }

    /*
     * A mask is found by one number: font (17 bits), size (17), code (24), phase across and down (3 each).
     * Fonts and sizes are numbered as they are met; numbers never reach the files, only the masks' order
     * in memory, so the pictures do not depend on which task met them first.
     */
    private static final int FONT_BITS = 17, SIZE_BITS = 17, CODE_BITS = 24;

    private final ConcurrentHashMap<Long, Mask> masks = new ConcurrentHashMap<>();
    /** Each glyph's outline, fetched from its font once for all its sizes and phases; by font and code. */
    private final ConcurrentHashMap<Long, Outline> outlines = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<COSObjectKey, Integer> fonts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Integer> sizes = new ConcurrentHashMap<>();
    private final AtomicInteger fontCount = new AtomicInteger(), sizeCount = new AtomicInteger();
    private final RenderingHints hints;

    /** @param hints how PDFBox draws the pages, so that a mask is what its fill would have been */
    GlyphMasks(RenderingHints hints) {
        this.hints = hints;
    }

    /** Masks as PDFBox draws previews by default: anti-aliased, quality rendering. */
    static GlyphMasks forPreviews() {
        RenderingHints h = new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        h.put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        h.put(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        return new GlyphMasks(h);
    }

    /** The number of the font whose object key in the screen copy is {@code key}, or −1 past the last. */
    int font(COSObjectKey key) {
        int n = fonts.computeIfAbsent(key, k -> fontCount.getAndIncrement());
        return n < 1 << FONT_BITS ? n : -1;
    }

    /** The number of a glyph size, device pixels per glyph unit across and down, or −1 past the last. */
    int size(float scaleX, float scaleY) {
        long both = (long) Float.floatToIntBits(scaleX) << 32 | (Float.floatToIntBits(scaleY) & 0xffffffffL);
        int n = sizes.computeIfAbsent(both, k -> sizeCount.getAndIncrement());
        return n < 1 << SIZE_BITS ? n : -1;
    }

    /**
     * The mask of {@code code} of {@code font} (numbered {@code fontNumber}) at size {@code sizeNumber},
     * which is {@code scaleX} × {@code scaleY}, and phase ({@code phaseX}, {@code phaseY}) in
     * {@link #PHASES}ths of a pixel; null when the font has no glyph for it (or the code is out of range),
     * for PDFBox to draw. A mask not yet made is drawn on {@code scratch}, the calling thread's own.
     */
    Mask get(int fontNumber, int sizeNumber, float scaleX, float scaleY, int code, int phaseX, int phaseY,
             PDVectorFont font, Scratch scratch) {
        if (code < 0 || code >= 1 << CODE_BITS) return null;
        long glyph = (long) fontNumber << CODE_BITS | code;
        long key = ((glyph << SIZE_BITS | sizeNumber) << 3 | phaseX) << 3 | phaseY;
        Mask m = masks.get(key);
        if (m == null) {
            m = masks.computeIfAbsent(key, k -> draw(outline(glyph, code, font), scaleX, scaleY, phaseX, phaseY, scratch));
        }
        return m == NONE ? null : m;
    }

    private Outline outline(long glyph, int code, PDVectorFont font) {
        return outlines.computeIfAbsent(glyph, k -> {
            try {
                if (!font.hasGlyph(code)) return MISSING;
                GeneralPath path = font.getNormalizedPath(code);
                return new Outline(path, path.getBounds2D());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A grey image a glyph's coverage is drawn on before it is copied out as a mask; one per thread, kept
     * from glyph to glyph, since making an image and its graphics for each cost more than the fill.
     */
    final class Scratch {
        private BufferedImage gray;
        private Graphics2D g;
        private byte[] pixels;

        /** The scratch image, at least {@code w} × {@code h}, cleared there. */
        private Graphics2D clear(int w, int h) {
            if (gray == null || gray.getWidth() < w || gray.getHeight() < h) {
                if (g != null) g.dispose();
                int side = Math.max(128, Math.max(w, h));
                gray = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
                pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
                g = gray.createGraphics();
                g.addRenderingHints(hints);
                g.setColor(Color.WHITE);
            }
            int stride = gray.getWidth();
            for (int row = 0; row < h; row++) {
                java.util.Arrays.fill(pixels, row * stride, row * stride + w, (byte) 0);
            }
            return g;
        }

        /** The covered part of the {@code w} × {@code h} drawn, as a mask whose top left is at ({@code x}, {@code y}). */
        private Mask copy(int x, int y, int w, int h) {
            int stride = gray.getWidth();
            int left = w, right = -1, top = h, bottom = -1;
            for (int row = 0; row < h; row++) {
                for (int col = 0, at = row * stride; col < w; col++, at++) {
                    if (pixels[at] != 0) {
                        left = Math.min(left, col);
                        right = Math.max(right, col);
                        top = Math.min(top, row);
                        bottom = row;
                    }
                }
            }
            if (right < 0) return BLANK;
            int cw = right - left + 1, ch = bottom - top + 1;
            byte[] out = new byte[cw * ch];
            for (int row = 0; row < ch; row++) {
                System.arraycopy(pixels, (top + row) * stride + left, out, row * cw, cw);
            }
            return new Mask(x + left, y + top, cw, ch, out);
        }
    }

    int count() {
        return masks.size();
    }

    private Mask draw(Outline outline, float scaleX, float scaleY, int phaseX, int phaseY, Scratch scratch) {
        if (outline == MISSING) return NONE;
        AffineTransform placed = AffineTransform.getTranslateInstance((double) phaseX / PHASES, (double) phaseY / PHASES);
        placed.scale(scaleX, scaleY);
        // upright and unsheared, so the outline's bounds map onto the placed glyph's
        Rectangle2D b = placed.createTransformedShape(outline.bounds()).getBounds2D();
        if (outline.bounds().isEmpty()) return BLANK;
        // a pixel of margin each side: anti-aliasing may touch the pixel beyond the outline's bounds
        int x0 = (int) Math.floor(b.getMinX()) - 1;
        int y0 = (int) Math.floor(b.getMinY()) - 1;
        int w = (int) Math.ceil(b.getMaxX()) + 1 - x0;
        int h = (int) Math.ceil(b.getMaxY()) + 1 - y0;
        Graphics2D g = scratch.clear(w, h);
        AffineTransform onScratch = AffineTransform.getTranslateInstance(-x0, -y0);
        onScratch.concatenate(placed);
        g.setTransform(onScratch);
        g.fill(outline.path());
        return scratch.copy(x0, y0, w, h);
    }
}
