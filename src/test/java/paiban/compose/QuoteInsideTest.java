package paiban.compose;

import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import paiban.copy.IssueReader;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A story's pull quote (引语) goes with the story wherever its module has room for it: inside the module, on
 * the demo issue's full pages as on generated copy, on every layout; and the build says so when it is set
 * nowhere.
 */
class QuoteInsideTest {

    private static final Path DEMO = ComposedIssues.HOME.resolve("issues/2021-06-29");
    private static final String DEMO_LEAD = "kexie-sharing";

    static List<String> layouts() {
        return ComposedIssues.layouts();
    }

    /** The demo issue in a fresh folder, on the layout, with or without its plan. */
    private static Path demo(String layout, boolean plan) throws IOException {
        Path dir = ComposedIssues.fresh("quote-demo-" + layout + (plan ? "-plan" : ""));
        FileUtils.copyDirectory(DEMO.toFile(), dir.toFile());
        List<String> yaml = new ArrayList<>();
        boolean inPlan = false;
        for (String line : Files.readAllLines(dir.resolve("issue.yaml"))) {
            if (line.startsWith("layout:")) line = "layout: " + layout;
            if (line.startsWith("plan:")) inPlan = true;
            else if (!line.startsWith(" ")) inPlan = false;
            if (!inPlan || plan) yaml.add(line);
        }
        Files.write(dir.resolve("issue.yaml"), yaml);
        return dir;
    }

    @ParameterizedTest(name = "{0}, plan {1}")
    @CsvSource({"tabloid, true", "tabloid, false", "broadsheet, true", "broadsheet, false"})
    void theDemoIssuesLeadStoryCarriesItsQuote(String layout, boolean plan) throws IOException {
        Issue issue = IssueReader.read(demo(layout, plan));
        Composer.Composition c = ComposedIssues.compose(issue);
        String quote = issue.article(DEMO_LEAD).orElseThrow().quote();
        quoteSetOnceBesideItsStory(layout + (plan ? " with the plan: " : " without the plan: "), c, DEMO_LEAD, quote,
                ComposedIssues.layout(layout).grid());
        assertTrue(c.warnings().stream().noneMatch(w -> w.contains("pull quote")), c.warnings().toString());
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void generatedCopyCarriesTheQuoteInsideItsStory(String layout) throws IOException {
        Path dir = FixtureIssue.ofShape(1515L, new FixtureIssue.Shape(14_000, 3, 2)).layout(layout)
                .write(ComposedIssues.fresh("quote-inside-" + layout), "issue");
        StringBuilder body = new StringBuilder();
        String sentence = "科普工作要接地气，才能真正走进群众心里。";
        for (int i = 0; i < 7; i++) {
            body.append("近日，省科协组织专家走进乡村，为村民讲解农业新技术和防灾减灾知识，现场气氛热烈。")
                    .append(i == 3 ? sentence : "")
                    .append("专家们结合当地实际，围绕水稻种植、果树管理和病虫害防治等内容逐一讲解，村民们纷纷提问。\n\n");
        }
        Files.writeString(dir.resolve("articles/zz-quoted.md"), """
                ---
                title: 科协专家走进乡村开展科普讲座
                section: %s
                priority: 1
                quote: "%s"
                ---

                %s""".formatted(firstSection(dir), sentence, body));
        Issue issue = IssueReader.read(dir);
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule(layout + ": ", issue, c);
        Module m = quoteSetOnceBesideItsStory(layout + ": ", c, "zz-quoted", sentence, ComposedIssues.layout(layout).grid());
        assertEquals(ModuleKind.STORY, m.kind(), layout + ": the quote stands inside its story's module");
        assertTrue(c.warnings().stream().noneMatch(w -> w.contains("pull quote")), c.warnings().toString());
    }

    /**
     * Every article of the standard 35-article fixture (stories, features, briefs, photos, jumps) given its
     * first sentence as its quote, on every layout: every composition rule still holds, no quote is set
     * twice, and each is set with its story or named in a warning.
     */
    @ParameterizedTest
    @MethodSource("layouts")
    void everyStoryOfAWholeIssueWithAQuoteGetsItOrIsNamed(String layout) throws IOException {
        Path dir = FixtureIssue.standard().layout(layout).write(ComposedIssues.fresh("quote-all-" + layout), "issue");
        List<String> quoted = new ArrayList<>();
        try (var files = Files.list(dir.resolve("articles"))) {
            for (Path f : files.sorted().toList()) {
                String md = Files.readString(f);
                int body = md.indexOf("\n---\n", 4) + 5;
                int end = md.indexOf('。', body);
                String sentence = end < 0 ? "" : md.substring(body, end + 1).strip();
                if (sentence.length() < 8 || sentence.length() > 60 || !sentence.matches("[^\"\\n*#>!\\[\\]_`“”‘’]+")) continue;
                Files.writeString(f, md.replaceFirst("\n---\n", "\nquote: \"" + sentence + "\"\n---\n"));
                quoted.add(f.getFileName().toString().replace(".md", ""));
            }
        }
        assertTrue(quoted.size() >= 20, quoted.size() + " articles quoted");
        Issue issue = IssueReader.read(dir);
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule(layout + " with quotes: ", issue, c);
        int inside = 0;
        for (String slug : quoted) {
            long modules = c.pages().stream().flatMap(p -> p.modules().stream())
                    .filter(m -> m.slug().equals(slug) && m.text().stream().anyMatch(l -> l.kind() == LineKind.QUOTE)).count();
            boolean named = c.warnings().stream().anyMatch(w -> w.contains("(article '" + slug + "'): its pull quote"));
            assertTrue(modules == 1 && !named || modules == 0 && named, layout + ": " + slug + "'s quote in " + modules
                    + " modules, named in a warning: " + named);
            if (modules == 1) {
                Module m = quoteSetOnceBesideItsStory(layout + ": ", c, slug, issue.article(slug).orElseThrow().quote(),
                        ComposedIssues.layout(layout).grid());
                if (m.kind() == ModuleKind.STORY) inside++;
            }
        }
        assertTrue(inside >= quoted.size() / 2, layout + ": " + inside + " of " + quoted.size() + " quotes inside their stories");
    }

    @Test
    void aQuoteSetNowhereIsNamedWithItsArticle() throws IOException {
        Issue issue = IssueReader.read(demo("tabloid", true));
        Setup l = new Setup(ComposedIssues.layout("tabloid"));
        Story s = new Story(issue.article(DEMO_LEAD).orElseThrow(), l.grid, l.styles, l.rules);
        ModuleBuilder b = new ModuleBuilder(l.grid, l.styles, l.rules);
        ShapeNotes notes = new ShapeNotes();
        // one column: no leg of body text can stand beside the quote
        Piece p = new Piece(s, 0, 0);
        assertFalse(b.quoteInside(p, 1, 0, Rank.OTHER));
        notes.built(new Slot(p, 0, 1, 0, 40, 0, 0, s.rows().size(), Rank.OTHER), b);
        List<String> w = notes.notes(List.of());
        assertEquals(List.of("articles/kexie-sharing.md (article 'kexie-sharing'): its pull quote (quote:) is not set, because"
                + " its module is 1 column wide, which leaves no leg of body text of 5 lines beside the quote, and no page"
                + " that carries it was short enough of copy to take it on its own"), w);
    }

    private record Setup(Grid grid, Styles styles, LayoutRules rules) {
        Setup(paiban.render.Layout l) {
            this(l.grid(), l.styles(), l.rules());
        }
    }

    private static String firstSection(Path dir) throws IOException {
        try (var s = Files.list(dir.resolve("articles"))) {
            for (Path p : s.sorted().toList()) {
                for (String line : Files.readAllLines(p)) if (line.startsWith("section: ")) return line.substring(9).strip();
            }
        }
        throw new IllegalStateException("no section in " + dir);
    }

    /**
     * The quote's lines stand in exactly one module of its story, read in order they are the quote, and none
     * of them covers a line of the story's body, caption or headline, and no white stands above the quote in its
     * columns; returns that module.
     */
    private static Module quoteSetOnceBesideItsStory(String where, Composer.Composition c, String slug, String quote,
                                                      Grid grid) {
        List<Module> carrying = new ArrayList<>();
        for (Page p : c.pages()) {
            for (Module m : p.modules()) {
                if (m.slug().equals(slug) && m.text().stream().anyMatch(l -> l.kind() == LineKind.QUOTE)) carrying.add(m);
            }
        }
        assertEquals(1, carrying.size(), where + "modules that carry the quote of " + slug);
        Module m = carrying.getFirst();
        StringBuilder sb = new StringBuilder();
        for (PlacedLine l : m.text()) if (l.kind() == LineKind.QUOTE) sb.append(l.line().text());
        assertEquals(ComposedIssues.squeeze(quote), ComposedIssues.squeeze(sb.toString()), where + "the quote's text");
        for (PlacedLine q : m.text()) {
            if (q.kind() != LineKind.QUOTE) continue;
            for (PlacedLine o : m.text()) {
                if (o.kind() == LineKind.QUOTE) continue;
                boolean across = q.x() < o.x() + o.line().width() && o.x() < q.x() + q.line().width();
                boolean down = q.baseline() - q.line().size() < o.baseline() && o.baseline() - o.line().size() < q.baseline();
                assertFalse(across && down, where + "the quote's line '" + q.line().text() + "' covers the " + o.kind()
                        + " line '" + o.line().text() + "'");
            }
        }
        // nothing but the quote's own line of air between it and what stands above it in its columns (the
        // photo and caption, the headline, or the module's top): no white hole over the quote
        PlacedLine first = m.text().stream().filter(l -> l.kind() == LineKind.QUOTE).findFirst().orElseThrow();
        float x0 = first.x(), x1 = first.x() + first.line().width();
        float top = first.baseline() - first.line().size();
        float above = Float.NEGATIVE_INFINITY;
        for (PlacedLine o : m.text()) {
            if (o.kind() == LineKind.QUOTE || o.baseline() > top) continue;
            float ow = o.line().vertical() ? o.line().size() : o.line().width();
            if (o.x() < x1 && x0 < o.x() + ow) above = Math.max(above, o.baseline());
        }
        for (PlacedPhoto ph : m.photos()) {
            if (ph.x() < x1 && x0 < ph.x() + ph.width() && ph.y() + ph.height() <= top) above = Math.max(above, ph.y() + ph.height());
        }
        // a quote at the body's top stands under the headline's air as the body's first lines do: measured
        // from the body's top instead
        float bodyTop = Float.POSITIVE_INFINITY;
        for (PlacedLine o : m.text()) if (o.kind() == LineKind.BODY) bodyTop = Math.min(bodyTop, o.baseline() - o.line().size());
        float from = Math.max(above, bodyTop - grid.pitch());
        if (from != Float.NEGATIVE_INFINITY) {
            assertTrue(top - from <= 3 * grid.pitch() + first.line().size(), where + "white above the quote: " + (top - from) + " pt");
        }
        return m;
    }
}
