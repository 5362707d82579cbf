package paiban.compose;

import org.junit.jupiter.api.Test;
import paiban.copy.IssueReader;
import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Issue;
import paiban.render.Layout;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 提要 a tall 导读 box sets under its items: the story's opening, cut at a sentence end or with the layout's
 * ellipsis, inside the box; none where the box has no spare lines or the layout turns it off.
 */
class IndexSummaryTest {

    private static final Layout LAYOUT = ComposedIssues.layout();
    private static final Issue SAMPLE = IssueReader.read(ComposedIssues.HOME.resolve("issues/2021-06-22"));
    /** Characters the Typesetter keeps off a line's start. */
    private static final String NO_START = "，。、；：？！）”’」』…·";

    /** The sample story with the longest first paragraph. */
    private static final Article STORY = SAMPLE.articles().stream()
            .max(Comparator.comparingInt(a -> opening(a).length())).orElseThrow();

    private static String opening(Article a) {
        for (Block b : a.body()) if (b instanceof Block.Paragraph p) return p.text();
        return "";
    }

    private static IndexBox box(LayoutRules rules, String opening) {
        return new IndexBox(LAYOUT.grid(), LAYOUT.styles(), rules,
                List.of(new IndexBox.Item(STORY.slug(), STORY.title(), STORY.priority(), 2, opening)));
    }

    private static List<PlacedLine> summary(Module m) {
        return m.text().stream().filter(l -> l.cssClass().equals("index-summary")).toList();
    }

    private static String text(List<PlacedLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (PlacedLine l : lines) sb.append(l.line().text());
        return sb.toString();
    }

    /** The 提要 is the opening's start, whole or ending at a sentence end or the ellipsis, and inside the box. */
    private static void isACutOpening(Module m, String opening) {
        List<PlacedLine> lines = summary(m);
        assertFalse(lines.isEmpty(), "the box has lines to spare and sets no 提要");
        String ellipsis = LAYOUT.rules().words().ellipsis();
        String s = text(lines);
        String plain = opening.replaceAll("\\s", "");
        String got = s.replaceAll("\\s", "");
        if (got.endsWith(ellipsis)) {
            String kept = got.substring(0, got.length() - ellipsis.length());
            assertTrue(plain.startsWith(kept) && kept.length() < plain.length(), "cut with the ellipsis: " + s);
            assertFalse("，、；：".contains(kept.substring(kept.length() - 1)), "a pause before the ellipsis: " + s);
        } else {
            assertTrue(plain.startsWith(got), "the 提要 is the opening's start: " + s);
            assertTrue(got.equals(plain) || "。！？".contains(got.substring(got.length() - 1))
                    || "。！？".contains(got.substring(got.length() - 2, got.length() - 1)), "ends at a sentence end: " + s);
        }
        Grid g = LAYOUT.grid();
        float top = g.lineTop(m.line());
        float bottom = g.lineTop(m.line() + m.lines());
        float left = g.columnX(m.column());
        float right = left + g.spanWidth(m.span());
        float titleBottom = m.text().stream().filter(l -> l.cssClass().equals("index-item"))
                .map(PlacedLine::baseline).max(Float::compare).orElseThrow();
        for (PlacedLine l : lines) {
            String t = l.line().text();
            assertFalse(!t.isEmpty() && NO_START.indexOf(t.charAt(0)) >= 0, "a line starts with a closing mark: " + t);
            assertTrue(l.baseline() > titleBottom && l.baseline() < bottom && l.baseline() > top, "under the title, in the box: " + t);
            assertTrue(l.x() >= left && l.x() + l.line().inkEnd() <= right + 0.01f, "inside the box's width: " + t);
        }
    }

    @Test
    void aTallBoxWithOneItemCarriesTheStorysOpeningUnderItsTitle() {
        IndexBox box = box(LAYOUT.rules(), opening(STORY));
        Module m = box.build(4, box.lane(), 10, 62);
        isACutOpening(m, opening(STORY));
    }

    @Test
    void aBoxWithAFewSpareLinesCutsAtASentenceEndOrWithTheEllipsis() {
        // a long opening: the story's paragraphs run together
        StringBuilder sb = new StringBuilder();
        for (Block b : STORY.body()) if (b instanceof Block.Paragraph p) sb.append(p.text());
        String opening = sb.toString();
        IndexBox box = box(LAYOUT.rules(), opening);
        for (int spare = 3; spare <= 9; spare += 3) {
            Module m = box.build(4, box.lane(), 10, box.minLines(box.lane()) + spare);
            isACutOpening(m, opening);
        }
        // one sentence longer than the box: the ellipsis
        String runOn = opening.replaceAll("[。！？]", "，");
        Module m = box(LAYOUT.rules(), runOn).build(4, box.lane(), 10, box.minLines(box.lane()) + 5);
        isACutOpening(m, runOn);
        assertTrue(text(summary(m)).endsWith(LAYOUT.rules().words().ellipsis()), text(summary(m)));
    }

    @Test
    void withoutSpareLinesOrWithTheSummaryTurnedOffTheBoxIsAsBefore() {
        IndexBox bare = box(LAYOUT.rules(), "");
        IndexBox with = box(LAYOUT.rules(), opening(STORY));
        int min = with.minLines(with.lane());
        assertEquals(bare.minLines(bare.lane()), min, "the 提要 does not change the box's minimum height");
        assertEquals(bare.build(4, bare.lane(), 10, min).text(), with.build(4, with.lane(), 10, min).text(),
                "a box with no spare lines lists titles only");
        LayoutRules r = LAYOUT.rules();
        LayoutRules.IndexRules i = r.index();
        LayoutRules off = new LayoutRules(r.headlines(), r.briefs(), new LayoutRules.IndexRules(i.title(), i.maxItems(),
                i.laneWidth(), i.marker(), i.air(), false), r.photos(), r.air(), r.words(), r.ads(), r.boxes(), r.grid());
        Module before = bare.build(4, bare.lane(), 10, 62);
        Module after = box(off, opening(STORY)).build(4, bare.lane(), 10, 62);
        assertTrue(summary(after).isEmpty(), "index.summary: false sets no 提要");
        assertEquals(before.text(), after.text(), "with index.summary: false the box is set as before");
    }
}
