package paiban.check;

import java.util.List;

/**
 * The glyphs of one column on one baseline, left to right, and what the proofreader found out about it.
 */
final class PrintedLine {

    final int page;
    final int column;
    final List<PrintedGlyph> glyphs;
    final float baseline;
    final boolean body;
    /** A blank glyph after the last visible one: the word space at a break, kept in the text layer. */
    final boolean trailingSpace;
    final String text;

    boolean indented;
    boolean flushLeft;
    boolean flushRight;
    boolean endsParagraph;
    PrintedLine next;

    PrintedLine(int page, int column, List<PrintedGlyph> all, String bodyFamily, float bodySize) {
        this.page = page;
        this.column = column;
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
