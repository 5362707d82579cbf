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

    /** One story in the box. */
    record Item(String slug, String title, int priority, int page) {
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
            // the spare lines go around the items, so that a tall box is evenly set rather than half empty
            int spare = Math.max(0, room - need);
            int gaps = lane.size() + 1;
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
                part++;
                y += gap(spare, gaps, n + 1);
            }
        }
        return new Module("", rules.title(), ModuleKind.INDEX, column, span, line, lines, text, List.of());
    }

    private static int gap(int spare, int gaps, int i) {
        return spare / gaps + (i < spare % gaps ? 1 : 0);
    }

    private float baselineOf(int line, TextStyle st) {
        return grid.lineTop(line) + (grid.pitch() - st.size()) / 2 + Story.emTop(st) * st.size();
    }
}
