package paiban.compose;

import paiban.copy.IssueReader;
import paiban.model.Article;
import paiban.model.Issue;
import paiban.render.Layout;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long composition takes for issues of about 4, 16 and 32 pages of generated copy ({@link FixtureIssue}),
 * and whether the time grows no faster than the page count. Not a test: run {@code bench/compose}. The
 * typesetting of the stories is timed apart (composition sets each story once, before placing it); each
 * figure is the median of five rounds after a warm-up.
 */
public final class CompositionBenchmark {

    private static final int ROUNDS = 5;

    public static void main(String[] args) {
        Layout layout = ComposedIssues.layout();
        System.out.printf("%s, %d cores%n", System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        int[] sizes = {4, 16, 32};
        Issue[] issues = new Issue[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            Path dir = FixtureIssue.ofPages(sizes[i]).write(ComposedIssues.fresh("bench-" + sizes[i]), "fixture");
            issues[i] = IssueReader.read(dir);
        }
        for (Issue issue : issues) compose(layout, issue); // warm-up
        System.out.println();
        System.out.println("| pages | articles | photos | typeset ms | compose ms (with typesetting) | compose ms per page | warnings |");
        System.out.println("|---|---|---|---|---|---|---|");
        double first = 0;
        for (int i = 0; i < sizes.length; i++) {
            Issue issue = issues[i];
            double[] typeset = new double[ROUNDS];
            double[] total = new double[ROUNDS];
            Composer.Composition c = null;
            for (int r = 0; r < ROUNDS; r++) {
                long t0 = System.nanoTime();
                for (Article a : issue.articles()) new Story(a, layout.grid(), layout.styles(), layout.rules());
                long t1 = System.nanoTime();
                c = compose(layout, issue);
                long t2 = System.nanoTime();
                typeset[r] = (t1 - t0) / 1e6;
                total[r] = (t2 - t1) / 1e6;
            }
            int pages = c.pages().size();
            double ms = median(total);
            double perPage = ms / pages;
            if (i == 0) first = perPage;
            System.out.printf("| %d | %d | %d | %.0f | %.0f | %.1f (%.2f× the %d-page issue's) | %d |%n", pages,
                    issue.articles().size(), issue.articles().stream().mapToInt(a -> a.photos().size()).sum(),
                    median(typeset), ms, perPage, perPage / first, sizes[0], c.warnings().size());
        }
    }

    private static Composer.Composition compose(Layout layout, Issue issue) {
        return new Composer(layout.grid(), layout.styles(), layout.rules()).compose(issue);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
