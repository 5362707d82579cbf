package paiban.compose;

import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.model.Issue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well composition fills its pages over a range of copy it was not tuned on: 14 generated shapes of
 * copy ({@link FixtureIssue#ofShape}, 1,000 to 60,000 characters, 1 to 6 sections, 0 to 12 photos, seeds
 * 1000 + i) on every layout. For each it counts the pages, the pages the build names under-filled and the
 * column lines they are short by (the figure each warning gives, at one column's width), and prints a digest
 * of each composition. Not a test: a change to the make-up is judged by these totals before and after, on
 * every layout at once, never by one fixture. Run {@code bench/fill}; {@code -Dlayouts=tabloid,a4} limits it.
 */
public final class FillBenchmark {

    /** The range of copy: the property tests' seven shapes and seven more between them, by length. */
    static final List<FixtureIssue.Shape> SHAPES = java.util.stream.Stream.concat(CompositionPropertiesTest.SHAPES.stream(),
            java.util.stream.Stream.of(new FixtureIssue.Shape(2_000, 2, 1), new FixtureIssue.Shape(5_000, 3, 0),
                    new FixtureIssue.Shape(9_000, 1, 4), new FixtureIssue.Shape(15_000, 6, 4),
                    new FixtureIssue.Shape(26_000, 4, 6), new FixtureIssue.Shape(40_000, 3, 4),
                    new FixtureIssue.Shape(50_000, 6, 10)))
            .sorted(java.util.Comparator.comparingInt(FixtureIssue.Shape::chars)).toList();

    private static final Pattern SHORT = Pattern.compile("page (\\d+) \\(.*\\) is under-filled: its columns end up to (\\d+) "
            + "lines short of the foot; about (\\d+) more characters of copy \\((\\d+) lines at one column's width\\) would fill it.*");

    private FillBenchmark() {
    }

    public static void main(String[] args) {
        List<String> layouts = List.of(System.getProperty("layouts", String.join(",", ComposedIssues.layouts())).split(","));
        System.out.println("| layout | characters | sections | photos | pages | named short | column lines short | worst page short by | digest |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        int pages = 0, named = 0, lines = 0, failed = 0;
        List<String> totals = new ArrayList<>();
        for (String layout : layouts) {
            int lp = 0, ln = 0, ll = 0;
            for (int i = 0; i < SHAPES.size(); i++) {
                FixtureIssue.Shape s = SHAPES.get(i);
                Path dir = FixtureIssue.ofShape(1000L + i, s).layout(layout)
                        .write(ComposedIssues.fresh("fill-" + layout + "-" + s.chars()), "issue");
                Issue issue = IssueReader.read(dir);
                Composer.Composition c;
                try {
                    c = ComposedIssues.compose(issue);
                } catch (PaibanException e) {
                    failed++;
                    System.out.printf("| %s | %d | %d | %d | does not compose: %s |%n", layout, s.chars(), s.sections(),
                            s.photos(), e.getMessage());
                    continue;
                }
                int n = 0, short_ = 0, worst = 0;
                for (String w : c.warnings()) {
                    Matcher m = SHORT.matcher(w);
                    if (!m.matches()) continue;
                    n++;
                    short_ += Integer.parseInt(m.group(4));
                    worst = Math.max(worst, Integer.parseInt(m.group(2)));
                }
                System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d | %s |%n", layout, s.chars(), s.sections(), s.photos(),
                        c.pages().size(), n, short_, worst, CompositionBenchmark.digest(c));
                lp += c.pages().size();
                ln += n;
                ll += short_;
            }
            totals.add(String.format("%s: %d pages, %d named short, %d column lines short", layout, lp, ln, ll));
            pages += lp;
            named += ln;
            lines += ll;
        }
        System.out.println();
        for (String t : totals) System.out.println(t);
        System.out.printf("all: %d issues, %d pages, %d named short, %d column lines short%s%n",
                layouts.size() * SHAPES.size() - failed, pages, named, lines, failed > 0 ? ", " + failed + " did not compose" : "");
    }
}
