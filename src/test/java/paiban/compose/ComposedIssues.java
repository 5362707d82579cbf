package paiban.compose;

import paiban.copy.IssueReader;
import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Issue;
import paiban.render.Layout;
import paiban.render.LayoutLoader;
import paiban.typeset.FontBook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support for composition: the tabloid layout, fixture issues written under target/, and readings
 * of composed pages that do not trust the composer's own bookkeeping (where a column's text really ends,
 * what text an article really got).
 */
final class ComposedIssues {

    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path FIXTURES = HOME.resolve("target/fixture-issues");

    private static Path standard;

    private ComposedIssues() {
    }

    static Layout layout() {
        return layout("tabloid");
    }

    static Layout layout(String name) {
        return LayoutLoader.load(HOME.resolve("layouts"), name, FontBook.of(HOME.resolve("fonts")));
    }

    /** Every layout shipped under layouts/. */
    static List<String> layouts() {
        try (var s = Files.list(HOME.resolve("layouts"))) {
            return s.filter(d -> Files.isRegularFile(d.resolve("page.xhtml"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard fixture issue, written once per test run. */
    static synchronized Path standardFixture() {
        if (standard == null) standard = FixtureIssue.standard().write(fresh("standard"), "fixture");
        return standard;
    }

    /** An empty folder under target/fixture-issues. */
    static Path fresh(String name) {
        Path dir = FIXTURES.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Composer.Composition compose(Issue issue) {
        Layout l = layout(issue.layout());
        return new Composer(l.grid(), l.styles(), l.rules()).compose(issue);
    }

    static Composer.Composition compose(Path folder) {
        return compose(IssueReader.read(folder));
    }

    /** Appends YAML lines to an issue's issue.yaml. */
    static void appendToIssueYaml(Path folder, String yaml) {
        try {
            Files.writeString(folder.resolve("issue.yaml"), Files.readString(folder.resolve("issue.yaml")) + yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For each column, the grid line after the last line anything is printed on: text lines by their
     * baselines and widths, photos by their frames, the 导读 box by its frame (the layout draws it with
     * a border and a tint, so the box, not its last item, is what the reader sees end).
     */
    static int[] feet(Page page, Grid grid) {
        int[] feet = new int[grid.columns()];
        // an ad at the foot ends its columns: what counts there is how near the copy comes to the ad's top
        int[] adTop = new int[grid.columns()];
        java.util.Arrays.fill(adTop, grid.lines());
        float step = grid.columnWidth() + grid.gutter();
        for (Module m : page.modules()) {
            if (m.kind() == ModuleKind.AD && m.bottom() == grid.lines()) {
                for (int c = m.column(); c < m.column() + m.span(); c++) adTop[c] = Math.min(adTop[c], m.line());
                continue;
            }
            if (m.kind() == ModuleKind.INDEX || m.kind() == ModuleKind.FILLER || m.kind() == ModuleKind.AD) {
                for (int c = m.column(); c < m.column() + m.span(); c++) feet[c] = Math.max(feet[c], m.bottom());
                continue;
            }
            for (PlacedLine l : m.text()) {
                // a vertical headline's line runs down from its first baseline, and is its size across
                boolean v = l.line().vertical();
                float foot = v ? l.baseline() + l.line().width() - l.line().size() : l.baseline();
                int line = (int) Math.floor(foot / grid.pitch());
                int from = (int) Math.floor((l.x() + 1) / step);
                int to = (int) Math.floor((l.x() + (v ? l.line().size() : l.line().width()) - 1) / step);
                for (int c = Math.max(0, from); c <= Math.min(grid.columns() - 1, to); c++) {
                    feet[c] = Math.max(feet[c], line + 1);
                }
            }
            for (PlacedPhoto p : m.photos()) {
                int line = (int) Math.ceil((p.y() + p.height()) / grid.pitch() - 1e-3);
                int from = (int) Math.floor((p.x() + 1) / step);
                int to = (int) Math.floor((p.x() + p.width() - 1) / step);
                for (int c = from; c <= to; c++) feet[c] = Math.max(feet[c], line);
            }
        }
        for (int c = 0; c < feet.length; c++) feet[c] += grid.lines() - adTop[c];
        return feet;
    }

    /** The article's copy as the reader must find it: dateline, paragraphs and subheads, source; no whitespace. */
    static String expectedText(Article a) {
        StringBuilder sb = new StringBuilder(a.dateline());
        for (Block b : a.body()) {
            if (b instanceof Block.Paragraph p) sb.append(p.text());
            if (b instanceof Block.Subhead h) sb.append(h.text());
        }
        String s = a.source();
        if (!s.isEmpty()) sb.append(s.startsWith("（") ? s : "（" + s + "）");
        return squeeze(sb.toString());
    }

    /** The body text printed for an article over all its parts, pages in order, lines in placing order. */
    static String printedText(List<Page> pages, String slug) {
        StringBuilder sb = new StringBuilder();
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (!m.slug().equals(slug)) continue;
                for (PlacedLine l : m.text()) {
                    if (l.kind() == LineKind.BODY || l.kind() == LineKind.SUBHEAD) sb.append(l.line().text());
                }
            }
        }
        return squeeze(sb.toString());
    }

    /** Every line of a module's text, in placing order, without whitespace. */
    static String moduleText(Module m) {
        StringBuilder sb = new StringBuilder();
        for (PlacedLine l : m.text()) sb.append(l.line().text());
        return squeeze(sb.toString());
    }

    static String squeeze(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** The pages' sections, in page order. */
    static List<String> sections(List<Page> pages) {
        List<String> out = new ArrayList<>();
        for (Page p : pages) out.add(p.section());
        return out;
    }
}
