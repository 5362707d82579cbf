package paiban.typeset;

import java.util.List;

/**
 * A line as the typesetter set it: glyphs at their final positions.
 *
 * @param width       the measure the line was set to, in points
 * @param inkStart    where the first glyph's em box begins, in points from the line's start
 * @param inkEnd      where the last glyph's advance ends, after any squeeze (flush lines: the measure)
 * @param first       the paragraph's first line
 * @param last        the paragraph's last line (set flush left under JUSTIFY)
 * @param spacing     em added at each junction between characters to justify the line
 * @param squeeze     em taken out of punctuation beyond the squeezes clreq always makes
 * @param scale       the horizontal scale furthest from 1 on the line: below 1 for condensed Western text,
 *                    above 1 for a lone word widened to the measure (a doubled dash's own widening not counted)
 * @param vertical    set top to bottom (a vertical headline's column, 竖排): {@code width} is then the column's
 *                    length, the glyphs' {@code x} runs down it, and the line is {@code size} wide
 */
public record SetLine(List<Glyph> glyphs, float width, float size, float inkStart, float inkEnd,
                      boolean first, boolean last, float spacing, float squeeze, float scale, boolean vertical) {

    public SetLine {
        glyphs = List.copyOf(glyphs);
    }

    /** A horizontal line. */
    public SetLine(List<Glyph> glyphs, float width, float size, float inkStart, float inkEnd,
                   boolean first, boolean last, float spacing, float squeeze, float scale) {
        this(glyphs, width, size, inkStart, inkEnd, first, last, spacing, squeeze, scale, false);
    }

    /** The line's characters, in order (a word space dropped at the break included). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Glyph g : glyphs) sb.appendCodePoint(g.codePoint());
        return sb.toString();
    }
}
