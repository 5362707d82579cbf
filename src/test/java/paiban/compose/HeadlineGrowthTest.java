package paiban.compose;

import org.junit.jupiter.api.Test;
import paiban.model.Issue;
import paiban.copy.IssueReader;
import paiban.render.Layout;

import java.nio.file.Path;
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

    /** Seven thousand characters in two sections with three photos: two broadsheet pages, the second short unless opened up. */
    private static final FixtureIssue.Shape SHAPE = new FixtureIssue.Shape(7_000, 2, 3);
    private static final long SEED = 1003;

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

    @Test
    void shortCopyIsOpenedUpWithLargerHeadlinesAndFillsItsPages() {
        Path dir = FixtureIssue.ofShape(SEED, SHAPE).layout("broadsheet").write(ComposedIssues.fresh("growth-broadsheet"), "issue");
        Issue issue = IssueReader.read(dir);
        Layout layout = ComposedIssues.layout("broadsheet");
        LayoutRules rules = layout.rules();
        assertEquals(1, rules.headlines().grow());

        // without growth the last page is named short: the copy does not reach its foot
        LayoutRules fixed = new LayoutRules(new LayoutRules.Headlines(rules.headlines().lead(), rules.headlines().pageLead(),
                rules.headlines().levels(), 0), rules.briefs(), rules.index(), rules.photos(), rules.air(), rules.words(),
                rules.ads(), rules.boxes());
        Composer.Composition plain = new Composer(layout.grid(), layout.styles(), fixed).compose(issue);
        assertTrue(plain.warnings().stream().anyMatch(w -> w.contains("is under-filled")), plain.warnings().toString());
        assertFalse(headlineStyles(plain).isEmpty());

        // with it every page is filled, every composition rule holds, and the stories' headlines are a level larger
        Composer.Composition grown = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule("broadsheet " + SHAPE + ": ", issue, grown);
        assertTrue(grown.warnings().stream().noneMatch(w -> w.contains("is under-filled")), grown.warnings().toString());
        assertEquals(plain.pages().size(), grown.pages().size());
        Set<String> larger = headlineStyles(grown);
        larger.removeAll(headlineStyles(plain));
        assertFalse(larger.isEmpty(), "no headline grew: " + headlineStyles(grown) + " against " + headlineStyles(plain));
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
