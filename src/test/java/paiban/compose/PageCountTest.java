package paiban.compose;

import org.junit.jupiter.api.Test;
import paiban.core.PaibanException;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How many pages an issue takes, with and without {@code pages} in issue.yaml. */
class PageCountTest {

    private static Path issue(String name, FixtureIssue fixture, String yaml) {
        Path dir = fixture.write(ComposedIssues.fresh("pages-" + name), "fixture");
        ComposedIssues.appendToIssueYaml(dir, yaml);
        return dir;
    }

    @Test
    void aFixedPageCountTheCopyOverflowsFailsNamingTheArticlesAndTheirLines() {
        Path dir = issue("overflow", FixtureIssue.standard(), "pages: 6\n");
        PaibanException e = assertThrows(PaibanException.class, () -> ComposedIssues.compose(dir));
        String m = e.getMessage();
        assertTrue(m.startsWith("issue.yaml: 'pages: 6' is too few for the copy, which needs 10 pages."), m);
        // 要闻, 科普 and 健康 take the six pages; every article of 农技 and 综合 is named with its lines
        for (String slug : List.of("a23-feature", "a24", "a27-brief", "a30-feature", "a33", "a35-brief")) {
            assertTrue(m.matches("(?s).*'" + slug + "' \\(all \\d+ lines\\).*"), slug + " in: " + m);
        }
        assertTrue(!m.contains("'a01-feature'") && !m.contains("'a16-feature'"), m);
    }

    @Test
    void aFixedPageCountThatFitsIsKeptAndFilled() {
        Path dir = issue("fits", FixtureIssue.standard(), "pages: 10\n");
        Composer.Composition c = ComposedIssues.compose(dir);
        assertEquals(10, c.pages().size());
        // with a fixed count even the last page is reported if it is short; none of the others may be
        assertTrue(c.warnings().stream().allMatch(w -> w.startsWith("page 10 ")), c.warnings().toString());
    }

    @Test
    void tooLittleCopyForAFixedPageCountSaysWhichPagesAreUnderFilledAndByHowMuch() {
        FixtureIssue small = new FixtureIssue(7, List.of(new FixtureIssue.SectionPlan("要闻", 1, 2, 0, 2, 1)));
        Path dir = issue("short", small, "pages: 4\n");
        Composer.Composition c = ComposedIssues.compose(dir);
        assertEquals(4, c.pages().size());
        for (int page : List.of(3, 4)) {
            assertTrue(c.warnings().stream().anyMatch(w -> w.matches("page " + page + " \\(要闻\\) is under-filled: its columns "
                    + "end up to \\d+ lines short of the foot; about \\d+ more characters of copy \\(\\d+ lines at one column's "
                    + "width\\) would fill it; add copy or fillers, or lower 'pages'")), c.warnings().toString());
        }
    }

    @Test
    void withoutAPageCountAnOddNeedIsRoundedUpToAnEvenNumber() {
        FixtureIssue three = new FixtureIssue(11, List.of(new FixtureIssue.SectionPlan("要闻", 2, 4, 1, 3, 2),
                new FixtureIssue.SectionPlan("科普", 1, 2, 0, 2, 1)));
        Composer.Composition c = ComposedIssues.compose(issue("odd", three, ""));
        assertEquals(4, c.pages().size());
        // three pages of copy cannot fill four: the page that is short is named, and only that one
        Grid grid = ComposedIssues.layout().grid();
        for (Page p : c.pages()) {
            boolean full = true;
            for (int f : ComposedIssues.feet(p, grid)) full &= grid.lines() - f <= 3;
            boolean named = c.warnings().stream().anyMatch(w -> w.startsWith("page " + p.number() + " "));
            assertEquals(!full, named, "page " + p.number() + ": " + c.warnings());
        }
    }
}
