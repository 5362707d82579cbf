package paiban.compose;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paiban.testing.PrintedGlyphs;
import paiban.cli.Main;
import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.model.Issue;
import paiban.render.Layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The space between stories (块间距) as print.pdf prints it: generated copy is built on each layout, the glyphs'
 * positions are read back from the PDF with PDFBox, and for every body column the edge its full lines reach
 * is measured. Between the last column of one story and the first of the story beside it the text stands the
 * layout's story gap apart; between two columns of one story, the gutter.
 */
class StoryGapTest {

    /** Points of slack: the PDF's coordinates are rounded, and a justified line ends at its measure. */
    private static final float SLACK = 0.3f;

    static List<String> layouts() {
        return ComposedIssues.layouts();
    }

    @Test
    void theBroadsheetSetsStoriesFurtherApartThanTheGutter() {
        Grid g = ComposedIssues.layout("broadsheet").grid();
        assertTrue(g.storyGap() > g.gutter() + 1, "broadsheet's story gap " + g.storyGap() + " against its gutter " + g.gutter());
    }

    @Test
    void aSpanSharesTheInsetsAmongItsColumnsAndKeepsTheGutterInside() {
        Grid g = ComposedIssues.layout("broadsheet").grid();
        for (int span = 1; span <= g.columns(); span++) {
            float text = span * g.measure(span) + (span - 1) * g.gutter();
            assertEquals(g.spanWidth(span) - (g.storyGap() - g.gutter()), text, 0.01f, "span " + span);
        }
        Grid t = ComposedIssues.layout("tabloid").grid();
        if (t.storyGap() == t.gutter()) assertEquals(t.columnWidth(), t.measure(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void storiesSideBySideStandTheGapApartAndColumnsOfOneTheGutter(String layout) throws IOException {
        Path root = ComposedIssues.fresh("story-gap-" + layout);
        // seed 1013 cuts three stories mid-paragraph on broadsheet, each continued in a module of another span
        Path folder = FixtureIssue.ofShape(1013, new FixtureIssue.Shape(20000, 3, 8)).layout(layout).write(root, "issue");
        Path out = root.resolve("out");
        assertEquals(0, Main.run("build", folder.toString(), "--out", out.toString(), "--edition", "print"));
        Issue issue = IssueReader.read(folder);
        List<Page> pages = ComposedIssues.compose(issue).pages();
        Layout l = ComposedIssues.layout(layout);
        Grid grid = l.grid();
        int between = 0;
        int inside = 0;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("issue/print.pdf").toFile())) {
            for (Page p : pages) {
                var crop = pdf.getPage(p.number() - 1).getCropBox();
                var trim = pdf.getPage(p.number() - 1).getTrimBox();
                float dx = trim.getLowerLeftX() - crop.getLowerLeftX() + l.areaLeft();
                float dy = crop.getUpperRightY() - trim.getUpperRightY() + l.areaTop();
                List<TextPosition> glyphs = PrintedGlyphs.of(pdf, p.number());
                Map<Module, Edges[]> edges = new HashMap<>();
                for (Module m : p.modules()) if (measurable(m)) edges.put(m, edges(m, grid, glyphs, dx, dy));
                String where = layout + " page " + p.number();
                for (var e : edges.entrySet()) {
                    Module m = e.getKey();
                    Edges[] cols = e.getValue();
                    for (int k = 0; k + 1 < cols.length; k++) {
                        if (!cols[k].measured() || !cols[k + 1].measured()) continue;
                        float gutter = cols[k + 1].left - cols[k].right;
                        assertEquals(grid.gutter(), gutter, SLACK, where + ": between columns " + k + " and " + (k + 1) + " of " + m.slug() + " " + java.util.Arrays.toString(cols));
                        inside++;
                    }
                    for (var f : edges.entrySet()) {
                        Module n = f.getKey();
                        if (m.column() + m.span() != n.column() || m.bottom() <= n.line() || n.bottom() <= m.line()) continue;
                        Edges a = cols[cols.length - 1];
                        Edges b = f.getValue()[0];
                        if (!a.measured() || !b.measured()) continue;
                        assertEquals(grid.storyGap(), b.left - a.right, SLACK, where + ": between " + m.slug() + " and " + n.slug());
                        between++;
                    }
                }
            }
        }
        assertTrue(between >= 3, layout + ": stories side by side measured: " + between);
        // a continuation that resumes mid-paragraph opens with an unindented line
        Map<String, PlacedLine> lastLine = new HashMap<>();
        int otherMeasure = 0;
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (!m.kind().article()) continue;
                List<PlacedLine> body = m.text().stream().filter(x -> x.kind() == LineKind.BODY).toList();
                if (body.isEmpty()) continue;
                PlacedLine before = lastLine.get(m.slug());
                if (m.kind() == ModuleKind.CONTINUATION && before != null && before.part() == body.getFirst().part()) {
                    assertTrue(body.getFirst().line().glyphs().getFirst().x() < grid.bodySize() * 0.6f,
                            layout + " page " + p.number() + ": " + m.slug() + " resumes indented: " + body.getFirst().line().text());
                    if (Math.abs(before.line().width() - body.getFirst().line().width()) > 0.01f) otherMeasure++;
                }
                lastLine.put(m.slug(), body.getLast());
            }
        }
        // (the build's nothing-lost check has compared every article's text across its parts)
        if (grid.storyGap() > grid.gutter()) assertTrue(otherMeasure > 0, layout + ": no story resumed mid-paragraph at another measure");
        assertTrue(inside >= 10, layout + ": columns inside a story measured: " + inside);
    }

    /** A story, brief or continuation set in the grid's columns: not boxed, no vertical headline beside its body. */
    private static boolean measurable(Module m) {
        if (!m.kind().article() || m.box().isPresent()) return false;
        for (PlacedLine pl : m.text()) if (pl.line().vertical()) return false;
        return true;
    }

    /**
     * Where a column's text starts and ends: the left edge of its lines that open with a Han character, the right
     * edge of its lines that end with one (a justified line ends at its measure; punctuation may hang or be
     * squeezed at either end, and a paragraph's last line stops short).
     */
    private record Edges(float left, float right, int lines) {
        boolean measured() {
            return lines >= 3 && right > left;
        }
    }

    private static Edges[] edges(Module m, Grid grid, List<TextPosition> glyphs, float dx, float dy) {
        Edges[] out = new Edges[m.span()];
        for (int k = 0; k < m.span(); k++) {
            // the grid column's reach, to the middles of the gutters beside it
            float from = grid.columnX(m.column() + k) - grid.gutter() / 2;
            float to = grid.columnX(m.column() + k) + grid.columnWidth() + grid.gutter() / 2;
            float left = Float.MAX_VALUE;
            float right = -Float.MAX_VALUE;
            int lines = 0;
            for (PlacedLine pl : m.text()) {
                if (pl.kind() != LineKind.BODY) continue;
                float lineMid = pl.x() + pl.line().width() / 2;
                if (lineMid < from || lineMid > to) continue;
                List<TextPosition> line = new ArrayList<>();
                for (TextPosition t : glyphs) {
                    float x = t.getXDirAdj() - dx;
                    float y = t.getYDirAdj() - dy;
                    float mid = x + t.getWidthDirAdj() / 2;
                    // the line's own glyphs: on its baseline, within its column
                    if (Math.abs(y - pl.baseline()) < 0.5f && mid > from && mid < to && mid > pl.x() && mid < pl.x() + pl.line().width()) line.add(t);
                }
                if (line.size() < 4) continue;
                line.sort((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj()));
                TextPosition first = line.getFirst();
                TextPosition last = line.getLast();
                if (han(first)) left = Math.min(left, first.getXDirAdj() - dx);
                if (han(last)) right = Math.max(right, last.getXDirAdj() + last.getWidthDirAdj() - dx);
                if (han(first) && han(last)) lines++;
            }
            out[k] = new Edges(left, right, lines);
        }
        return out;
    }

    private static boolean han(TextPosition t) {
        String u = t.getUnicode();
        return !u.isEmpty() && Character.UnicodeScript.of(u.codePointAt(0)) == Character.UnicodeScript.HAN;
    }


    /**
     * A story cut mid-paragraph in one module and continued in a module of another span resumes at the character
     * after the last one placed: set at the other measure, its text is the rest of the copy, nothing lost and
     * nothing repeated, its first line not indented, and the paragraphs after it are set as they always are.
     */
    @Test
    void aContinuationAtAnotherMeasureResumesByCharacter() {
        Layout l = ComposedIssues.layout("broadsheet");
        Grid grid = l.grid();
        Path folder = FixtureIssue.ofShape(1004, new FixtureIssue.Shape(20000, 3, 8)).layout("broadsheet")
                .write(ComposedIssues.fresh("story-gap-resume"), "issue");
        Issue issue = IssueReader.read(folder);
        float one = grid.measure(1);
        float wide = grid.measure(grid.columns());
        assertTrue(wide - one > 1, "the measures differ: " + one + " and " + wide);
        int resumed = 0;
        for (paiban.model.Article a : issue.articles()) {
            Story story = new Story(a, grid, l.styles(), l.rules());
            List<Story.Row> narrow = story.rows(one);
            for (int r = 1; r < narrow.size(); r += 7) {
                Story.Row row = narrow.get(r);
                Story.Row before = narrow.get(r - 1);
                if (row.blank() || before.blank() || before.part() != row.part() || row.kind() != LineKind.BODY) continue;
                List<Story.Row> rest = story.rows(wide, row.start());
                assertEquals(text(narrow.subList(r, narrow.size())), text(rest), a.slug() + " from row " + r);
                paiban.typeset.SetLine first = rest.getFirst().line();
                assertTrue(first.glyphs().getFirst().x() < grid.bodySize() * 0.6f,
                        a.slug() + " from row " + r + ": the resumed line '" + first.text() + "' is indented");
                // the paragraphs after the resumed one are the story's own rows at that measure
                List<Story.Row> all = story.rows(wide);
                int next = 0;
                while (next < rest.size() && rest.get(next).part() == row.part()) next++;
                if (next < rest.size()) assertTrue(all.get(all.size() - (rest.size() - next)) == rest.get(next), a.slug());
                resumed++;
            }
            // a paragraph's first line is indented, so the test above can tell
            for (Story.Row row : story.rows(wide)) {
                if (!row.blank() && row.kind() == LineKind.BODY && row.line().first() && row.line().glyphs().size() > 4
                        && row.start() > 0 && Character.UnicodeScript.of(row.line().glyphs().getFirst().codePoint()) == Character.UnicodeScript.HAN) {
                    assertTrue(row.line().glyphs().getFirst().x() > grid.bodySize() * 1.5f, a.slug() + ": '" + row.line().text() + "'");
                }
            }
        }
        assertTrue(resumed > 50, "resumed " + resumed);
    }

    private static String text(List<Story.Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Story.Row r : rows) if (!r.blank()) sb.append(r.line().text());
        return paiban.core.Unicode.withoutSpaces(sb.toString());
    }

    @Test
    void aGapUnderTheGutterOrBeyondSenseIsRefusedWithItsLine() throws IOException {
        for (String[] c : new String[][] {{"0.5", "narrower than the gutter"}, {"4.5", "more than the gutter"},
                {"wide", "must be a number"}}) {
            Path root = ComposedIssues.fresh("story-gap-bad");
            Path layouts = root.resolve("layouts");
            copy(ComposedIssues.HOME.resolve("layouts/tabloid"), layouts.resolve("tabloid"));
            Path yaml = layouts.resolve("tabloid/layout.yaml");
            String text = Files.readString(yaml).replaceAll("(?m)^grid:[\\s\\S]*?(?=^\\S|\\z)", "");
            Files.writeString(yaml, text + "\ngrid:\n  story-gap: " + c[0] + "\n");
            int line = (int) (text + "\ngrid:\n").lines().count() + 1;
            PaibanException e = org.junit.jupiter.api.Assertions.assertThrows(PaibanException.class, () ->
                    paiban.render.LayoutLoader.load(layouts, "tabloid", paiban.typeset.FontBook.of(ComposedIssues.HOME.resolve("fonts"))));
            assertTrue(e.getMessage().startsWith("layouts/tabloid/layout.yaml:" + line + ": grid.story-gap"), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        org.apache.commons.io.FileUtils.copyDirectory(from.toFile(), to.toFile());
    }
}
