package paiban.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The glyphs of a page that share a baseline, left to right, read as text: a space stands wherever
 * two glyphs stand apart, so words in neighbouring columns never run together into one.
 *
 * @param baseline down from the page's top
 * @param text     the glyphs' text, with a space for each gap
 */
record TextLine(float baseline, String text, List<PrintedGlyph> glyphs) {

    /** Glyphs this close in baseline are one line (a dateline's mixed sizes share their baseline). */
    static final float SAME_BASELINE = 1f;
    /** A gap wider than this share of the em is a space. */
    static final float GAP = 0.3f;

    TextLine {
        glyphs = List.copyOf(glyphs);
    }

    /** The page's lines, top to bottom. */
    static List<TextLine> of(List<PrintedGlyph> page) {
        List<PrintedGlyph> sorted = new ArrayList<>(page);
        sorted.sort(Comparator.comparingDouble(PrintedGlyph::baseline));
        List<TextLine> lines = new ArrayList<>();
        List<PrintedGlyph> current = new ArrayList<>();
        float at = Float.NaN;
        for (PrintedGlyph g : sorted) {
            if (!current.isEmpty() && g.baseline() - at > SAME_BASELINE) {
                lines.add(line(current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) at = g.baseline();
            current.add(g);
        }
        if (!current.isEmpty()) lines.add(line(current));
        return lines;
    }

    private static TextLine line(List<PrintedGlyph> glyphs) {
        glyphs.sort(Comparator.comparingDouble(PrintedGlyph::x));
        StringBuilder sb = new StringBuilder();
        PrintedGlyph prev = null;
        for (PrintedGlyph g : glyphs) {
            if (prev != null && g.x() - prev.right() > GAP * Math.min(g.size(), prev.size())) sb.append(' ');
            sb.append(g.blank() ? " " : g.text());
            prev = g;
        }
        return new TextLine(glyphs.getFirst().baseline(), sb.toString().replaceAll(" {2,}", " ").strip(), glyphs);
    }

    /** The largest glyph's size. */
    float size() {
        float s = 0;
        for (PrintedGlyph g : glyphs) if (!g.blank()) s = Math.max(s, g.size());
        return s;
    }

    /** The glyphs that spell {@code word} in this line, each next to the one before; empty if it is not here. */
    List<PrintedGlyph> find(String word) {
        List<PrintedGlyph> ink = glyphs.stream().filter(g -> !g.blank()).toList();
        int[] want = word.codePoints().toArray();
        for (int i = 0; i + want.length <= ink.size(); i++) {
            boolean match = true;
            for (int k = 0; k < want.length && match; k++) match = ink.get(i + k).codePoint() == want[k];
            if (match) return ink.subList(i, i + want.length);
        }
        return List.of();
    }
}
