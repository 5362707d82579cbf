package paiban.compose;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import paiban.copy.IssueReader;
import paiban.model.Article;
import paiban.model.Issue;
import paiban.model.Photo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The standard fixture issue composed without a plan or a page count. */
class AutomaticCompositionTest {

    private static final Pattern JUMP_TO = Pattern.compile("（下转第(\\d+)版）");
    private static final Pattern JUMP_FROM = Pattern.compile("（上接第(\\d+)版）");

    private static Issue issue;
    private static Grid grid;
    private static List<Page> pages;
    private static List<String> warnings;

    @BeforeAll
    static void compose() {
        issue = IssueReader.read(ComposedIssues.standardFixture());
        grid = ComposedIssues.layout().grid();
        Composer.Composition c = ComposedIssues.compose(issue);
        pages = c.pages();
        warnings = c.warnings();
    }

    @Test
    void theFixtureIsAMixedIssue() {
        assertTrue(issue.articles().size() >= 25 && issue.articles().size() <= 40, "articles: " + issue.articles().size());
        int photos = issue.articles().stream().mapToInt(a -> a.photos().size()).sum();
        assertTrue(photos >= 10, "photos: " + photos);
        int shortest = issue.articles().stream().mapToInt(Article::bodyLength).min().orElseThrow();
        int longest = issue.articles().stream().mapToInt(Article::bodyLength).max().orElseThrow();
        assertTrue(shortest <= 200 && longest >= 3000, shortest + " to " + longest + " characters");
        assertTrue(issue.articles().stream().map(Article::section).distinct().count() >= 4);
    }

    @Test
    void theIssueTakesAnEvenNumberOfPages() {
        assertEquals(0, pages.size() % 2, "pages: " + pages.size());
        assertTrue(warnings.isEmpty(), "warnings: " + warnings);
    }

    @Test
    void everyPageButTheLastIsFilledToTheFoot() {
        for (Page p : pages.subList(0, pages.size() - 1)) {
            int[] feet = ComposedIssues.feet(p, grid);
            for (int c = 0; c < feet.length; c++) {
                int shortBy = grid.lines() - feet[c];
                assertTrue(shortBy <= 3, "page " + p.number() + " column " + (c + 1) + " ends " + shortBy + " lines short");
            }
        }
    }

    @Test
    void modulesTileTheTypeAreaWithoutHolesOrOverlaps() {
        for (Page p : pages) {
            int top = p.front() ? grid.mastheadLines() : 0;
            int[][] cover = new int[grid.lines()][grid.columns()];
            for (Module m : p.modules()) {
                assertTrue(m.line() >= top && m.bottom() <= grid.lines() && m.column() + m.span() <= grid.columns(),
                        "page " + p.number() + ": " + m.slug() + " leaves the type area");
                for (int l = m.line(); l < m.bottom(); l++) for (int c = m.column(); c < m.column() + m.span(); c++) cover[l][c]++;
            }
            for (int l = top; l < grid.lines(); l++) {
                for (int c = 0; c < grid.columns(); c++) {
                    assertTrue(cover[l][c] <= 1, "page " + p.number() + ": modules overlap at line " + l + ", column " + c);
                    if (p.number() < pages.size()) {
                        assertEquals(1, cover[l][c], "page " + p.number() + ": a hole at line " + l + ", column " + c);
                    }
                }
            }
        }
    }

    @Test
    void everyJumpNamesThePageOfItsContinuation() {
        int jumps = 0;
        for (Page p : pages) {
            for (Module m : p.modules()) {
                for (PlacedLine l : m.text()) {
                    Matcher to = JUMP_TO.matcher(l.line().text());
                    if (!to.matches()) continue;
                    jumps++;
                    int target = Integer.parseInt(to.group(1));
                    assertTrue(target > p.number() && target <= pages.size(), "下转第" + target + "版 from page " + p.number());
                    Module cont = pages.get(target - 1).modules().stream()
                            .filter(x -> x.slug().equals(m.slug()) && x.kind() == ModuleKind.CONTINUATION).findFirst()
                            .orElseThrow(() -> new AssertionError(m.slug() + " jumps to page " + target + " but does not continue there"));
                    boolean back = cont.text().stream().anyMatch(x -> x.line().text().equals("（上接第" + p.number() + "版）"));
                    assertTrue(back, m.slug() + " on page " + target + " has no （上接第" + p.number() + "版）");
                }
            }
        }
        assertTrue(jumps > 0, "the fixture has long stories; some should jump");
    }

    @Test
    void everyContinuationOpensWithItsHeadlineAndComesFromAPageThatJumpsToIt() {
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (m.kind() != ModuleKind.CONTINUATION) continue;
                assertEquals(LineKind.TITLE, m.text().getFirst().kind(), "a continuation repeats its headline first");
                String from = m.text().stream().map(l -> JUMP_FROM.matcher(l.line().text()))
                        .filter(Matcher::matches).map(x -> x.group(1)).findFirst()
                        .orElseThrow(() -> new AssertionError(m.slug() + " on page " + p.number() + " has no 上接 line"));
                Page source = pages.get(Integer.parseInt(from) - 1);
                assertTrue(source.modules().stream().anyMatch(x -> x.slug().equals(m.slug()) && x.text().stream()
                        .anyMatch(l -> l.line().text().equals("（下转第" + p.number() + "版）"))));
            }
        }
    }

    @Test
    void everyArticleIsPrintedInFull() {
        for (Article a : issue.articles()) {
            assertEquals(ComposedIssues.expectedText(a), ComposedIssues.printedText(pages, a.slug()), a.slug());
            String title = ComposedIssues.squeeze(a.title());
            String printedTitle = pages.stream().flatMap(p -> p.modules().stream())
                    .filter(m -> m.slug().equals(a.slug()) && m.kind() != ModuleKind.CONTINUATION)
                    .map(m -> ComposedIssues.squeeze(String.join("", m.text().stream()
                            .filter(l -> l.kind() == LineKind.TITLE).map(l -> l.line().text()).toList())))
                    .findFirst().orElse("");
            assertEquals(title, printedTitle, a.slug() + "'s headline");
        }
    }

    @Test
    void everyPhotoIsPlacedOnWholeColumnsWithItsCaption() {
        Set<String> placed = new HashSet<>();
        for (Page p : pages) {
            for (Module m : p.modules()) {
                for (PlacedPhoto ph : m.photos()) {
                    placed.add(ph.photo().name() + "@" + m.slug());
                    boolean whole = false;
                    for (int n = 1; n <= grid.columns(); n++) whole |= Math.abs(ph.width() - grid.spanWidth(n)) < 0.01;
                    assertTrue(whole, ph.photo().name() + " is " + ph.width() + " pt wide");
                    assertTrue(ph.x() >= grid.columnX(m.column()) - 0.01
                            && ph.x() + ph.width() <= grid.columnX(m.column()) + grid.spanWidth(m.span()) + 0.01);
                    assertTrue(ph.y() + ph.height() <= grid.lineTop(m.bottom()), ph.photo().name() + " leaves its module");
                    if (!ph.photo().caption().isEmpty()) {
                        assertTrue(ComposedIssues.moduleText(m).contains(ComposedIssues.squeeze(ph.photo().caption())));
                    }
                }
            }
        }
        for (Article a : issue.articles()) {
            for (Photo ph : a.photos()) assertTrue(placed.contains(ph.name() + "@" + a.slug()), ph.name() + " is missing");
        }
    }

    @Test
    void sectionsStayTogether() {
        List<String> seen = new ArrayList<>();
        for (String s : ComposedIssues.sections(pages)) {
            if (!seen.isEmpty() && seen.getLast().equals(s)) continue;
            assertFalse(seen.contains(s), "section " + s + " comes back: " + ComposedIssues.sections(pages));
            seen.add(s);
        }
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (m.slug().isEmpty()) continue;
                assertEquals(p.section(), issue.article(m.slug()).orElseThrow().section(), m.slug() + " on page " + p.number());
            }
        }
    }

    @Test
    void storiesFollowTheirPriorityWithinASection() {
        // the most important story of each section opens its first page
        Map<String, Integer> firstPage = new HashMap<>();
        for (Page p : pages) firstPage.putIfAbsent(p.section(), p.number());
        for (var e : firstPage.entrySet()) {
            int best = issue.articles().stream().filter(a -> a.section().equals(e.getKey()))
                    .mapToInt(Article::priority).min().orElseThrow();
            Page p = pages.get(e.getValue() - 1);
            Module top = p.modules().stream().filter(m -> !m.slug().isEmpty())
                    .min((x, y) -> x.line() != y.line() ? x.line() - y.line() : x.column() - y.column()).orElseThrow();
            assertEquals(best, issue.article(top.slug()).orElseThrow().priority(), "page " + p.number() + " opens with " + top.slug());
        }
    }

    @Test
    void theLeadStoryOpensPageOneUnderTheMastheadWithTheLargestHeadline() {
        Page front = pages.getFirst();
        Module lead = front.modules().stream().filter(m -> m.line() == grid.mastheadLines() && m.column() == 0)
                .findFirst().orElseThrow();
        assertEquals(1, issue.article(lead.slug()).orElseThrow().priority());
        assertTrue(lead.text().stream().anyMatch(l -> l.cssClass().equals("headline-1")));
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (m != lead) assertTrue(m.text().stream().noneMatch(l -> l.cssClass().equals("headline-1")), m.slug());
            }
        }
    }

    @Test
    void theIndexOnPageOneListsStoriesWithThePagesTheyStartOn() {
        Module index = pages.getFirst().modules().stream().filter(m -> m.kind() == ModuleKind.INDEX).findFirst()
                .orElseThrow(() -> new AssertionError("page 1 has no 导读 box"));
        Map<Integer, StringBuilder> items = new HashMap<>();
        Map<Integer, Integer> pageOf = new HashMap<>();
        for (PlacedLine l : index.text()) {
            if (!l.cssClass().equals("index-item")) continue;
            Matcher label = Pattern.compile("第(\\d+)版").matcher(l.line().text());
            if (label.matches()) pageOf.put(l.part(), Integer.parseInt(label.group(1)));
            else items.computeIfAbsent(l.part(), k -> new StringBuilder()).append(l.line().text());
        }
        assertTrue(items.size() >= 3, "items: " + items.size());
        for (var e : items.entrySet()) {
            String title = ComposedIssues.squeeze(e.getValue().toString()).replace("■", "");
            Article a = issue.articles().stream().filter(x -> ComposedIssues.squeeze(x.title()).equals(title)).findFirst()
                    .orElseThrow(() -> new AssertionError("no article titled " + title));
            int page = pageOf.get(e.getKey());
            assertTrue(page > 1);
            assertTrue(pages.get(page - 1).modules().stream().anyMatch(m -> m.slug().equals(a.slug()) && m.kind() != ModuleKind.CONTINUATION),
                    a.slug() + " is not on page " + page);
        }
    }

    @Test
    void bodyColumnsOfAModuleEndWithinOneLineOfEachOther() {
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (m.kind() == ModuleKind.INDEX) continue;
                Map<Integer, Integer> feet = new HashMap<>();
                for (PlacedLine l : m.text()) {
                    if (!l.onGrid() && l.kind() != LineKind.SUBHEAD && l.kind() != LineKind.JUMP_FROM && l.kind() != LineKind.JUMP_TO) continue;
                    int c = Math.round(l.x() / (grid.columnWidth() + grid.gutter()));
                    feet.merge(c, (int) Math.floor(l.baseline() / grid.pitch()), Math::max);
                }
                if (feet.size() < 2) continue;
                int max = feet.values().stream().max(Integer::compare).orElseThrow();
                int min = feet.values().stream().min(Integer::compare).orElseThrow();
                if (max - min > 1) fail("page " + p.number() + ", " + m.slug() + ": columns end at lines " + feet.values());
            }
        }
    }

    @Test
    void headlinesGrowWithWeightAndWidth() {
        var layout = ComposedIssues.layout();
        ModuleBuilder b = new ModuleBuilder(layout.grid(), layout.styles(), layout.rules());
        assertEquals("headline-1", b.headlineLevel(3, 2, Rank.LEAD));
        assertEquals("headline-2", b.headlineLevel(1, 6, Rank.OTHER));
        assertEquals("headline-3", b.headlineLevel(4, 4, Rank.OTHER));
        assertEquals("headline-4", b.headlineLevel(1, 1, Rank.OTHER));
        assertEquals("headline-2", b.headlineLevel(5, 1, Rank.PAGE_LEAD), "a page's first story is never set small");
        Set<String> used = new HashSet<>();
        for (Page p : pages) for (Module m : p.modules()) for (PlacedLine l : m.text()) if (l.kind() == LineKind.TITLE) used.add(l.cssClass());
        assertTrue(used.containsAll(Set.of("headline-1", "headline-2", "headline-3")), "levels used: " + used);
    }
}
