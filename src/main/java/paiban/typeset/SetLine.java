package paiban.typeset;

import java.util.List;

/**
 * A line as the typesetter set it: glyphs at their final positions.
 *
 * @param width       the measure the line was set to, in points
 * @param inkStart    where the first glyph's ink begins, in points from the line's start
 * @param inkEnd      where the last glyph's advance ends (flush lines: the measure)
 * @param first       the paragraph's first line
 * @param last        the paragraph's last line (set flush left under JUSTIFY)
 */
public record SetLine(List<Glyph> glyphs, float width, float size, float inkStart, float inkEnd,
                      boolean first, boolean last) {

    public SetLine {
        glyphs = List.copyOf(glyphs);
    }

    /** The line's characters, in order. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Glyph g : glyphs) sb.appendCodePoint(g.codePoint());
        return sb.toString();
    }
}
