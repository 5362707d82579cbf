package paiban.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paiban.model.Issue;
import paiban.copy.IssueReader;
import paiban.render.Layout;

import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headline growth (layout.yaml {@code headlines.grow}): copy short of its pages is opened up with every
 * headline of its run a level larger, as an editor would, before the build names a page short.
 */
class HeadlineGrowthTest {

    @Test
    void aLevelUpMapsEachLevelToTheNextLargerStyleAndKeepsTheLargest() {
        LayoutRules.Headlines h = ComposedIssues.layout("tabloid").rules().headlines();
        LayoutRules.Headlines up = h.grown(1);
        // tabloid: headline-2 for wide or heavy stories, headline-3 for middling, headline-4 for the rest
        assertEquals("headline-4", h.style(5, 12));
        assertEquals("headline-3", up.style(5, 12));
        assertEquals("headline-3", h.style(3, 36));
        assertEquals("headline-2", up.style(3, 36));
        assertEquals("headline-2", up.style(1, 72));
        assertEquals(h.lead(), up.lead());
        assertEquals(h.pageLead(), up.pageLead());
        assertEquals(h, h.grown(0));
    }

    @ParameterizedTest(name = "{0}: {1} characters in {2} sections, {3} photos")
    @CsvSource({
            "tabloid, 40000, 3, 4, 1011",
            // growth helps some short broadsheet copy and not other: of 15,000 characters with seeds 1007-1010 and
            // 14,000/16,000 with 1007, it left the white as it was for 3 of the 6 before broadsheet's story gap
            // and for 3 after (15,000/1007 among them); 14,000/1007 is opened up either way
            "broadsheet, 14000, 2, 4, 1007",
            "broadsheet, 40000, 3, 4, 1011"})
    void shortCopyIsOpenedUpWithLargerHeadlinesAndFillsMore(String name, int chars, int sections, int photos, long seed) {
        FixtureIssue.Shape shape = new FixtureIssue.Shape(chars, sections, photos);
        Path dir = FixtureIssue.ofShape(seed, shape).layout(name).write(ComposedIssues.fresh("growth-" + name + "-" + chars), "issue");
        Issue issue = IssueReader.read(dir);
        Layout layout = ComposedIssues.layout(name);
        LayoutRules rules = layout.rules();
        assertEquals(2, rules.headlines().grow());

        Composer.Composition plain = new Composer(layout.grid(), layout.styles(), growing(rules, 0)).compose(issue);
        Composer.Composition grown = ComposedIssues.compose(issue);
        // every composition rule holds with grown headlines, and each page named short really is short
        CompositionPropertiesTest.keepsEveryRule(name + " " + shape + ": ", issue, grown);
        assertEquals(plain.pages().size(), grown.pages().size());
        // the copy opened up with larger headlines leaves less white than without them
        assertTrue(shortLines(grown) < shortLines(plain), shortLines(grown) + " column lines short against "
                + shortLines(plain) + " without growth: " + grown.warnings());
        Set<String> larger = headlineStyles(grown);
        larger.removeAll(headlineStyles(plain));
        assertFalse(larger.isEmpty(), "no headline grew: " + headlineStyles(grown) + " against " + headlineStyles(plain));
    }

    /**
     * Where one level is not enough, the second the shipped layouts allow fills more, and never less: over a few
     * generated issues on two layouts (one case alone proved fragile: a change elsewhere in make-up, such as
     * broadsheet's space between stories, moves which issues the second level helps), no issue is named shorter
     * with one level than with two, none changes its page count, and the two levels fill more in all. With a
     * layout that lets headlines grow one level only, the sum is the same and the test fails.
     */
    @Test
    void aSecondLevelFillsMoreWhereOneIsNotEnoughAndNeverLess() {
        record Case(String layout, int chars, int sections, int photos, long seed) {
        }
        List<Case> cases = List.of(new Case("broadsheet", 14000, 2, 4, 1007), new Case("broadsheet", 15000, 2, 4, 1005),
                new Case("broadsheet", 15000, 2, 4, 1007), new Case("broadsheet", 16000, 2, 4, 1007),
                new Case("tabloid", 40000, 3, 4, 1011));
        int withOne = 0, withTwo = 0;
        for (Case k : cases) {
            FixtureIssue.Shape shape = new FixtureIssue.Shape(k.chars(), k.sections(), k.photos());
            Path dir = FixtureIssue.ofShape(k.seed(), shape).layout(k.layout())
                    .write(ComposedIssues.fresh("growth-two-levels-" + k.layout() + "-" + k.chars() + "-" + k.seed()), "issue");
            Issue issue = IssueReader.read(dir);
            Layout layout = ComposedIssues.layout(k.layout());
            assertEquals(2, layout.rules().headlines().grow(), k.layout() + " lets headlines grow two levels");
            Composer.Composition one = new Composer(layout.grid(), layout.styles(), growing(layout.rules(), 1)).compose(issue);
            Composer.Composition two = ComposedIssues.compose(issue);
            CompositionPropertiesTest.keepsEveryRule(k + ": ", issue, two);
            assertEquals(one.pages().size(), two.pages().size(), k.toString());
            assertTrue(shortLines(two) <= shortLines(one), k + ": " + shortLines(two) + " column lines short against "
                    + shortLines(one) + " with one level: " + two.warnings());
            withOne += shortLines(one);
            withTwo += shortLines(two);
        }
        assertTrue(withTwo < withOne, withTwo + " column lines short in all against " + withOne + " with one level");
    }

    /** The layout's rules with headlines allowed to grow {@code levels} levels. */
    private static LayoutRules growing(LayoutRules rules, int levels) {
        return new LayoutRules(new LayoutRules.Headlines(rules.headlines().lead(), rules.headlines().pageLead(),
                rules.headlines().levels(), levels), rules.briefs(), rules.index(), rules.photos(), rules.air(), rules.words(),
                rules.ads(), rules.boxes(), rules.grid());
    }

    /** Column lines the build names short, over all pages. */
    private static int shortLines(Composer.Composition c) {
        int n = 0;
        for (String w : c.warnings()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+) lines at one column's width\\)").matcher(w);
            if (w.contains("is under-filled") && m.find()) n += Integer.parseInt(m.group(1));
        }
        return n;
    }

    /** The headline styles set on the issue's pages, each with its article. */
    private static Set<String> headlineStyles(Composer.Composition c) {
        Set<String> out = new HashSet<>();
        for (Page p : c.pages()) {
            for (Module m : p.modules()) {
                if (m.kind() != ModuleKind.STORY) continue;
                for (PlacedLine l : m.text()) if (l.cssClass().startsWith("headline-")) out.add(m.slug() + ":" + l.cssClass());
            }
        }
        return out;
    }
}
