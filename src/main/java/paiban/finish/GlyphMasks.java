package paiban.finish;

import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;

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

    /** A glyph at one size and phase: which font (by its object key), which code, the scale, the phase. */
    record Key(COSObjectKey font, int code, float scaleX, float scaleY, int phaseX, int phaseY) {
    }

    /**
     * Coverage 0–255, {@code width} × {@code height} bytes row by row, whose top left pixel lies at
     * ({@code x}, {@code y}) from the whole-pixel position the glyph was stamped at.
     */
    record Mask(int x, int y, int width, int height, byte[] coverage) {
    }

    /** What a glyph without an outline in its font gets: nothing, so that PDFBox draws (and reports) it. */
    private static final Mask NONE = new Mask(0, 0, 0, 0, new byte[0]);

    private final ConcurrentHashMap<Key, Mask> masks = new ConcurrentHashMap<>();
    /** Each glyph's outline in glyph space, fetched from its font once for all its sizes and phases. */
    private final ConcurrentHashMap<Outline, GeneralPath> outlines = new ConcurrentHashMap<>();

    private record Outline(COSObjectKey font, int code) {
    }

    /** What a code without a glyph in its font has instead of an outline. */
    private static final GeneralPath MISSING = new GeneralPath();
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

    /**
     * The mask of {@code code} of {@code font} at {@code key}'s size and phase, or null when the font has
     * no glyph for it; a mask not yet made is drawn on {@code scratch}, the calling thread's own.
     */
    Mask get(Key key, PDVectorFont font, Scratch scratch) {
        Mask m = masks.get(key);
        if (m == null) {
            m = masks.computeIfAbsent(key, k -> draw(k, font, scratch));
        }
        return m == NONE ? null : m;
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

        private byte[] copy(int w, int h) {
            int stride = gray.getWidth();
            byte[] out = new byte[w * h];
            for (int row = 0; row < h; row++) {
                System.arraycopy(pixels, row * stride, out, row * w, w);
            }
            return out;
        }
    }

    int size() {
        return masks.size();
    }

    private Mask draw(Key key, PDVectorFont font, Scratch scratch) {
        GeneralPath outline = outlines.computeIfAbsent(new Outline(key.font(), key.code()), k -> {
            try {
                return font.hasGlyph(k.code()) ? font.getNormalizedPath(k.code()) : MISSING;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (outline == MISSING) return NONE;
        AffineTransform placed = AffineTransform.getTranslateInstance(
                (double) key.phaseX() / PHASES, (double) key.phaseY() / PHASES);
        placed.scale(key.scaleX(), key.scaleY());
        Shape glyph = placed.createTransformedShape(outline);
        Rectangle2D b = glyph.getBounds2D();
        if (b.isEmpty()) return new Mask(0, 0, 0, 0, new byte[0]);
        // a pixel of margin each side: anti-aliasing may touch the pixel beyond the outline's bounds
        int x0 = (int) Math.floor(b.getMinX()) - 1;
        int y0 = (int) Math.floor(b.getMinY()) - 1;
        int w = (int) Math.ceil(b.getMaxX()) + 1 - x0;
        int h = (int) Math.ceil(b.getMaxY()) + 1 - y0;
        Graphics2D g = scratch.clear(w, h);
        g.setTransform(AffineTransform.getTranslateInstance(-x0, -y0));
        g.fill(glyph);
        byte[] coverage = scratch.copy(w, h);
        return new Mask(x0, y0, w, h, coverage);
    }
}
