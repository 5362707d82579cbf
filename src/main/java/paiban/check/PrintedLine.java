package paiban.check;

import java.util.List;

/**
 * The glyphs of one column on one baseline, left to right, and what the proofreader found out about it.
 */
final class PrintedLine {

    final int page;
    /** 1-based, or 0 for a line in no column. */
    int column;
    final List<PrintedGlyph> glyphs;
    /** Its glyphs with the blank ones, as read. */
    final List<PrintedGlyph> all;
    final float baseline;
    final boolean body;
    /** A blank glyph after the last visible one: the word space at a break, kept in the text layer. */
    final boolean trailingSpace;
    final String text;

    boolean indented;
    boolean flushLeft;
    boolean flushRight;
    boolean endsParagraph;
    /** Right-aligned or centred in its column: a paragraph of its own (a source line, a centred head). */
    boolean setApart;
    PrintedLine next;

    final String bodyFamily;
    final float bodySize;

    PrintedLine(int page, int column, List<PrintedGlyph> all, String bodyFamily, float bodySize) {
        this.bodyFamily = bodyFamily;
        this.bodySize = bodySize;
        this.page = page;
        this.column = column;
        this.all = List.copyOf(all);
        this.glyphs = all.stream().filter(g -> !g.blank()).toList();
        float sum = 0;
        int bodyGlyphs = 0;
        StringBuilder sb = new StringBuilder();
        for (PrintedGlyph g : glyphs) {
            sum += g.baseline();
            if (g.family().equals(bodyFamily) && Math.abs(g.size() - bodySize) < 0.05f) bodyGlyphs++;
            sb.append(g.text());
        }
        this.text = sb.toString();
        this.baseline = glyphs.isEmpty() ? 0 : sum / glyphs.size();
        this.body = !glyphs.isEmpty() && bodyGlyphs * 2 > glyphs.size();
        float lastRight = glyphs.isEmpty() ? 0 : glyphs.getLast().x();
        boolean space = false;
        for (PrintedGlyph g : all) if (g.blank() && g.x() >= lastRight) space = true;
        this.trailingSpace = space;
    }

    float left() {
        return glyphs.getFirst().x();
    }

    /** Where the line ends, taking the last glyph at its full advance. */
    float right() {
        return glyphs.getLast().right();
    }

    /** Where the line ends if its last mark was set half-width, as clreq allows at a line's end. */
    float rightHalf() {
        PrintedGlyph g = glyphs.getLast();
        return g.halfWidthAtEnd() ? g.x() + g.advance() / 2 : g.right();
    }

    /** Whether any of its glyphs is in the body face (a dateline in bold may open a body line). */
    boolean hasBodyFace() {
        for (PrintedGlyph g : glyphs) if (g.family().equals(bodyFamily)) return true;
        return false;
    }

    /** How far its opening mark may have been set in: half the mark's advance when set half-width. */
    float halfStart() {
        PrintedGlyph g = glyphs.getFirst();
        return g.halfWidthAtStart() ? g.advance() / 2 : 0;
    }

    /**
     * Where the line ends when its last mark is squeezed or hangs: the mark at full and half width, and
     * the glyph before it, for a stop or closing mark hung past the edge (clreq allows hanging punctuation).
     */
    float[] rights() {
        PrintedGlyph g = glyphs.getLast();
        if (glyphs.size() > 1 && (Marks.closing(g.codePoint()) || Marks.noStart(g.codePoint()))) {
            return new float[] {right(), rightHalf(), glyphs.get(glyphs.size() - 2).right()};
        }
        return new float[] {right(), rightHalf()};
    }

    /** Where the line's text ends with no mark hung past the edge: the least of {@link #rights()}. */
    float rightKept() {
        float r = Float.MAX_VALUE;
        for (float x : rights()) r = Math.min(r, x);
        return r;
    }

    int first() {
        return text.codePointAt(0);
    }

    int last() {
        return text.codePointBefore(text.length());
    }

    /** Characters a reader counts: Han, letters and digits, not punctuation. */
    int letters() {
        return (int) text.codePoints().filter(Character::isLetterOrDigit).count();
    }

    /** How many times {@code cp} repeats at the start (or end) of the line. */
    int leading(java.util.function.IntPredicate p) {
        int n = 0;
        for (int cp : text.codePoints().toArray()) {
            if (!p.test(cp)) break;
            n++;
        }
        return n;
    }

    int trailing(java.util.function.IntPredicate p) {
        int[] cps = text.codePoints().toArray();
        int n = 0;
        for (int i = cps.length - 1; i >= 0 && p.test(cps[i]); i--) n++;
        return n;
    }
}
