package paiban.compose;

import paiban.copy.IssueReader;
import paiban.model.Article;
import paiban.model.Issue;
import paiban.render.Layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long composition takes for issues of about 4, 16 and 32 pages of generated copy ({@link FixtureIssue}),
 * and whether the time grows no faster than the page count; then on other copy shapes (many short
 * articles in one section, a few long ones, many sections, written from the sample issue's paragraphs)
 * and on any issue folders given as arguments (bench/compose gives the peer set's issue). Not a test:
 * run {@code bench/compose}. The typesetting of the stories is timed apart (composition sets each story
 * once, before placing it); each figure is the median of five rounds after a warm-up (three when one
 * composition takes over two seconds).
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
            Row row = time(layout, issue);
            if (i == 0) first = row.perPage();
            System.out.printf("| %d | %d | %d | %.0f | %.0f | %.1f (%.2f× the %d-page issue's) | %d |%n", row.pages(),
                    issue.articles().size(), photos(issue), row.typeset(), row.compose(), row.perPage(),
                    row.perPage() / first, sizes[0], row.warnings());
        }

        Map<String, Path> shapes = new LinkedHashMap<>();
        Path sample = Path.of("issues/2021-06-22");
        shapes.put("60 short articles, one section", shape("short-one-section", sample, 60, 2, 1));
        shapes.put("6 long articles", shape("few-long", sample, 6, 40, 2));
        shapes.put("36 articles in 12 sections", shape("many-sections", sample, 36, 6, 12));
        for (String arg : args) {
            Path dir = Path.of(arg);
            shapes.put(dir.getFileName().toString(), dir);
        }
        System.out.println();
        System.out.println("| copy | pages | articles | sections | photos | typeset ms | compose ms (with typesetting) "
                + "| compose ms per page | ≤ 20 ms a page | warnings |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (var e : shapes.entrySet()) {
            Issue issue = IssueReader.read(e.getValue());
            compose(layout, issue); // warm-up
            Row row = time(layout, issue);
            System.out.printf("| %s | %d | %d | %d | %d | %.0f | %.0f | %.1f | %s | %d |%n", e.getKey(), row.pages(),
                    issue.articles().size(), issue.articles().stream().map(Article::section).distinct().count(),
                    photos(issue), row.typeset(), row.compose(), row.perPage(), row.perPage() <= 20 ? "yes" : "NO",
                    row.warnings());
        }
    }

    private record Row(int pages, double typeset, double compose, int warnings) {
        double perPage() {
            return compose / pages;
        }
    }

    private static int photos(Issue issue) {
        return issue.articles().stream().mapToInt(a -> a.photos().size()).sum();
    }

    /**
     * An issue folder of {@code articles} articles of {@code paragraphs} paragraphs each, in {@code sections}
     * sections, the paragraphs taken in turn from the sample issue's articles; every third article has the
     * sample's first photo.
     */
    private static Path shape(String name, Path sample, int articles, int paragraphs, int sections) {
        try {
            List<String> source = new ArrayList<>();
            Path photo = null;
            try (var files = Files.list(sample.resolve("articles"))) {
                for (Path f : files.sorted().toList()) {
                    String text = Files.readString(f);
                    String body = text.substring(text.indexOf("---", 3) + 3);
                    for (String para : body.split("\n\\s*\n")) if (para.strip().length() > 20) source.add(para.strip());
                }
            }
            try (var files = Files.list(sample.resolve("photos"))) {
                photo = files.sorted().findFirst().orElse(null);
            }
            Path dir = ComposedIssues.fresh("shape-" + name).resolve("2021-06-22");
            Files.createDirectories(dir.resolve("articles"));
            Files.createDirectories(dir.resolve("photos"));
            Files.writeString(dir.resolve("issue.yaml"), "paper: 广东科技报\ndate: 2021-06-22\nnumber: 2548\nlayout: tabloid\n");
            if (photo != null) Files.copy(photo, dir.resolve("photos/p" + extension(photo)));
            int next = 0;
            String[] names = {"要闻", "科普", "健康", "农村", "教育", "环境", "科创", "生活", "文化", "体育", "国际", "专题"};
            for (int i = 0; i < articles; i++) {
                StringBuilder md = new StringBuilder("---\ntitle: 第" + (i + 1) + "篇稿件的标题\n")
                        .append("section: ").append(names[i % sections % names.length]).append('\n');
                if (photo != null && i % 3 == 0) {
                    md.append("photos:\n  - file: photos/p").append(extension(photo)).append("\n    caption: 图片说明。\n");
                }
                md.append("---\n\n");
                for (int k = 0; k < paragraphs; k++) md.append(source.get(next++ % source.size())).append("\n\n");
                Files.writeString(dir.resolve(String.format("articles/a%03d.md", i)), md);
            }
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        return n.substring(n.lastIndexOf('.'));
    }

    private static Row time(Layout layout, Issue issue) {
        {
            int rounds = ROUNDS;
            double[] typeset = new double[ROUNDS];
            double[] total = new double[ROUNDS];
            Composer.Composition c = null;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (Article a : issue.articles()) new Story(a, layout.grid(), layout.styles(), layout.rules());
                long t1 = System.nanoTime();
                c = compose(layout, issue);
                long t2 = System.nanoTime();
                typeset[r] = (t1 - t0) / 1e6;
                total[r] = (t2 - t1) / 1e6;
                if (r == 0 && total[0] > 2000) rounds = 3;
            }
            return new Row(c.pages().size(), median(Arrays.copyOf(typeset, rounds)),
                    median(Arrays.copyOf(total, rounds)), c.warnings().size());
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
