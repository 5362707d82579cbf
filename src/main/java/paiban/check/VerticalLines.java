package paiban.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Vertical lines (竖排, a vertical headline's columns): glyphs of one size stacked top to bottom on one axis,
 * each cell an em below the last, with nothing beside them on their baselines. A cell is one upright glyph,
 * two or three narrow ones side by side within an em (纵中横), or a run turned sideways (rotated Latin). Lines
 * of one size whose tops align and that stand side by side are read right to left, as one headline part.
 * Body text never passes for one: its lines stand half an em or more apart and its glyphs have neighbours.
 */
final class VerticalLines {

    /** Most white between two cells of one vertical line, in em: a line's own glyphs touch. */
    static final float CELL_GAP = 0.25f;
    /** Least white beside a glyph of a vertical line on its baseline, in em; a horizontal line's glyphs touch. */
    static final float ASIDE = 0.2f;
    /** Fewest cells that make a vertical line. */
    static final int MIN_CELLS = 3;

    /** One vertical line: its cells top to bottom, read as a line of text. */
    record Line(List<Cell> cells, PrintedLine text, float axis, float top, float bottom, float size) {
    }

    /** One cell of a vertical line: its glyphs left to right, where it is and how long down the line. */
    record Cell(List<PrintedGlyph> glyphs, float axis, float top, float bottom, float size) {
    }

    private VerticalLines() {
    }

    /** The vertical lines of a page's glyphs, each a run of at least {@link #MIN_CELLS} cells. */
    static List<Line> of(int page, List<PrintedGlyph> glyphs) {
        List<PrintedGlyph> visible = glyphs.stream().filter(g -> !g.blank()).toList();
        List<Cell> cells = cells(visible);
        cells.sort(Comparator.comparingDouble(Cell::top));
        boolean[] used = new boolean[cells.size()];
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (used[i]) continue;
            List<Cell> run = new ArrayList<>(List.of(cells.get(i)));
            used[i] = true;
            Cell last = cells.get(i);
            for (int j = i + 1; j < cells.size(); j++) {
                Cell c = cells.get(j);
                if (used[j] || Math.abs(c.size() - last.size()) > 0.05f) continue;
                if (c.top() - last.bottom() > CELL_GAP * last.size()) break;
                if (Math.abs(c.axis() - last.axis()) <= 0.25f * last.size() && c.top() - last.bottom() >= -0.1f * last.size()) {
                    run.add(c);
                    used[j] = true;
                    last = c;
                }
            }
            if (run.size() < MIN_CELLS) {
                // not a line: its cells may still begin another run further down
                for (int k = 1; k < run.size(); k++) used[cells.indexOf(run.get(k))] = false;
                continue;
            }
            List<PrintedGlyph> ordered = new ArrayList<>();
            for (Cell c : run) {
                for (PrintedGlyph g : c.glyphs()) {
                    int cp = Marks.horizontal(g.codePoint());
                    ordered.add(cp == g.codePoint() ? g : g.withText(new String(Character.toChars(cp))));
                }
            }
            Cell first = run.getFirst();
            PrintedLine text = new PrintedLine(page, 0, ordered, "", first.size());
            out.add(new Line(List.copyOf(run), text, first.axis(), first.top(), run.getLast().bottom(), first.size()));
        }
        return out;
    }

    /**
     * Cells: glyphs with no neighbour beside them on their baseline, except the narrow glyphs of one
     * 纵中横 cell; a sideways run's glyphs, one after another down the page, make one cell each.
     */
    private static List<Cell> cells(List<PrintedGlyph> glyphs) {
        List<PrintedGlyph> upright = new ArrayList<>();
        List<Cell> out = new ArrayList<>();
        for (PrintedGlyph g : glyphs) {
            if (g.sideways()) {
                // turned clockwise: its em box spans from 0.12 em left of its baseline to 0.88 em right of it
                out.add(new Cell(List.of(g), g.x() + 0.38f * g.size(), g.baseline(), g.baseline() + g.advance(), g.size()));
            } else {
                upright.add(g);
            }
        }
        upright.sort(Comparator.comparingDouble(PrintedGlyph::baseline).thenComparingDouble(PrintedGlyph::x));
        int i = 0;
        while (i < upright.size()) {
            PrintedGlyph g = upright.get(i);
            int j = i + 1;
            float right = g.right();
            // glyphs that touch on one baseline and together keep within an em are one cell (纵中横)
            while (j < upright.size() && Math.abs(upright.get(j).baseline() - g.baseline()) < 0.05f * g.size()
                    && Math.abs(upright.get(j).size() - g.size()) < 0.05f && upright.get(j).x() - right < 0.05f * g.size()
                    && upright.get(j).right() - g.x() <= 1.05f * g.size()) {
                right = upright.get(j).right();
                j++;
            }
            List<PrintedGlyph> cell = upright.subList(i, j);
            float left = g.x();
            if (alone(upright, i, j, left, right, g)) {
                float top = g.baseline() - 0.88f * g.size();
                out.add(new Cell(List.copyOf(cell), (left + right) / 2, top, top + g.size(), g.size()));
            }
            i = j;
        }
        return out;
    }

    /** Nothing else stands on the cell's baseline within {@link #ASIDE} em of it. */
    private static boolean alone(List<PrintedGlyph> sorted, int from, int to, float left, float right, PrintedGlyph g) {
        for (int k = from - 1; k >= 0 && g.baseline() - sorted.get(k).baseline() < 0.2f * g.size(); k--) {
            if (near(sorted.get(k), left, right, g)) return false;
        }
        for (int k = to; k < sorted.size() && sorted.get(k).baseline() - g.baseline() < 0.2f * g.size(); k++) {
            if (near(sorted.get(k), left, right, g)) return false;
        }
        return true;
    }

    private static boolean near(PrintedGlyph o, float left, float right, PrintedGlyph g) {
        float gap = Math.max(o.x() - right, left - o.right());
        return gap < ASIDE * Math.max(g.size(), o.size());
    }

    /**
     * Lines that follow one another: the next line of a part stands to the left of this one, at the same
     * size, its top level with this one's, within two of its ems.
     */
    static Line next(Line l, List<Line> all) {
        Line best = null;
        for (Line o : all) {
            if (o == l || Math.abs(o.size() - l.size()) > 0.05f || Math.abs(o.top() - l.top()) > 0.2f * l.size()) continue;
            float d = l.axis() - o.axis();
            if (d > 0.5f * l.size() && d <= 2.2f * l.size() && (best == null || o.axis() > best.axis())) best = o;
        }
        return best;
    }
}
