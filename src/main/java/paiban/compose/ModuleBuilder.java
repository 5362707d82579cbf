package paiban.compose;

import paiban.typeset.SetLine;
import paiban.typeset.TextStyle;
import paiban.typeset.Typesetter;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one module: the headline across its columns, photos at the top left of its body with their
 * captions, and the body rows flowed column by column so that a paragraph runs on from the foot of
 * one column to the head of the next. Columns are balanced: their feet differ by at most one line.
 */
public final class ModuleBuilder {

    /** What a module took: the module and how many of the story's rows it consumed. */
    public record Built(Module module, int nextRow, boolean jumped, float jumpX, float jumpBaseline, float jumpWidth) {
    }

    private final Grid grid;
    private final Styles styles;

    public ModuleBuilder(Grid grid, Styles styles) {
        this.grid = grid;
        this.styles = styles;
    }

    /** The headline level for an article's weight and the module's width. */
    public static String headlineLevel(int priority, int span, boolean lead) {
        if (lead) return "headline-1";
        if (span >= 4) return priority <= 2 ? "headline-2" : "headline-3";
        if (span >= 2) return "headline-3";
        return "headline-4";
    }

    /**
     * The grid lines a story from {@code fromRow} needs at {@code span} columns, photos included,
     * with the columns balanced.
     */
    public int naturalLines(Story story, int fromRow, int span, String level, boolean continuation, boolean withPhotos) {
        int head = story.headline(level, grid.spanWidth(span), continuation, "").gridLines();
        int[] occ = photoOccupancy(story, span, withPhotos, null, 0, 0);
        int rows = story.rows().size() - fromRow + (continuation ? 1 : 0);
        return head + balancedEnd(occ, rows);
    }

    /**
     * Builds the module at {@code column}, {@code line}, at most {@code maxLines} tall.
     * A story that does not fit fills every column to the foot and keeps its last line for the 下转 line.
     */
    public Built build(Story story, int fromRow, int column, int span, int line, int maxLines, String level,
                       boolean continuation, int continuedFromPage, boolean withPhotos) {
        List<PlacedLine> text = new ArrayList<>();
        List<PlacedPhoto> photos = new ArrayList<>();
        float left = grid.columnX(column);
        float top = grid.lineTop(line);
        Story.Headline head = story.headline(level, grid.spanWidth(span), continuation, "");
        for (PlacedLine l : head.lines()) text.add(shift(l, left, top));
        int bodyTop = line + head.gridLines();
        int bodyMax = maxLines - head.gridLines();

        int[] occ = photoOccupancy(story, span, withPhotos, photos, column, bodyTop);
        for (PlacedPhoto p : photos) {
            // captions were placed by photoOccupancy as PlacedPhoto only; set their text here
            text.addAll(captionLines(story, p));
        }
        List<Story.Row> rows = new ArrayList<>();
        if (continuation) {
            SetLine jump = Typesetter.set("（上接第" + continuedFromPage + "版）", styles.get("jump"), grid.columnWidth())
                    .lines().getFirst();
            rows.add(new Story.Row(jump, "jump", "jump", 0));
        }
        rows.addAll(story.rows().subList(fromRow, story.rows().size()));

        int end = balancedEnd(occ, rows.size());
        boolean jumped = false;
        if (end > bodyMax) {
            end = bodyMax;
            jumped = true;
        }
        int capacityTotal = 0;
        for (int o : occ) capacityTotal += Math.max(0, end - o);
        int toPlace = jumped ? capacityTotal - 1 : rows.size();
        int shortColumns = Math.max(0, capacityTotal - toPlace - (jumped ? 1 : 0));
        int r = 0;
        float jumpX = 0;
        float jumpBaseline = 0;
        int placedStoryRows = 0;
        for (int c = 0; c < span; c++) {
            int cap = Math.max(0, end - occ[c]);
            if (!jumped && c >= span - shortColumns) cap = Math.max(0, cap - 1);
            int y = bodyTop + occ[c];
            int used = 0;
            while (used < cap && r < toPlace) {
                Story.Row row = rows.get(r);
                if (row.blank() && used == 0) {
                    r++;
                    if (!continuation || r > 1) placedStoryRows++;
                    continue;
                }
                if (!row.blank()) {
                    TextStyle st = styles.get(row.cssClass());
                    float baseline = grid.lineTop(y + used) + (grid.pitch() - st.size()) / 2
                            + Story.emTop(st) * st.size();
                    text.add(new PlacedLine(row.line(), grid.columnX(column + c), baseline, row.kind(),
                            row.cssClass(), st.color(), row.part(), row.kind().equals("body")));
                }
                used++;
                r++;
            }
            if (jumped && c == span - 1) {
                jumpX = grid.columnX(column + c);
                jumpBaseline = grid.lineTop(bodyTop + end - 1) + (grid.pitch() - grid.bodySize()) / 2
                        + Story.emTop(styles.get("jump")) * grid.bodySize();
            }
        }
        int consumed = continuation ? Math.max(0, r - 1) : r;
        int lines = head.gridLines() + end;
        Module m = new Module(story.article().slug(), story.article().title(), continuation ? "continuation" : "story",
                column, span, line, lines, text, photos);
        return new Built(m, fromRow + consumed, jumped, jumpX, jumpBaseline, grid.columnWidth());
    }

    /** Photos go side by side across the top of the body, each two columns wide (one in narrow modules). */
    private int[] photoOccupancy(Story story, int span, boolean withPhotos, List<PlacedPhoto> out, int column, int bodyTop) {
        int[] occ = new int[span];
        if (!withPhotos) return occ;
        int photoSpan = span >= 4 ? 2 : span >= 2 ? Math.min(2, span) : 1;
        int c = 0;
        for (var p : story.article().photos()) {
            if (c + photoSpan > span) c = 0;
            int base = 0;
            for (int k = c; k < c + photoSpan; k++) base = Math.max(base, occ[k]);
            Story.PhotoBlock block = story.photo(p, grid.spanWidth(photoSpan));
            for (int k = c; k < c + photoSpan; k++) occ[k] = base + block.gridLines();
            if (out != null) {
                out.add(new PlacedPhoto(p, grid.columnX(column + c), grid.lineTop(bodyTop + base),
                        block.width(), block.imageHeight()));
            }
            c += photoSpan;
        }
        return occ;
    }

    private List<PlacedLine> captionLines(Story story, PlacedPhoto p) {
        Story.PhotoBlock block = story.photo(p.photo(), p.width());
        List<PlacedLine> out = new ArrayList<>();
        int line = Math.round((p.y()) / grid.pitch()) + block.imageLines();
        int part = 2000 + story.article().photos().indexOf(p.photo()) * 2;
        TextStyle cap = styles.get("caption");
        TextStyle cred = styles.get("credit");
        for (SetLine l : block.caption()) {
            out.add(new PlacedLine(l, p.x(), baselineOf(line++, cap), "caption", "caption", cap.color(), part, false));
        }
        for (SetLine l : block.credit()) {
            out.add(new PlacedLine(l, p.x(), baselineOf(line++, cred), "credit", "credit", cred.color(), part + 1, false));
        }
        return out;
    }

    private float baselineOf(int line, TextStyle st) {
        return grid.lineTop(line) + (grid.pitch() - st.size()) / 2 + Story.emTop(st) * st.size();
    }

    /**
     * The smallest column foot E (in lines below the body top) such that the columns, each starting
     * below its photos, hold {@code rows} rows with their feet at E or E − 1.
     */
    static int balancedEnd(int[] occ, int rows) {
        int e = 0;
        for (int o : occ) e = Math.max(e, o);
        while (true) {
            int cap = 0;
            for (int o : occ) cap += Math.max(0, e - o);
            if (cap >= rows) return e;
            e++;
        }
    }

    private static PlacedLine shift(PlacedLine l, float dx, float dy) {
        return new PlacedLine(l.line(), l.x() + dx, l.baseline() + dy, l.kind(), l.cssClass(), l.color(), l.part(),
                l.onGrid());
    }
}
