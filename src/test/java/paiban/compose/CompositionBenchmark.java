package paiban.compose;

import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.model.Article;
import paiban.model.Issue;
import paiban.render.Layout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long composition (typesetting and make-up) takes, in milliseconds a page, on a range of copy shapes
 * and on every layout: generated issues ({@link FixtureIssue}) of about 4, 16, 32 and 64 pages, with how the
 * time a page grows against the 4-page issue's; copy written from the sample issue's paragraphs in other
 * shapes (many short articles in one section, a few long ones, many sections); the two issues under issues/
 * (2021-06-29 carries ads); and any issue folders given as arguments (bench/compose gives the peer set's
 * issue). Not a test: run {@code bench/compose}.
 *
 * <p>Each figure is the median of five rounds after a warm-up (three when one composition takes over two
 * seconds). It is given as CPU time, which other work on a shared machine disturbs far less than the
 * wall-clock time beside it: this thread's and the workers' (composition sets stories side by side on idle
 * workers), so the CPU figure counts all the work and the wall figure shows the gain. "cold" is the first
 * composition of the JVM, on the first layout's first issue: classes loaded, nothing compiled yet. {@code -Dlayouts=tabloid,a4} times only those
 * layouts; {@code -Dsizes=4,16} only those generated issues.
 */
public final class CompositionBenchmark {

    private static final int ROUNDS = Integer.getInteger("rounds", 5);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        System.out.printf("%s, %d cores, load average %s%n", System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        List<String> layouts = List.of(System.getProperty("layouts", String.join(",", ComposedIssues.layouts())).split(","));
        int[] sizes = Arrays.stream(System.getProperty("sizes", "4,16,32,64").split(",")).mapToInt(Integer::parseInt).toArray();
        Map<String, Path> shapes = new LinkedHashMap<>();
        for (int n : sizes) {
            shapes.put("generated, " + n + " pages", FixtureIssue.ofPages(n).write(ComposedIssues.fresh("bench-" + n), "fixture"));
        }
        Path sample = Path.of("issues/2021-06-22");
        shapes.put("60 short articles, one section", shape("short-one-section", sample, 60, 2, 1));
        shapes.put("6 long articles", shape("few-long", sample, 6, 40, 2));
        shapes.put("36 articles in 12 sections", shape("many-sections", sample, 36, 6, 12));
        shapes.put("sample 2021-06-22", sample);
        shapes.put("ads 2021-06-29", Path.of("issues/2021-06-29"));
        for (String arg : args) shapes.put(Path.of(arg).getFileName().toString(), Path.of(arg));
        Map<String, Issue> issues = new LinkedHashMap<>();
        for (var e : shapes.entrySet()) issues.put(e.getKey(), IssueReader.read(e.getValue()));

        boolean cold = true;
        for (String name : layouts) {
            Layout layout = ComposedIssues.layout(name);
            System.out.println();
            System.out.println("### " + name);
            System.out.println();
            System.out.println("| copy | pages | articles | sections | photos | typeset ms | compose ms (with typesetting) "
                    + "| ms per page, CPU | ms per page, wall | ≤ 20 ms a page | × the first row's, per page | warnings |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            double first = 0;
            for (var e : issues.entrySet()) {
                Issue issue = e.getValue();
                Row row;
                try {
                    long t0 = THREADS.getCurrentThreadCpuTime();
                    compose(layout, issue); // warm-up
                    if (cold) {
                        System.out.printf("(cold: the JVM's first composition took %.0f ms CPU)%n%n",
                                (THREADS.getCurrentThreadCpuTime() - t0) / 1e6);
                        cold = false;
                    }
                    row = time(layout, issue);
                } catch (PaibanException ex) {
                    System.out.printf("| %s | does not compose on %s: %s |%n", e.getKey(), name, ex.getMessage());
                    continue;
                }
                if (first == 0) first = row.perPage();
                if (Boolean.getBoolean("digest")) System.out.println("digest " + name + " " + e.getKey() + " " + row.digest());
                System.out.printf("| %s | %d | %d | %d | %d | %.0f | %.0f | %.1f | %.1f | %s | %.2f | %d |%n", e.getKey(),
                        row.pages(), issue.articles().size(),
                        issue.articles().stream().map(Article::section).distinct().count(), photos(issue),
                        row.typeset(), row.compose(), row.perPage(), row.wall() / row.pages(),
                        row.perPage() <= 20 ? "yes" : "NO", row.perPage() / first, row.warnings());
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Medians of the rounds: typesetting alone and the whole composition in CPU ms, the composition in wall ms. */
    private record Row(int pages, double typeset, double compose, double wall, int warnings, String digest) {
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

    /**
     * CPU time of the threads that compose, in ns: this one and the workers (composition sets stories on idle
     * workers side by side), so that spreading the work over threads does not hide it.
     */
    private static long composingCpu() {
        long sum = THREADS.getCurrentThreadCpuTime();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && t.getName().startsWith("paiban-worker-")) {
                long cpu = THREADS.getThreadCpuTime(t.threadId());
                if (cpu > 0) sum += cpu;
            }
        }
        return sum;
    }

    private static Row time(Layout layout, Issue issue) {
        int rounds = ROUNDS;
        double[] typeset = new double[ROUNDS];
        double[] total = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        Composer.Composition c = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = composingCpu(); // the workers' too, as t1 counts them: else their earlier work counts here
            for (Article a : issue.articles()) new Story(a, layout.grid(), layout.styles(), layout.rules());
            long t1 = composingCpu();
            long w1 = System.nanoTime();
            c = compose(layout, issue);
            long t2 = composingCpu();
            long w2 = System.nanoTime();
            typeset[r] = (t1 - t0) / 1e6;
            total[r] = (t2 - t1) / 1e6;
            wall[r] = (w2 - w1) / 1e6;
            if (r == 0 && total[0] > 2000) rounds = Math.min(rounds, 3);
        }
        return new Row(c.pages().size(), median(Arrays.copyOf(typeset, rounds)), median(Arrays.copyOf(total, rounds)),
                median(Arrays.copyOf(wall, rounds)), c.warnings().size(), digest(c));
    }

    /**
     * A fingerprint of what composition placed: every module's place, kind and article, every line's position
     * and characters, every photo's frame, and the warnings. With {@code -Ddigest=true} the benchmark prints it
     * for each issue, so that a change meant to make composition faster can show it changed no result.
     */
    static String digest(Composer.Composition c) {
        StringBuilder sb = new StringBuilder();
        for (Page p : c.pages()) {
            sb.append("page ").append(p.number()).append(p.sections()).append('\n');
            for (Module m : p.modules()) {
                sb.append(m.slug()).append(' ').append(m.kind()).append(' ').append(m.column()).append(' ').append(m.span())
                        .append(' ').append(m.line()).append(' ').append(m.lines()).append(' ').append(m.box()).append('\n');
                for (PlacedLine l : m.text()) {
                    sb.append(l.x()).append(',').append(l.baseline()).append(' ').append(l.kind()).append(' ');
                    for (paiban.typeset.Glyph g : l.line().glyphs()) sb.appendCodePoint(g.codePoint()).append(g.x()).append(';');
                    sb.append('\n');
                }
                for (PlacedPhoto ph : m.photos()) sb.append(ph.photo().name()).append(' ').append(ph.x()).append(',')
                        .append(ph.y()).append(' ').append(ph.width()).append('x').append(ph.height()).append('\n');
            }
        }
        sb.append(c.warnings());
        return paiban.core.Digests.sha256Hex(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
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
