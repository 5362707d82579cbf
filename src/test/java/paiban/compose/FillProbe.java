package paiban.compose;

import paiban.copy.IssueReader;
import paiban.model.Issue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measuring tool, not a test: how much white composition leaves over a generated range of copy (14 shapes
 * on every shipped layout, seeds 1000 + i), as the build names it (pages named short, the column lines they
 * are short), and how many column lines page 1's 导读 box frames beyond its items and the layout's air.
 * Changes to the page filler are judged by these totals before and after. With issue folders (or
 * {@code gen:layout,chars,sections,photos,seed}) as arguments it prints each page's modules instead.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) paiban.compose.FillProbe measure
 * </pre>
 */
final class FillProbe {
    static final List<FixtureIssue.Shape> SHAPES = List.of(
            new FixtureIssue.Shape(1_000, 1, 0), new FixtureIssue.Shape(3_300, 6, 2), new FixtureIssue.Shape(5_000, 2, 1),
            new FixtureIssue.Shape(7_000, 2, 3), new FixtureIssue.Shape(9_000, 3, 2), new FixtureIssue.Shape(12_000, 4, 0),
            new FixtureIssue.Shape(20_000, 3, 8), new FixtureIssue.Shape(15_000, 2, 4), new FixtureIssue.Shape(26_000, 4, 6),
            new FixtureIssue.Shape(32_000, 6, 12), new FixtureIssue.Shape(36_000, 2, 2), new FixtureIssue.Shape(40_000, 3, 4),
            new FixtureIssue.Shape(50_000, 4, 10), new FixtureIssue.Shape(60_000, 5, 12));

    public static void main(String[] args) {
        if (args[0].equals("measure")) {
            int pages = 0, named = 0, lines = 0, boxWhite = 0;
            long t0 = System.nanoTime();
            for (String layout : List.of("tabloid", "broadsheet", "a4")) {
                for (int i = 0; i < SHAPES.size(); i++) {
                    FixtureIssue.Shape s = SHAPES.get(i);
                    Path dir = FixtureIssue.ofShape(1000L + i, s).layout(layout)
                            .write(ComposedIssues.fresh("probe-" + layout + "-" + i), "issue");
                    Composer.Composition c = ComposedIssues.compose(IssueReader.read(dir));
                    int n = 0, l = 0;
                    List<String> which = new ArrayList<>();
                    for (String w : c.warnings()) {
                        Matcher m = Pattern.compile("page (\\d+) .*\\((\\d+) lines at one column's width\\)").matcher(w);
                        if (w.contains("is under-filled") && m.find()) {
                            n++;
                            l += Integer.parseInt(m.group(2));
                            which.add(m.group(1) + ":" + m.group(2));
                        }
                    }
                    System.out.printf("%s-%d-%d-%d seed %d: %d pages, %d short, %d lines %s%n", layout, s.chars(), s.sections(),
                            s.photos(), 1000 + i, c.pages().size(), n, l, which);
                    Grid grid = ComposedIssues.layout(layout).grid();
                    int bw = 0;
                    for (Module m : c.pages().getFirst().modules()) {
                        if (m.kind() != ModuleKind.INDEX) continue;
                        // the box's items per lane (distinct baselines at one x), against its height less title, air
                        java.util.Map<Integer, java.util.Set<Float>> lanes = new java.util.HashMap<>();
                        for (PlacedLine pl : m.text()) {
                            if (pl.cssClass().equals("index-item")) {
                                lanes.computeIfAbsent(Math.round(pl.x()), k -> new java.util.HashSet<>()).add(pl.baseline());
                            }
                        }
                        int tallest = lanes.values().stream().mapToInt(java.util.Set::size).max().orElse(0);
                        int natural = 2 + tallest + 1 + ModuleBuilder.GAP + ComposedIssues.layout(layout).rules().index().air();
                        bw = m.span() * Math.max(0, m.lines() - natural);
                        System.out.printf("   box %dx%d, framed white %d column lines%n", m.span(), m.lines(), bw);
                    }
                    boxWhite += bw;
                    pages += c.pages().size();
                    named += n;
                    lines += l;
                }
            }
            System.out.printf("TOTAL %d pages, %d named short, %d lines short, %d column lines framed white in 导读 boxes (%.1f s)%n", pages, named, lines, boxWhite,
                    (System.nanoTime() - t0) / 1e9);
            return;
        }
        for (String a : args) {
            Issue issue;
            if (a.startsWith("gen:")) {
                String[] p = a.substring(4).split(",");
                Path dir = FixtureIssue.ofShape(Long.parseLong(p[4]), new FixtureIssue.Shape(Integer.parseInt(p[1]),
                        Integer.parseInt(p[2]), Integer.parseInt(p[3]))).layout(p[0]).write(ComposedIssues.fresh("probe-" + a.substring(4)), "issue");
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
                    System.out.printf("  %-8s %-24s col %d span %d line %d lines %d%n", m.kind(), m.slug(), m.column(), m.span(), m.line(), m.lines());
                }
            }
            c.warnings().forEach(w -> System.out.println("  ! " + w));
        }
    }
}
