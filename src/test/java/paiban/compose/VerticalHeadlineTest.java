package paiban.compose;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paiban.copy.IssueReader;
import paiban.model.Issue;
import paiban.typeset.Glyph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A story with {@code headline: vertical} (竖排标题), on every layout: its headline group stands as columns at
 * its module's right edge, top to bottom, with the body to its left on the grid, and the page keeps every rule.
 */
public class VerticalHeadlineTest {

    public static final String TITLE = "第36届青少年科技创新大赛开幕，AI展区首次亮相";

    static List<String> layouts() {
        return ComposedIssues.layouts();
    }

    /** A fixture issue of the layout with one more story, whose headline the editor wants vertical. */
    public static Path issue(String layout) throws IOException {
        Path dir = FixtureIssue.ofShape(1503L, new FixtureIssue.Shape(9_000, 3, 2)).layout(layout)
                .write(ComposedIssues.fresh("vertical-" + layout), "issue");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            body.append("本届大赛共收到参赛作品1200余件，覆盖全市中小学校，其中科技发明作品占比超过三成。")
                    .append("评审专家表示，作品水平较往年明显提升，不少项目已具备推广应用价值。\n\n");
        }
        Files.writeString(dir.resolve("articles/zz-vertical.md"), """
                ---
                title: %s
                kicker: 科普在身边
                section: %s
                priority: 2
                headline: vertical
                ---

                %s""".formatted(TITLE, firstSection(dir), body));
        return dir;
    }

    private static String firstSection(Path dir) throws IOException {
        try (var s = Files.list(dir.resolve("articles"))) {
            for (Path p : s.sorted().toList()) {
                for (String line : Files.readAllLines(p)) if (line.startsWith("section: ")) return line.substring(9).strip();
            }
        }
        throw new IllegalStateException("no section in " + dir);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void aVerticalHeadlineStandsAtItsModulesRightEdgeTopToBottom(String layout) throws IOException {
        Issue issue = IssueReader.read(issue(layout));
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule(layout + " with a vertical headline: ", issue, c);
        Grid grid = ComposedIssues.layout(layout).grid();
        Module m = c.pages().stream().flatMap(p -> p.modules().stream())
                .filter(x -> x.slug().equals("zz-vertical") && x.kind() == ModuleKind.STORY).findFirst().orElseThrow();
        List<PlacedLine> head = m.text().stream().filter(l -> l.kind().headline()).toList();
        List<PlacedLine> body = m.text().stream().filter(l -> !l.kind().headline()).toList();
        assertFalse(head.isEmpty());
        float moduleRight = grid.columnX(m.column()) + grid.spanWidth(m.span());
        float headLeft = (float) head.stream().mapToDouble(PlacedLine::x).min().orElseThrow();
        for (PlacedLine l : head) {
            assertTrue(l.line().vertical(), layout + ": " + l.line().text() + " is not vertical");
            assertTrue(l.x() + l.line().size() <= moduleRight + 0.01f, layout + ": the headline passes the module's right edge");
            // top to bottom: each glyph (or 纵中横 cell) below the one before
            float y = -1;
            for (Glyph g : l.line().glyphs()) {
                assertTrue(g.x() >= y, layout + ": 「" + l.line().text() + "」 is not set top to bottom");
                y = g.x();
            }
        }
        // the headline takes the right edge: within the last columns, and no body line reaches it
        int headColumns = (int) Math.ceil((moduleRight - headLeft) / (grid.columnWidth() + grid.gutter()));
        assertTrue(headColumns < m.span(), layout + ": the headline takes the whole module");
        for (PlacedLine l : body) {
            assertTrue(l.x() + l.line().width() <= headLeft + 0.01f, layout + ": body line 「" + l.line().text()
                    + "」 reaches into the headline's column");
        }
        // 引题 to the right of the title: read right to left
        PlacedLine kicker = head.stream().filter(l -> l.kind() == LineKind.KICKER).findFirst().orElseThrow();
        PlacedLine title = head.stream().filter(l -> l.kind() == LineKind.TITLE).findFirst().orElseThrow();
        assertTrue(kicker.x() > title.x(), layout + ": the kicker is not right of the title");
        assertEquals(ComposedIssues.squeeze(TITLE), head.stream().filter(l -> l.kind() == LineKind.TITLE)
                .map(l -> l.line().text()).reduce("", String::concat));
        // 纵中横: the two digits of 36 share one cell, upright, together no wider than the column
        List<Glyph> digits = title.line().glyphs().stream().filter(g -> g.codePoint() == '3' || g.codePoint() == '6').toList();
        assertEquals(2, digits.size());
        assertEquals(digits.get(0).x(), digits.get(1).x(), 0.01f, layout + ": 3 and 6 are not in one cell");
        for (Glyph g : digits) assertEquals(Glyph.Orientation.UPRIGHT, g.orientation());
        float right = digits.get(1).across() + digits.get(1).face().advance('6') * digits.get(1).scale() * title.line().size();
        assertTrue(digits.get(0).across() >= -0.01f && right <= title.line().size() + 0.01f, layout + ": 36 is wider than its cell");
        // body lines stay on the baseline grid
        for (PlacedLine l : body) {
            if (!l.onGrid()) continue;
            float r = (l.baseline() - grid.baseline()) % grid.pitch();
            assertTrue(Math.min(Math.abs(r), grid.pitch() - Math.abs(r)) < 0.01f, layout + ": off the grid: " + l.line().text());
        }
    }
}
