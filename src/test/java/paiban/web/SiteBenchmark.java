package paiban.web;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import paiban.Pipeline;
import paiban.compose.Composer;
import paiban.copy.IssueReader;
import paiban.model.Issue;
import paiban.render.Layout;
import paiban.render.LayoutLoader;
import paiban.typeset.FontBook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The back catalogue at a weekly's ten years: ~520 generated issues of ~19,000 characters each (10 million in
 * all), through the real composition and web edition, then {@code paiban site}'s build time, a one-issue
 * addition, the search index's size and how much of it a search downloads, and search time in chromium.
 * Not a test: run {@code bench/site}. The generated issues are kept in target/bench-site/ and made again only
 * when missing; page pictures are stand-ins (rendering 4,000 pages is the build's cost, not the catalogue's).
 */
public final class SiteBenchmark {

    private static final Random RANDOM = new Random(14);

    public static void main(String[] args) throws Exception {
        boolean searchOnly = List.of(args).contains("--search-only");
        int issues = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 520;
        Path work = Pipeline.home().resolve("target/bench-site");
        Path out = work.resolve("out");
        System.out.printf(Locale.ROOT, "%s, %d cores; %d issues%n", "Java " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(), issues);
        long chars = generate(work, out, issues + 1);
        System.out.printf(Locale.ROOT, "copy: %,d characters in %d issues%n", chars, issues + 1);

        List<Path> all;
        try (Stream<Path> s = Files.list(out)) {
            all = s.filter(Files::isDirectory).sorted().toList();
        }
        Path site = work.resolve("site");
        if (searchOnly && Files.isDirectory(site)) {
            Files.copy(Pipeline.home().resolve("layouts/tabloid/web/" + CatalogueSite.SEARCH_SCRIPT),
                    site.resolve(CatalogueSite.SEARCH_SCRIPT), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            sizes(site);
            searches(site);
            return;
        }
        WebEdition.deleteTree(site);
        Path pagefind = CatalogueSite.pagefind(Pipeline.home());
        CatalogueSite cat = new CatalogueSite(site, Pipeline.home().resolve("layouts/tabloid"), pagefind, m -> { });
        long t0 = System.nanoTime();
        cat.build(all.subList(0, issues));
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "full build, %d issues: %.1f s%n", issues, (t1 - t0) / 1e9);
        long t2 = System.nanoTime();
        CatalogueSite.Report added = cat.build(List.of(all.get(issues)));
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "adding one issue: %.1f s (re-indexed %s)%n", (t3 - t2) / 1e9, added.yearsIndexed());
        long t4 = System.nanoTime();
        cat.build(all);
        System.out.printf(Locale.ROOT, "again, nothing changed: %.1f s%n", (System.nanoTime() - t4) / 1e9);

        sizes(site);
        searches(site);
    }

    /** Sizes of the search index: all of it, per year, and its largest files. */
    private static void sizes(Path site) throws IOException {
        long total = 0, biggest = 0, files = 0, meta = 0;
        try (Stream<Path> walk = Files.walk(site.resolve("pagefind"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                long n = Files.size(f);
                total += n;
                files++;
                String name = f.getFileName().toString();
                if (name.endsWith(".pf_meta")) meta += n;
                if (name.endsWith(".pf_index") || name.endsWith(".pf_fragment")) biggest = Math.max(biggest, n);
            }
        }
        long siteBytes;
        try (Stream<Path> walk = Files.walk(site)) {
            siteBytes = walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "index: %.1f MB in %d files; metadata of all years %.0f KB; largest shard %.0f KB; whole site %.0f MB%n",
                total / 1e6, files, meta / 1e3, biggest / 1e3, siteBytes / 1e6);
    }

    /**
     * Searches in chromium over a static server: time to the first page of results (20 articles holding the
     * phrase) and to the last candidate looked at, and what the server sent for each (the search engine's
     * code and wasm once, for the first search).
     */
    private static void searches(Path site) throws IOException {
        List<String> phrases = List.of("科普", "科普", "量子通信", "乡村振兴", "协扎", "病虫害防治技术");
        try (StaticServer server = new StaticServer(site); Browser b = Browser.open(1000, 1000)) {
            System.out.println();
            System.out.println("| phrase | Pagefind's candidates | articles holding it | first page ms | first page KB (requests) "
                    + "| every candidate ms | every candidate KB |");
            System.out.println("|---|---|---|---|---|---|---|");
            boolean first = true;
            for (String q : phrases) {
                b.driver.get(server.url("search.html"));
                long bytes0 = server.bytes(), requests0 = server.requests();
                long start = System.nanoTime();
                b.driver.findElement(By.cssSelector("input[name=q]")).sendKeys(q);
                b.driver.findElement(By.cssSelector("form.search button")).click();
                WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(600));
                // "找到 N 篇…" when every candidate was looked at, "已列出 N 篇…" when a page is full
                wait.until(d -> d.findElement(By.id("search-status")).getText().contains("篇"));
                long firstPage = System.nanoTime();
                long bytes1 = server.bytes(), requests1 = server.requests();
                String candidates = b.driver.findElement(By.id("search-status")).getAttribute("data-candidates");
                // listing all 8,000 articles with 科普 takes minutes of fragment loading, and no reader pages that far
                boolean all = Integer.parseInt(candidates) <= 4000;
                while (all && b.driver.findElement(By.id("more")).isDisplayed()) {
                    b.driver.findElement(By.id("more")).click();
                    wait.until(d -> "true".equals(d.findElement(By.id("search-status")).getAttribute("data-done"))
                            || d.findElement(By.id("more")).isDisplayed());
                }
                long allDone = System.nanoTime();
                int found = b.driver.findElements(By.cssSelector("#results li")).size();
                System.out.printf(Locale.ROOT, "| %s%s | %s | %s | %.0f | %.0f (%d) | %s | %s |%n", q,
                        first ? " (first search: loads the engine)" : q.equals("科普") ? " (again)" : "", candidates,
                        all ? String.valueOf(found) : "≥ " + found, (firstPage - start) / 1e6, (bytes1 - bytes0) / 1e3,
                        requests1 - requests0, all ? String.format(Locale.ROOT, "%.0f", (allDone - start) / 1e6) : "–",
                        all ? String.format(Locale.ROOT, "%.0f", (server.bytes() - bytes0) / 1e3) : "–");
                first = false;
            }
        }
    }

    /**
     * Writes {@code count} weekly issues' output folders under {@code out} (once): copy composed and made
     * into the web edition by paiban's own code, text.json's catalogue fields, stand-in page pictures.
     *
     * @return the characters of copy
     */
    private static long generate(Path work, Path out, int count) throws IOException {
        Path done = work.resolve("generated-" + count);
        List<String> clauses = clauses();
        if (Files.isRegularFile(done)) return Long.parseLong(Files.readString(done).strip());
        WebEdition.deleteTree(work);
        Files.createDirectories(out);
        Layout layout = LayoutLoader.load(Pipeline.home().resolve("layouts"), "tabloid", FontBook.of(Pipeline.home().resolve("fonts")));
        byte[] preview = Files.readAllBytes(BuiltIssues.sample().resolve("previews/01.png"));
        byte[] thumb = Files.readAllBytes(BuiltIssues.sample().resolve("previews/thumbs/01.png"));
        long chars = 0;
        LocalDate date = LocalDate.of(2016, 1, 5);
        String[] sections = {"要闻", "科普", "农村", "健康"};
        for (int i = 0; i < count; i++, date = date.plusWeeks(1)) {
            Path folder = work.resolve("issues/" + date);
            Files.createDirectories(folder.resolve("articles"));
            Files.writeString(folder.resolve("issue.yaml"), "paper: 广东科技报\ndate: " + date + "\nnumber: " + (2000 + i)
                    + "\nlayout: tabloid\n", StandardCharsets.UTF_8);
            for (int a = 0; a < 16; a++) {
                StringBuilder body = new StringBuilder("本报讯　");
                int paragraphs = 3 + RANDOM.nextInt(4);
                int target = 1000 + RANDOM.nextInt(400);
                while (body.length() < target) {
                    body.append(clauses.get(RANDOM.nextInt(clauses.size())));
                    body.append(RANDOM.nextInt(3) == 0 ? "。" : "，");
                    if (RANDOM.nextInt(target / paragraphs / 12 + 1) == 0) body.append("。\n\n");
                }
                body.append("。\n");
                String text = body.toString().replace("，。", "。").replace("。。", "。");
                chars += text.codePointCount(0, text.length());
                String title = clauses.get(RANDOM.nextInt(clauses.size()));
                Files.writeString(folder.resolve("articles/a" + a + ".md"), "---\ntitle: " + title + "\nsection: "
                        + sections[a % sections.length] + "\npriority: " + (1 + a % 5) + "\n---\n" + text, StandardCharsets.UTF_8);
            }
            Issue issue = IssueReader.read(folder);
            Composer.Composition c = new Composer(layout.grid(), layout.styles(), layout.rules()).compose(issue);
            Path o = out.resolve(issue.id());
            Files.createDirectories(o.resolve("previews/thumbs"));
            StringBuilder pages = new StringBuilder();
            for (var p : c.pages()) {
                Files.write(o.resolve(WebEdition.previewFile(p.number())), preview);
                Files.write(o.resolve(WebEdition.thumbFile(p.number())), thumb);
                pages.append(pages.isEmpty() ? "" : ",").append("{\"page\":").append(p.number()).append('}');
            }
            Files.writeString(o.resolve("text.json"), "{\"paper\":\"广东科技报\",\"date\":\"" + date + "\",\"number\":"
                    + issue.number() + ",\"pages\":[" + pages + "],\"articles\":[]}\n");
            WebEdition.write(issue, layout, c.pages(), o);
            if (i % 50 == 0) System.out.printf(Locale.ROOT, "generated %d issues%n", i);
        }
        Files.writeString(done, chars + "\n");
        return chars;
    }

    /** Clauses of real copy, the sample issue's, to recombine: the characters and words of a newspaper. */
    private static List<String> clauses() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Pipeline.home().resolve("issues/2021-06-22/articles"))) {
            for (Path f : files.sorted().toList()) {
                String body = Files.readString(f).split("---", 3)[2];
                for (String c : body.split("[，。；：！？\\s]+")) {
                    String t = c.replaceAll("[#*“”《》（）()、]", "").strip();
                    if (t.length() >= 4 && t.length() <= 24) out.add(t);
                }
            }
        }
        out.addAll(List.of("广州建成新一代量子通信试验网", "乡村振兴战略深入实施", "专家讲解病虫害防治技术要点"));
        return out;
    }

}
