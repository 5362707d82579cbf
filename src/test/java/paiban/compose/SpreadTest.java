package paiban.compose;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paiban.copy.IssueReader;
import paiban.model.Issue;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run given a page more than its copy fills (an odd need made even) spreads its copy over all its pages:
 * the pages before its last are not left short. These generated issues, on each layout, had pages short
 * before the last one before runs were spread ({@code SectionRun}'s larger stretches); now only the issue's
 * last page, which the copy truly cannot fill, is named.
 */
class SpreadTest {

    @ParameterizedTest(name = "{0}: {1} characters in {2} sections, {3} photos")
    @CsvSource({
            "tabloid, 9000, 3, 2, 1009",
            "broadsheet, 15000, 2, 4, 1010",
            "a4, 12000, 4, 0, 1003",
            "a4, 7000, 2, 0, 1007"})
    void onlyTheLastPageOfARunWithASparePageIsShort(String layout, int chars, int sections, int photos, long seed) {
        FixtureIssue.Shape shape = new FixtureIssue.Shape(chars, sections, photos);
        Path dir = FixtureIssue.ofShape(seed, shape).layout(layout)
                .write(ComposedIssues.fresh("spread-" + layout + "-" + chars), "issue");
        Issue issue = IssueReader.read(dir);
        Composer.Composition c = ComposedIssues.compose(issue);
        // every rule still holds, and each page named short really is short
        CompositionPropertiesTest.keepsEveryRule(layout + " " + shape + ": ", issue, c);
        List<String> named = c.warnings().stream().filter(w -> w.contains(" is under-filled"))
                .map(w -> w.substring(0, w.indexOf(' ', 5))).toList();
        assertEquals(List.of("page " + c.pages().size()), named, c.warnings().toString());
    }
}
