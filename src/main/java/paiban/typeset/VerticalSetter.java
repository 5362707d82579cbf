package paiban.typeset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sets a headline top to bottom (竖排), in columns read right to left, following clreq §3.3 (vertical
 * writing mode): Han and kana upright, one em each; marks upright in their vertical forms
 * ({@link VerticalForms}); two or three digits together in one upright cell (纵中横, horizontal-in-vertical);
 * a longer run of Latin letters or digits turned sideways, 90° clockwise. A column breaks only where a
 * horizontal line may (clreq §3.1.7, top to bottom): never before a closing mark, after an opening one,
 * inside —— or ……, nor inside a Latin word or a number.
 */
public final class VerticalSetter {

    private VerticalSetter() {
    }

    /** One cell of the column: what goes in it and how long it is along the column, in em. */
    private record Cell(int[] cps, Face[] faces, Glyph.Orientation orientation, float length, boolean together) {
        int first() {
            return cps[0];
        }

        int last() {
            return cps[cps.length - 1];
        }
    }

    /**
     * Sets {@code text} in {@code style} into the fewest columns no longer than {@code maxLength} points, as
     * even in length as the breaks allow; each column is a vertical {@link SetLine} whose width is its length.
     */
    public static Galley set(String text, TextStyle style, float maxLength) {
        Set<Integer> missing = new LinkedHashSet<>();
        Set<Integer> fallbacks = new LinkedHashSet<>();
        List<Cell> cells = cells(text, style, missing, fallbacks);
        float maxEm = maxLength / style.size();
        if (maxEm < 2 - LineBreaker.EPS) throw new IllegalArgumentException("a column of " + maxLength + " pt is under two characters");
        if (cells.isEmpty()) {
            return new Galley(List.of(new SetLine(List.of(), 0, style.size(), 0, 0, true, true, 0, 0, 1, true)), missing, fallbacks);
        }
        float total = 0;
        for (Cell c : cells) total += c.length();
        List<int[]> columns = null;
        for (int n = Math.max(1, (int) Math.ceil(total / maxEm - LineBreaker.EPS)); columns == null; n++) {
            columns = columns(cells, n, Math.min(maxEm, total / n), maxEm);
        }
        List<SetLine> lines = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            lines.add(line(cells, columns.get(i)[0], columns.get(i)[1], style, i == 0, i == columns.size() - 1));
        }
        return new Galley(lines, missing, fallbacks);
    }

    /**
     * Breaks the cells into {@code n} columns, each filled up to {@code target} em where a break is
     * allowed, and never past {@code maxEm}; null when {@code n} columns cannot hold them.
     */
    private static List<int[]> columns(List<Cell> cells, int n, float target, float maxEm) {
        for (float t = target; t <= maxEm + LineBreaker.EPS; t = Math.min(maxEm, t + 0.5f)) {
            List<int[]> out = new ArrayList<>();
            int start = 0;
            boolean ok = true;
            while (start < cells.size() && ok) {
                float len = 0;
                int end = start;
                int lastBreak = -1;
                while (end < cells.size() && len + cells.get(end).length() <= t + LineBreaker.EPS) {
                    len += cells.get(end).length();
                    end++;
                    if (end == cells.size() || breakAllowed(cells, end)) lastBreak = end;
                }
                if (lastBreak < 0) {
                    // nothing breakable within the target: take the first legal break within the column's length
                    len = 0;
                    end = start;
                    while (end < cells.size() && len + cells.get(end).length() <= maxEm + LineBreaker.EPS) {
                        len += cells.get(end).length();
                        end++;
                        if (end == cells.size() || breakAllowed(cells, end)) {
                            lastBreak = end;
                            break;
                        }
                    }
                }
                if (lastBreak < 0) {
                    ok = false;
                } else {
                    out.add(new int[] {start, lastBreak});
                    start = lastBreak;
                }
            }
            if (ok && out.size() <= n) return out;
            if (t >= maxEm) break;
        }
        return n > cells.size() ? List.of(new int[] {0, cells.size()}) : null;
    }

    /** Whether a column may end before cell {@code i} (clreq §3.1.7, read top to bottom). */
    private static boolean breakAllowed(List<Cell> cells, int i) {
        Cell before = cells.get(i - 1);
        Cell after = cells.get(i);
        if (CharClass.noStart(after.first()) || CharClass.noEnd(before.last())) return false;
        CharClass a = CharClass.of(before.last());
        CharClass b = CharClass.of(after.first());
        // —— and …… are one mark; a single dash never opens a line, a doubled one may
        if (a == CharClass.DASH && b == CharClass.DASH) return false;
        boolean doubled = i + 1 < cells.size() && CharClass.of(cells.get(i + 1).first()) == CharClass.DASH;
        if (b == CharClass.DASH && !doubled) return false;
        if (b == CharClass.MIDDLE || (a == CharClass.ELLIPSIS && b == CharClass.ELLIPSIS)) return false;
        // a number keeps its unit: 12月, 3.6%
        return !(Character.isDigit(before.last()) && AtomClusters.unit(after.first()));
    }

    private static List<Cell> cells(String text, TextStyle style, Set<Integer> missing, Set<Integer> fallbacks) {
        List<Cell> out = new ArrayList<>();
        List<Face> chain = style.regular();
        int[] cps = text.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            CharClass k = CharClass.of(cps[i]);
            if (k == CharClass.SPACE) {
                i++;
                continue;
            }
            if (k == CharClass.WESTERN) {
                int j = i;
                // a Latin phrase keeps its word spaces; trailing spaces go
                while (j < cps.length && (CharClass.of(cps[j]) == CharClass.WESTERN
                        || (CharClass.of(cps[j]) == CharClass.SPACE && j + 1 < cps.length && CharClass.of(cps[j + 1]) == CharClass.WESTERN))) {
                    j++;
                }
                out.add(western(java.util.Arrays.copyOfRange(cps, i, j), chain, missing, fallbacks));
                i = j;
                continue;
            }
            int cp = cps[i];
            Face f = face(cp, chain, missing, fallbacks);
            Glyph.Orientation o = Glyph.Orientation.UPRIGHT;
            if (VerticalForms.has(cp) && f.has(VerticalForms.of(cp))) {
                o = Glyph.Orientation.VERTICAL_FORM;
            } else if (k == CharClass.MIDDLE && cp != '·' && cp != '・') {
                o = Glyph.Orientation.SIDEWAYS; // ～ has no vertical form: it turns with the line
            }
            float len = o == Glyph.Orientation.SIDEWAYS ? f.advance(cp) : 1;
            out.add(new Cell(new int[] {cp}, new Face[] {f}, o, len, false));
            i++;
        }
        return out;
    }

    /**
     * A run of Western text: one upright letter or digit; two or three digits upright side by side in one
     * cell (纵中横); anything longer sideways, at its own advances (clreq §3.3.3).
     */
    private static Cell western(int[] cps, List<Face> chain, Set<Integer> missing, Set<Integer> fallbacks) {
        Face[] faces = new Face[cps.length];
        float width = 0;
        boolean digits = true;
        for (int n = 0; n < cps.length; n++) {
            faces[n] = face(cps[n], chain, missing, fallbacks);
            width += faces[n].has(cps[n]) ? faces[n].advance(cps[n]) : 1;
            if (cps[n] < '0' || cps[n] > '9') digits = false;
        }
        if (cps.length == 1) return new Cell(cps, faces, Glyph.Orientation.UPRIGHT, 1, false);
        if (digits && cps.length <= 3) return new Cell(cps, faces, Glyph.Orientation.UPRIGHT, 1, true);
        return new Cell(cps, faces, Glyph.Orientation.SIDEWAYS, width, false);
    }

    private static Face face(int cp, List<Face> chain, Set<Integer> missing, Set<Integer> fallbacks) {
        for (Face c : chain) {
            if (c.has(cp)) {
                if (c != chain.getFirst()) fallbacks.add(cp);
                return c;
            }
        }
        missing.add(cp);
        return chain.getFirst();
    }

    private static SetLine line(List<Cell> cells, int from, int to, TextStyle style, boolean first, boolean last) {
        float size = style.size();
        List<Glyph> glyphs = new ArrayList<>();
        float y = 0;
        for (int i = from; i < to; i++) {
            Cell c = cells.get(i);
            switch (c.orientation()) {
                case SIDEWAYS -> {
                    // turned clockwise, the em box (descent to ascent) spans the line's width
                    float across = (1 - c.faces()[0].emTop()) * size;
                    float at = y;
                    for (int n = 0; n < c.cps().length; n++) {
                        int cp = c.cps()[n] == ' ' || CharClass.of(c.cps()[n]) == CharClass.SPACE ? ' ' : c.cps()[n];
                        glyphs.add(new Glyph(cp, c.faces()[n], at * size, 1, Glyph.Orientation.SIDEWAYS, across));
                        at += c.faces()[n].advance(cp);
                    }
                }
                case VERTICAL_FORM -> glyphs.add(new Glyph(c.first(), c.faces()[0], y * size, 1, Glyph.Orientation.VERTICAL_FORM,
                        (1 - c.faces()[0].advance(VerticalForms.of(c.first()))) / 2 * size));
                case UPRIGHT -> {
                    float width = 0;
                    for (int n = 0; n < c.cps().length; n++) width += c.faces()[n].advance(c.cps()[n]);
                    // 纵中横: digits side by side, condensed if they would pass the em
                    float scale = c.together() && width > 1 ? 1 / width : 1;
                    float left = (1 - width * scale) / 2;
                    for (int n = 0; n < c.cps().length; n++) {
                        glyphs.add(new Glyph(c.cps()[n], c.faces()[n], y * size, scale, Glyph.Orientation.UPRIGHT, left * size));
                        left += c.faces()[n].advance(c.cps()[n]) * scale;
                    }
                }
            }
            y += c.length();
        }
        return new SetLine(glyphs, y * size, size, 0, y * size, first, last, 0, 0, 1, true);
    }
}
