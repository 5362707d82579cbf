package paiban.compose;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import paiban.copy.IssueReader;
import paiban.model.Article;
import paiban.model.Issue;
import paiban.model.Photo;
import paiban.render.Layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The composition properties, on every layout under layouts/ and on a range of generated copy: from 1,000
 * to 60,000 characters, one section to six, no photos to twelve. Each composed issue is read without
 * trusting the composer's bookkeeping: modules tile the type area without overlaps; every page, the last
 * included, is filled to within three lines of its foot or is named in a warning that says how much copy
 * would fill it (and a page so named really is short); every 下转 has its 上接; every article is printed
 * whole; no leg of body text is shorter than five lines; a page's first story has a real headline; sections
 * keep their order.
 */
class CompositionPropertiesTest {

    private static final Pattern JUMP_TO = Pattern.compile("（下转第(\\d+)版）");
    private static final Pattern JUMP_FROM = Pattern.compile("（上接第(\\d+)版）");
    private static final Pattern SHORT = Pattern.compile("page (\\d+) \\(.*\\) is under-filled: its columns end up to (\\d+) "
            + "lines short of the foot; about (\\d+) more characters of copy \\((\\d+) lines at one column's width\\) would fill it.*");

    static final List<FixtureIssue.Shape> SHAPES = List.of(
            new FixtureIssue.Shape(1_000, 1, 0),
            new FixtureIssue.Shape(3_300, 6, 2),
            new FixtureIssue.Shape(7_000, 2, 3),
            new FixtureIssue.Shape(12_000, 4, 0),
            new FixtureIssue.Shape(20_000, 3, 8),
            new FixtureIssue.Shape(32_000, 6, 12),
            new FixtureIssue.Shape(60_000, 5, 12));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String layout : ComposedIssues.layouts()) {
            for (int i = 0; i < SHAPES.size(); i++) out.add(Arguments.of(layout, SHAPES.get(i), 1000L + i));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void composedPagesKeepEveryRule(String layoutName, FixtureIssue.Shape shape, long seed) {
        Path dir = FixtureIssue.ofShape(seed, shape).layout(layoutName)
                .write(ComposedIssues.fresh("shape-" + layoutName + "-" + shape.chars()), "issue");
        Issue issue = IssueReader.read(dir);
        keepsEveryRule(layoutName + " " + shape + ": ", issue, ComposedIssues.compose(issue));
    }

    /** Asserts every composition property on a composed issue; {@code where} starts each message. */
    static void keepsEveryRule(String where, Issue issue, Composer.Composition c) {
        Layout layout = ComposedIssues.layout(issue.layout());
        Grid grid = layout.grid();
        List<Page> pages = c.pages();
        assertEquals(0, pages.size() % 2, where + "pages " + pages.size());

        Map<Integer, Integer> named = new HashMap<>();
        for (String w : c.warnings()) {
            Matcher m = SHORT.matcher(w);
            if (m.matches()) named.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)));
        }
        for (Page p : pages) {
            int[] feet = ComposedIssues.feet(p, grid);
            int worst = 0;
            int lines = 0;
            for (int f : feet) {
                worst = Math.max(worst, grid.lines() - f);
                lines += grid.lines() - f;
            }
            if (named.containsKey(p.number())) {
                assertTrue(worst > 3, where + "page " + p.number() + " is named short but its columns end within 3 lines");
                assertEquals(lines, named.get(p.number()), where + "page " + p.number() + "'s shortfall as named");
            } else {
                assertTrue(worst <= 3, where + "page " + p.number() + " ends " + worst + " lines short and no warning says so: "
                        + c.warnings());
            }
            tiles(where, p, grid, !named.containsKey(p.number()));
            legs(where, p, grid, issue);
        }
        jumps(where, pages);
        fullText(where, issue, pages);
        firstStories(where, pages, layout);
        sectionsInOrder(where, issue, pages);
    }

    private static void tiles(String where, Page p, Grid grid, boolean full) {
        int top = p.front() ? grid.mastheadLines() : 0;
        int[][] cover = new int[grid.lines()][grid.columns()];
        for (Module m : p.modules()) {
            // a 报眼 ad stands in the masthead's ear, above the lines the page's modules tile
            if (p.front() && m.kind() == ModuleKind.AD && m.bottom() <= top) continue;
            // a 中缝 ad stands in the inner margin, by the fold: it takes no column of the grid
            if (m.kind() == ModuleKind.AD && m.span() == 0) continue;
            assertTrue(m.line() >= top && m.bottom() <= grid.lines() && m.column() >= 0 && m.column() + m.span() <= grid.columns(),
                    where + "page " + p.number() + ": " + m.slug() + " leaves the type area");
            for (int l = m.line(); l < m.bottom(); l++) for (int col = m.column(); col < m.column() + m.span(); col++) cover[l][col]++;
        }
        for (int l = top; l < grid.lines(); l++) {
            for (int col = 0; col < grid.columns(); col++) {
                assertTrue(cover[l][col] <= 1, where + "page " + p.number() + ": modules overlap at line " + l + ", column " + col);
                if (full) assertEquals(1, cover[l][col], where + "page " + p.number() + ": a hole at line " + l + ", column " + col);
            }
        }
    }

    /** Every column of body text in a module holds at least five lines, unless the whole body is shorter. */
    private static void legs(String where, Page p, Grid grid, Issue issue) {
        for (Module m : p.modules()) {
            if (!m.kind().article()) continue;
            Map<Integer, Integer> perColumn = new HashMap<>();
            for (PlacedLine l : m.text()) {
                if (l.kind() != LineKind.BODY && l.kind() != LineKind.SUBHEAD && l.kind() != LineKind.JUMP_FROM) continue;
                int col = Math.round(l.x() / (grid.columnWidth() + grid.gutter()));
                perColumn.merge(col, 1, Integer::sum);
            }
            int total = perColumn.values().stream().mapToInt(Integer::intValue).sum();
            for (var e : perColumn.entrySet()) {
                assertTrue(e.getValue() >= Math.min(ModuleBuilder.MIN_LEG, total), where + "page " + p.number() + ", "
                        + m.slug() + ": a leg of " + e.getValue() + " lines in column " + e.getKey() + " (" + perColumn + ")");
            }
        }
    }

    private static void jumps(String where, List<Page> pages) {
        for (Page p : pages) {
            for (Module m : p.modules()) {
                for (PlacedLine l : m.text()) {
                    Matcher to = JUMP_TO.matcher(l.line().text());
                    if (!to.matches()) continue;
                    int target = Integer.parseInt(to.group(1));
                    assertTrue(target > p.number() && target <= pages.size(), where + "下转第" + target + "版 from page " + p.number());
                    boolean back = pages.get(target - 1).modules().stream()
                            .filter(x -> x.slug().equals(m.slug()) && x.kind() == ModuleKind.CONTINUATION)
                            .anyMatch(x -> x.text().stream().anyMatch(y -> y.line().text().equals("（上接第" + p.number() + "版）")));
                    assertTrue(back, where + m.slug() + " jumps to page " + target + " without a 上接 there");
                }
                if (m.kind() == ModuleKind.CONTINUATION) {
                    assertTrue(m.text().stream().anyMatch(l -> JUMP_FROM.matcher(l.line().text()).matches()),
                            where + m.slug() + " continues on page " + p.number() + " without 上接");
                }
            }
        }
    }

    private static void fullText(String where, Issue issue, List<Page> pages) {
        for (Article a : issue.articles()) {
            assertEquals(ComposedIssues.expectedText(a), ComposedIssues.printedText(pages, a.slug()), where + a.slug());
            List<Module> first = pages.stream().flatMap(p -> p.modules().stream())
                    .filter(m -> m.slug().equals(a.slug()) && m.kind().article() && m.kind() != ModuleKind.CONTINUATION).toList();
            assertEquals(1, first.size(), where + a.slug() + " starts once");
            Module m = first.getFirst();
            String all = ComposedIssues.moduleText(m);
            for (String part : List.of(a.kicker(), a.title(), a.subtitle())) {
                assertTrue(all.contains(ComposedIssues.squeeze(part)), where + a.slug() + " lacks '" + part + "'");
            }
            for (Photo ph : a.photos()) {
                assertTrue(all.contains(ComposedIssues.squeeze(ph.caption())), where + a.slug() + " lacks its caption");
                assertTrue(all.contains(ComposedIssues.squeeze(ph.credit())), where + a.slug() + " lacks its credit");
            }
        }
    }

    /** A page's first story (its top-left article module) has a full headline, never a brief's title. */
    private static void firstStories(String where, List<Page> pages, Layout layout) {
        for (Page p : pages) {
            Module top = p.modules().stream().filter(m -> m.kind().article())
                    .min((x, y) -> x.line() != y.line() ? x.line() - y.line() : x.column() - y.column()).orElse(null);
            if (top == null || top.kind() == ModuleKind.CONTINUATION) continue;
            assertEquals(ModuleKind.STORY, top.kind(), where + "page " + p.number() + " opens with a " + top.kind());
            String style = top.text().stream().filter(l -> l.kind() == LineKind.TITLE).findFirst().orElseThrow().cssClass();
            List<String> levels = new ArrayList<>();
            levels.add(layout.rules().headlines().lead());
            for (var l : layout.rules().headlines().levels()) levels.add(l.style());
            int rank = levels.indexOf(style);
            int floor = levels.indexOf(layout.rules().headlines().pageLead());
            assertTrue(rank >= 0 && rank <= floor, where + "page " + p.number() + " opens with " + top.slug() + " set in " + style);
        }
    }

    /**
     * Sections stay together and keep their order: each section's pages are consecutive (a section never
     * comes back after a page without it), and the sections start in the paper's order.
     */
    private static void sectionsInOrder(String where, Issue issue, List<Page> pages) {
        List<String> order = new ArrayList<>(new LinkedHashSet<>(Composer.order(issue.articles()).stream().map(Article::section).toList()));
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> last = new HashMap<>();
        for (Page p : pages) {
            for (String s : p.sections()) {
                first.putIfAbsent(s, p.number());
                last.put(s, p.number());
            }
        }
        for (String s : first.keySet()) {
            for (int n = first.get(s); n <= last.get(s); n++) {
                assertTrue(pages.get(n - 1).sections().contains(s), where + "section " + s + " leaves page " + n
                        + " out between its pages " + first.get(s) + " and " + last.get(s));
            }
        }
        int previous = 0;
        for (String s : order) {
            if (!first.containsKey(s)) continue;
            assertTrue(first.get(s) >= previous, where + "section " + s + " starts on page " + first.get(s) + ", before the one ahead of it");
            previous = first.get(s);
        }
        Set<String> seen = new java.util.HashSet<>();
        for (Page p : pages) for (Module m : p.modules()) if (m.kind().article()) seen.add(m.slug());
        assertFalse(seen.isEmpty());
        if (seen.size() != issue.articles().size()) fail(where + "articles on no page");
    }
}
