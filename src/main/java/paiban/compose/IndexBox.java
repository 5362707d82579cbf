package paiban.compose;

import paiban.typeset.SetLine;
import paiban.typeset.TextStyle;
import paiban.typeset.Typesetter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 导读 box on page 1: the stories on the other pages, each with its 第N版. Its size is decided
 * before the page numbers are known, so an item is measured with a two-digit page number; the box
 * takes whatever height the page gives it, spreading its items, and drops the least important items
 * if it is given less than they need.
 */
final class IndexBox {

    /**
     * One story in the box.
     *
     * @param opening the story's first paragraph, after its dateline: the 提要 the box sets under the title
     *                where it has lines to spare
     */
    record Item(String slug, String title, int priority, int page, String opening) {

        /** A story whose opening the box does not set. */
        Item(String slug, String title, int priority, int page) {
            this(slug, title, priority, page, "");
        }

        /** The same story on page {@code page}. */
        Item on(int page) {
            return new Item(slug, title, priority, page, opening);
        }
    }

    private final Grid grid;
    private final Styles styles;
    private final LayoutRules.IndexRules rules;
    private final LayoutRules.Words words;
    private final List<Item> items;

    /** {@code items} in any order; the box lists them by page, then priority. */
    IndexBox(Grid grid, Styles styles, LayoutRules rules, List<Item> items) {
        this(grid, styles, rules.index(), rules.words(), items);
    }

    private IndexBox(Grid grid, Styles styles, LayoutRules.IndexRules rules, LayoutRules.Words words, List<Item> items) {
        this.grid = grid;
        this.styles = styles;
        this.rules = rules;
        this.words = words;
        this.items = items.stream().sorted(Comparator.comparingInt(Item::page).thenComparingInt(Item::priority)
                .thenComparing(Item::slug)).toList();
    }

    /** The same box listing {@code items} instead. */
    IndexBox with(List<Item> items) {
        return new IndexBox(grid, styles, rules, words, items);
    }

    int maxItems() {
        return rules.maxItems();
    }

    List<Item> items() {
        return items;
    }

    /**
     * Grid lines the box needs at {@code span} columns to list every item. The page filler asks this at every
     * step of its search, so it is worked out once per span: setting the items each time made composition
     * grow with the square of the copy on issues with many stories.
     */
    int minLines(int span) {
        return minLines.computeIfAbsent(span, w -> titleLines() + tallest(lanes(items, w), w) + 1 + ModuleBuilder.GAP);
    }

    private final java.util.Map<Integer, Integer> minLines = new java.util.HashMap<>();
    private final java.util.Map<String, List<SetLine>> itemLines = new java.util.HashMap<>();

    private int titleLines() {
        return grid.linesFor(styles.get("index-title").pitch() * 1.5f);
    }

    /** Columns of one lane of items, from the layout's lane width. */
    int lane() {
        return grid.columnsFor(rules.laneWidth());
    }

    /** The box stands one lane wide, or two lanes or more side by side, like a strip of 导读. */
    boolean fits(int span) {
        return span == lane() || span >= 2 * lane();
    }

    private int laneSpan(int span) {
        return span >= 2 * lane() ? lane() : span;
    }

    private float measure(int span) {
        // half a character of inset on each side keeps the text off the box's frame
        return grid.spanWidth(laneSpan(span)) - grid.bodySize();
    }

    /** The items split into lanes, in order, each lane about as tall as the others. */
    private List<List<Item>> lanes(List<Item> shown, int span) {
        int count = span / laneSpan(span);
        int total = 0;
        for (Item i : shown) total += itemLines(i, span).size();
        int target = (total + count - 1) / count;
        List<List<Item>> lanes = new ArrayList<>();
        lanes.add(new ArrayList<>());
        int used = 0;
        for (Item i : shown) {
            int n = itemLines(i, span).size();
            if (used > 0 && used + n > target && lanes.size() < count) {
                lanes.add(new ArrayList<>());
                used = 0;
            }
            lanes.getLast().add(i);
            used += n;
        }
        return lanes;
    }

    private int tallest(List<List<Item>> lanes, int span) {
        int max = 0;
        for (List<Item> lane : lanes) {
            int n = 0;
            for (Item i : lane) n += itemLines(i, span).size();
            max = Math.max(max, n);
        }
        return max;
    }

    /** The item's title lines; its page label goes at the right end of the last one, or on a line of its own. */
    private List<SetLine> itemLines(Item i, int span) {
        return itemLines.computeIfAbsent(i.slug() + "/" + i.page() + "/" + span, k -> setItem(i, span));
    }

    private List<SetLine> setItem(Item i, int span) {
        TextStyle st = styles.get("index-item").withIndent(0);
        List<SetLine> lines = new ArrayList<>(Typesetter.set(rules.marker() + i.title(), st, measure(span)).lines());
        SetLine label = label(i.page() <= 0 ? 88 : i.page(), span);
        if (lines.getLast().inkEnd() + (label.inkEnd() - label.inkStart()) + grid.bodySize() > measure(span)) {
            lines.add(null);
        }
        return lines;
    }

    private SetLine label(int page, int span) {
        TextStyle st = styles.get("index-item").withAlign(TextStyle.Align.RIGHT).withIndent(0);
        return Typesetter.set(words.indexPage(page), st, measure(span)).lines().getFirst();
    }

    /** Sets the box in its slot, listing as many items as fit, most important first. */
    Module build(int column, int span, int line, int lines) {
        List<Item> shown = new ArrayList<>(items);
        while (!shown.isEmpty() && with(shown).minLines(span) > lines) {
            shown.remove(shown.stream().max(Comparator.comparingInt(Item::priority).thenComparing(Item::page)).orElseThrow());
        }
        List<PlacedLine> text = new ArrayList<>();
        TextStyle title = styles.get("index-title");
        SetLine t = Typesetter.set(rules.title(), title.withAlign(TextStyle.Align.CENTER), grid.spanWidth(span)).lines().getFirst();
        int titleLines = titleLines();
        float titleTop = grid.lineTop(line) + (titleLines * grid.pitch() - title.pitch()) / 2;
        text.add(new PlacedLine(t, grid.columnX(column), titleTop + (title.pitch() - title.size()) / 2
                + Story.emTop(title) * title.size(), LineKind.INDEX, "index-title", title.color(), 0, false));
        TextStyle item = styles.get("index-item");
        int part = 1;
        List<List<Item>> lanes = lanes(shown, span);
        int room = lines - titleLines - 1 - ModuleBuilder.GAP;
        for (int k = 0; k < lanes.size(); k++) {
            List<Item> lane = lanes.get(k);
            float x = grid.columnX(column + k * laneSpan(span)) + grid.bodySize() / 2;
            int need = 0;
            for (Item i : lane) need += itemLines(i, span).size();
            int spare = Math.max(0, room - need);
            int gaps = lane.size() + 1;
            // a tall box sets a 提要 under each item in the lines it has over one empty line around each item
            List<List<SetLine>> summaries = summaries(lane, span, spare - gaps);
            for (List<SetLine> set : summaries) spare -= summaryLines(set.size());
            // the spare lines go around the items, so that a tall box is evenly set rather than half empty
            int y = line + titleLines + gap(spare, gaps, 0);
            for (int n = 0; n < lane.size(); n++) {
                Item i = lane.get(n);
                for (SetLine l : itemLines(i, span)) {
                    if (l != null) {
                        text.add(new PlacedLine(l, x, baselineOf(y, item), LineKind.INDEX, "index-item", item.color(), part, false));
                    }
                    y++;
                }
                text.add(new PlacedLine(label(i.page(), span), x, baselineOf(y - 1, item), LineKind.INDEX, "index-item",
                        item.color(), part, false));
                List<SetLine> summary = summaries.get(n);
                TextStyle st = summaryStyle();
                for (int m = 0; m < summary.size(); m++) {
                    // the 提要 keeps its own leading, tighter than the grid's, from the top of the line under the title
                    float top = grid.lineTop(y) + m * st.pitch();
                    text.add(new PlacedLine(summary.get(m), x, top + (st.pitch() - st.size()) / 2 + Story.emTop(st) * st.size(),
                            LineKind.INDEX, SUMMARY, st.color(), part, false));
                }
                y += summaryLines(summary.size());
                part++;
                y += gap(spare, gaps, n + 1);
            }
        }
        return new Module("", rules.title(), ModuleKind.INDEX, column, span, line, lines, text, List.of());
    }

    /** The 提要's style class; a layout whose CSS leaves it out sets the 提要 like the titles. */
    private static final String SUMMARY = "index-summary";

    private TextStyle summaryStyle() {
        return styles.getOr(SUMMARY, "index-item").withIndent(0);
    }

    /** Grid lines that {@code n} lines of 提要 take. */
    private int summaryLines(int n) {
        return n == 0 ? 0 : grid.linesFor(n * summaryStyle().pitch());
    }

    /**
     * The 提要 of each item of a lane, in its order, in {@code budget} grid lines: shared a line at a time,
     * most important item first, each item taking no more than its whole opening needs.
     */
    private List<List<SetLine>> summaries(List<Item> lane, int span, int budget) {
        List<List<SetLine>> out = new ArrayList<>();
        for (int n = 0; n < lane.size(); n++) out.add(List.of());
        if (!rules.summary() || budget <= 0) return out;
        TextStyle st = summaryStyle();
        float measure = measure(span);
        int[] want = new int[lane.size()];
        for (int n = 0; n < lane.size(); n++) {
            String o = lane.get(n).opening().strip();
            want[n] = o.isEmpty() ? 0 : summaryLines(Typesetter.set(o, st, measure).lines().size());
        }
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < lane.size(); n++) order.add(n);
        order.sort(Comparator.comparingInt((Integer n) -> lane.get(n).priority()).thenComparingInt(n -> n));
        int[] got = new int[lane.size()];
        boolean gave = true;
        while (budget > 0 && gave) {
            gave = false;
            for (int n : order) {
                if (budget > 0 && got[n] < want[n]) {
                    got[n]++;
                    budget--;
                    gave = true;
                }
            }
        }
        for (int n = 0; n < lane.size(); n++) {
            // the lines of 提要 that fit in the item's grid lines
            int fit = (int) Math.floor(got[n] * grid.pitch() / st.pitch() + 1e-3);
            if (fit > 0) out.set(n, summary(lane.get(n).opening().strip(), st, measure, fit));
        }
        return out;
    }

    /**
     * The opening set in at most {@code max} lines: whole, or cut after the last sentence that fits, or else
     * at the end of the last line with the layout's ellipsis. The Typesetter keeps a closing mark off a line's start.
     */
    private List<SetLine> summary(String opening, TextStyle st, float measure, int max) {
        List<SetLine> whole = Typesetter.set(opening, st, measure).lines();
        if (whole.size() <= max) return whole;
        for (int end = opening.length(); end > 0; end--) {
            if (!sentenceEnd(opening, end)) continue;
            List<SetLine> set = Typesetter.set(opening.substring(0, end), st, measure).lines();
            if (set.size() <= max) return set;
        }
        int[] cps = opening.codePoints().toArray();
        int k = 0;
        for (int n = 0; n < max; n++) k += whole.get(n).text().codePointCount(0, whole.get(n).text().length());
        for (k = Math.min(k, cps.length); k > 0; k--) {
            int end = k;
            // no comma, 顿号 or space before the ellipsis
            while (end > 0 && (isPause(cps[end - 1]) || Character.isWhitespace(cps[end - 1]))) end--;
            if (end == 0) break;
            List<SetLine> set = Typesetter.set(new String(cps, 0, end) + words.ellipsis(), st, measure).lines();
            if (set.size() <= max) return set;
        }
        return List.of();
    }

    /** Whether the opening's first {@code end} characters end a sentence: 。！？, with any closing quote after it. */
    private static boolean sentenceEnd(String s, int end) {
        int i = end;
        while (i > 0 && "”’」』）)".indexOf(s.charAt(i - 1)) >= 0) i--;
        if (i == 0 || "。！？!?".indexOf(s.charAt(i - 1)) < 0) return false;
        // a closing quote after the stop belongs to the sentence: cut after it
        return end == s.length() || "”’」』）)".indexOf(s.charAt(end)) < 0;
    }

    private static boolean isPause(int cp) {
        return "，、；：,;:".indexOf(cp) >= 0;
    }

    private static int gap(int spare, int gaps, int i) {
        return spare / gaps + (i < spare % gaps ? 1 : 0);
    }

    private float baselineOf(int line, TextStyle st) {
        return grid.lineTop(line) + (grid.pitch() - st.size()) / 2 + Story.emTop(st) * st.size();
    }
}
