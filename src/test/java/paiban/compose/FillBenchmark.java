package paiban.compose;

import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.model.Issue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well composition fills its pages over a range of copy it was not tuned on: 14 generated shapes of
 * copy ({@link FixtureIssue#ofShape}, 1,000 to 60,000 characters, 1 to 6 sections, 0 to 12 photos, seeds
 * 1000 + i; index 3 is issue 12's short-copy case) on every layout. For each it counts the pages, the pages
 * the build names under-filled, the column lines they are short by (the figure each warning gives, at one
 * column's width), and the column lines page 1's 导读 box frames beyond its items and the layout's air, and
 * prints a digest of each composition. Not a test: a change to the make-up is judged by these totals before
 * and after, on every layout at once, never by one fixture. Run {@code bench/fill}; {@code -Dlayouts=tabloid,a4}
 * limits it. With issue folders, or {@code gen:layout,chars,sections,photos,seed}, as arguments it prints each
 * page's modules instead.
 */
public final class FillBenchmark {

    static final List<FixtureIssue.Shape> SHAPES = List.of(
            new FixtureIssue.Shape(1_000, 1, 0), new FixtureIssue.Shape(3_300, 6, 2), new FixtureIssue.Shape(5_000, 2, 1),
            new FixtureIssue.Shape(7_000, 2, 3), new FixtureIssue.Shape(9_000, 3, 2), new FixtureIssue.Shape(12_000, 4, 0),
            new FixtureIssue.Shape(20_000, 3, 8), new FixtureIssue.Shape(15_000, 2, 4), new FixtureIssue.Shape(26_000, 4, 6),
            new FixtureIssue.Shape(32_000, 6, 12), new FixtureIssue.Shape(36_000, 2, 2), new FixtureIssue.Shape(40_000, 3, 4),
            new FixtureIssue.Shape(50_000, 4, 10), new FixtureIssue.Shape(60_000, 5, 12));

    private static final Pattern SHORT = Pattern.compile("page (\\d+) \\(.*\\) is under-filled: its columns end up to (\\d+) "
            + "lines short of the foot; about (\\d+) more characters of copy \\((\\d+) lines at one column's width\\) would fill it.*");

    private FillBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            for (String a : args) modules(a);
            return;
        }
        List<String> layouts = List.of(System.getProperty("layouts", String.join(",", ComposedIssues.layouts())).split(","));
        System.out.println("| layout | characters | sections | photos | seed | pages | named short | column lines short "
                + "| worst page short by | 导读 box's framed white | digest |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        int pages = 0, named = 0, lines = 0, framed = 0, failed = 0;
        List<String> totals = new ArrayList<>();
        for (String layout : layouts) {
            int lp = 0, ln = 0, ll = 0, lf = 0;
            for (int i = 0; i < SHAPES.size(); i++) {
                FixtureIssue.Shape s = SHAPES.get(i);
                Path dir = FixtureIssue.ofShape(1000L + i, s).layout(layout)
                        .write(ComposedIssues.fresh("fill-" + layout + "-" + i), "issue");
                Issue issue = IssueReader.read(dir);
                Composer.Composition c;
                try {
                    c = ComposedIssues.compose(issue);
                } catch (PaibanException e) {
                    failed++;
                    System.out.printf("| %s | %d | %d | %d | %d | does not compose: %s |%n", layout, s.chars(), s.sections(),
                            s.photos(), 1000 + i, e.getMessage());
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
                int box = framedWhite(c, layout);
                System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s |%n", layout, s.chars(), s.sections(),
                        s.photos(), 1000 + i, c.pages().size(), n, short_, worst, box, CompositionBenchmark.digest(c));
                lp += c.pages().size();
                ln += n;
                ll += short_;
                lf += box;
            }
            totals.add(String.format("%s: %d pages, %d named short, %d column lines short, %d framed white in the 导读 box",
                    layout, lp, ln, ll, lf));
            pages += lp;
            named += ln;
            lines += ll;
            framed += lf;
        }
        System.out.println();
        for (String t : totals) System.out.println(t);
        System.out.printf("all: %d issues, %d pages, %d named short, %d column lines short, %d framed white in the 导读 box%s%n",
                layouts.size() * SHAPES.size() - failed, pages, named, lines, framed,
                failed > 0 ? ", " + failed + " did not compose" : "");
    }

    /**
     * The column lines page 1's 导读 box frames beyond what its items need: its title, its tallest lane of items,
     * the module's gap and the layout's {@code index.air}.
     */
    private static int framedWhite(Composer.Composition c, String layout) {
        int white = 0;
        for (Module m : c.pages().getFirst().modules()) {
            if (m.kind() != ModuleKind.INDEX) continue;
            Map<Integer, Set<Float>> lanes = new HashMap<>();
            for (PlacedLine pl : m.text()) {
                if (pl.cssClass().equals("index-item")) lanes.computeIfAbsent(Math.round(pl.x()), k -> new HashSet<>()).add(pl.baseline());
            }
            int tallest = lanes.values().stream().mapToInt(Set::size).max().orElse(0);
            int natural = 2 + tallest + 1 + ModuleBuilder.GAP + ComposedIssues.layout(layout).rules().index().air();
            white += m.span() * Math.max(0, m.lines() - natural);
        }
        return white;
    }

    /** Each page's modules of one issue folder, or of {@code gen:layout,chars,sections,photos,seed}. */
    private static void modules(String a) {
        Issue issue;
        if (a.startsWith("gen:")) {
            String[] p = a.substring(4).split(",");
            Path dir = FixtureIssue.ofShape(Long.parseLong(p[4]), new FixtureIssue.Shape(Integer.parseInt(p[1]),
                    Integer.parseInt(p[2]), Integer.parseInt(p[3]))).layout(p[0]).write(ComposedIssues.fresh("fill-" + a.substring(4)), "issue");
            System.out.println("written " + dir);
            issue = IssueReader.read(dir);
        } else {
            issue = IssueReader.read(Path.of(a));
        }
        Composer.Composition c = ComposedIssues.compose(issue);
        System.out.println("== " + a);
        for (int i = 0; i < c.pages().size(); i++) {
            System.out.println("page " + (i + 1));
            for (Module m : c.pages().get(i).modules()) {
                System.out.printf("  %-12s %-24s col %d span %d line %d lines %d%n", m.kind(), m.slug(), m.column(), m.span(),
                        m.line(), m.lines());
            }
        }
        c.warnings().forEach(w -> System.out.println("  ! " + w));
    }
}
