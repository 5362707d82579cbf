package paiban.compose;

import org.junit.jupiter.api.Test;
import paiban.copy.IssueReader;
import paiban.model.Issue;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 导读 box's height follows its items: where a run can give the lines a stretched box would frame to copy
 * (here the lead's photo a column larger), it does, and the box is as tall as its items and the layout's air.
 */
class IndexBoxHeightTest {

    @Test
    void theDemosBoxIsAboutAsTallAsItsItemsAndTheLeadsPhotoTakesTheRest() {
        Issue issue = IssueReader.read(ComposedIssues.HOME.resolve("issues/2021-06-29"));
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule("the demo: ", issue, c);
        LayoutRules rules = ComposedIssues.layout().rules();
        Module box = c.pages().getFirst().modules().stream().filter(m -> m.kind() == ModuleKind.INDEX).findFirst()
                .orElseThrow(() -> new AssertionError("page 1 has no 导读 box"));
        // what the box's items need: the box the page filler measured, listing what this one lists (page 2's
        // story); it may spread them over the layout's air, and over the few lines a column may end short of its
        // foot (photo sizes come in whole columns, so the lead's module cannot always take the last lines)
        var layout = ComposedIssues.layout();
        var item = issue.article("gz-gallery").orElseThrow();
        IndexBox listed = new IndexBox(layout.grid(), layout.styles(), rules,
                java.util.List.of(new IndexBox.Item(item.slug(), item.title(), item.priority(), 2)));
        int need = listed.minLines(box.span());
        assertTrue(box.text().stream().anyMatch(l -> l.cssClass().equals("index-item")), "the box lists page 2's story");
        int most = need + rules.index().air() + Costs.DEFAULT.footAllowance();
        assertTrue(box.lines() <= most, "the box is " + box.lines() + " lines tall; its items need " + need
                + ", with the layout's air and the foot's allowance " + most);
    }
}
