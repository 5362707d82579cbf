package paiban.compose;

import org.junit.jupiter.api.Test;
import paiban.core.PaibanException;
import paiban.copy.IssueReader;
import paiban.model.Issue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's manual plan: what it fixes, what composition fills around it, and its errors. */
class PlanTest {

    /** The standard fixture with {@code plan} appended to its issue.yaml, in its own folder. */
    private static Path planned(String name, String plan) {
        Path dir = FixtureIssue.standard().write(ComposedIssues.fresh("plan-" + name), "fixture");
        ComposedIssues.appendToIssueYaml(dir, plan);
        return dir;
    }

    @Test
    void plannedArticlesOpenTheirPageInTheirOrderWithTheirSpans() {
        // a22-brief is a 健康 brief, a31 a 综合 story: the plan may bring any article to any page
        Path dir = planned("order", """
                plan:
                  - page: 3
                    section: 健康
                    articles: [a17, {article: a31, columns: 3}, a22-brief]
                """);
        List<Page> pages = ComposedIssues.compose(dir).pages();
        Page p3 = pages.get(2);
        assertEquals("健康", p3.section());
        List<Module> reading = p3.modules().stream()
                .sorted(Comparator.comparingInt(Module::line).thenComparingInt(Module::column)).toList();
        assertEquals("a17", reading.getFirst().slug(), "the plan's first article opens the page");
        Module a31 = p3.modules().stream().filter(m -> m.slug().equals("a31") && m.kind() == ModuleKind.STORY).findFirst()
                .orElseThrow(() -> new AssertionError("a31 is not on page 3"));
        assertEquals(3, a31.span());
        assertTrue(p3.modules().stream().anyMatch(m -> m.slug().equals("a22-brief")));
        // composition fills the rest of the page: no column ends more than three lines short
        for (int f : ComposedIssues.feet(p3, ComposedIssues.layout().grid())) assertTrue(ComposedIssues.layout().grid().lines() - f <= 3);
        // and a31 appears nowhere else as a first part
        assertEquals(1, pages.stream().flatMap(p -> p.modules().stream())
                .filter(m -> m.slug().equals("a31") && m.kind() != ModuleKind.CONTINUATION).count());
    }

    /**
     * The sample plans both of page 1's stories: the run is stretched to fill its last page with their photos
     * as with any story's (the lead's photo a column larger), so page 2 ends full instead of 5 lines short,
     * and 江门's story still jumps to it.
     */
    @Test
    void aPlannedStorysPhotoIsStretchedToFillTheRunsLastPage() {
        Path dir = ComposedIssues.HOME.resolve("issues/2021-06-22");
        Issue issue = IssueReader.read(dir);
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule("the sample: ", issue, c);
        assertEquals(2, c.pages().size());
        var grid = ComposedIssues.layout().grid();
        for (Page p : c.pages()) {
            for (int f : ComposedIssues.feet(p, grid)) assertTrue(grid.lines() - f <= 3, "page " + p.number() + ": " + c.warnings());
        }
        assertTrue(c.pages().get(1).modules().stream()
                .anyMatch(m -> m.slug().equals("jiangmen-service") && m.kind() == ModuleKind.CONTINUATION));
    }

    @Test
    void aPlannedPageWithOnlyASectionTakesThatSection() {
        Path dir = planned("section", """
                plan:
                  - page: 2
                    section: 农技
                """);
        List<Page> pages = ComposedIssues.compose(dir).pages();
        assertEquals("农技", pages.get(1).section());
        assertEquals("要闻", pages.get(0).section());
    }

    @Test
    void aSpanWiderThanThePageIsAnErrorNamingThePlanEntry() {
        Path dir = planned("wide", """
                plan:
                  - page: 1
                    articles: [a01-feature]
                  - page: 4
                    section: 健康
                    articles: [{article: a16-feature, columns: 8}]
                """);
        PaibanException e = assertThrows(PaibanException.class, () -> ComposedIssues.compose(dir));
        assertTrue(e.getMessage().startsWith("issue.yaml: plan[2] (page 4): article 'a16-feature' asks for 8 columns"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the page has 6"), e.getMessage());
    }

    @Test
    void aPageThatCannotHoldItsArticlesIsAnErrorNamingThePlanEntry() {
        Path dir = planned("crowded", """
                plan:
                  - page: 2
                    section: 科普
                    articles: [a09-feature, a10-feature, a11, a12, a13, a16-feature, a17, a18, a19, a23-feature, a24,
                               a25, a26, a30-feature, a31, a32, a33]
                """);
        PaibanException e = assertThrows(PaibanException.class, () -> ComposedIssues.compose(dir));
        assertTrue(e.getMessage().startsWith("issue.yaml: plan[1] (page 2): the page cannot hold its articles: '"),
                e.getMessage());
        assertTrue(e.getMessage().contains("more grid lines"), e.getMessage());
    }

    @Test
    void unknownAndTwicePlacedArticlesAreErrorsNamingThePlanEntry() {
        Path unknown = planned("unknown", """
                plan:
                  - page: 1
                    articles: [a01-feature, no-such-story]
                """);
        PaibanException e = assertThrows(PaibanException.class, () -> IssueReader.read(unknown));
        assertTrue(e.getMessage().contains("plan[1] (page 1): there is no article 'no-such-story'"), e.getMessage());
        Path twice = planned("twice", """
                plan:
                  - page: 1
                    articles: [a01-feature]
                  - page: 2
                    articles: [a02, a01-feature]
                """);
        e = assertThrows(PaibanException.class, () -> IssueReader.read(twice));
        assertTrue(e.getMessage().contains("plan[2] (page 2): article 'a01-feature' is already placed in plan[1]"), e.getMessage());
    }

    @Test
    void aPlanEntryWithNeitherSectionNorArticlesIsAnError() {
        Path dir = planned("empty", """
                plan:
                  - page: 2
                """);
        Issue issue = IssueReader.read(dir);
        PaibanException e = assertThrows(PaibanException.class, () -> ComposedIssues.compose(issue));
        assertEquals("issue.yaml: plan[1] (page 2): give the page a 'section' or some 'articles'", e.getMessage());
    }
}
