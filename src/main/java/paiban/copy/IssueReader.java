package paiban.copy;

import org.snakeyaml.engine.v2.nodes.Node;
import paiban.core.PaibanException;
import paiban.model.Article;
import paiban.model.Furniture;
import paiban.model.Issue;
import paiban.model.PlanPage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads an issue folder: issue.yaml, articles/*.md and the photos they name.
 * Every error names the file, the line or field, and the article.
 */
public final class IssueReader {

    /**
     * Every key issue.yaml may hold; any other is refused, since a misspelt 'suppervisor' would
     * otherwise leave the nameplate short in silence.
     */
    static final List<String> KEYS = List.of("paper", "date", "number", "layout", "pages", "publisher", "serial",
            "editor", "cn", "postal-code", "supervisor", "sponsor", "lunar-date", "address", "telephone", "printer",
            "price", "plan");

    private IssueReader() {
    }

    /**
     * What the rules require in the nameplate and the 报尾 that issue.yaml lacks, one message per key,
     * read as {@link #read} reads it but without the articles: {@code paiban build --strict} refuses
     * the issue on these before anything is built.
     */
    public static List<String> missingFurniture(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        YamlFields f = issueYaml(folder, dir).fields();
        f.onlyKeys(KEYS, " in issue.yaml");
        return missing(furniture(f));
    }

    private static List<String> missing(Furniture furniture) {
        return furniture.missing().stream()
                .map(r -> "issue.yaml: the field '" + r.key + "' is missing; the rules for newspapers require the "
                        + r.what + " on the page: add a line '" + r.key + ": " + r.example + "'")
                .toList();
    }

    /** The publication data, each registration number checked for its form. */
    private static Furniture furniture(YamlFields f) {
        String cn = text(f, "cn");
        if (!cn.isEmpty() && !cn.matches("CN ?[0-9]{2}-[0-9]{4}/[A-Z][A-Z0-9.]{0,4}")) {
            // GB/T 9999.2: CN, the two-digit region code, a four-digit number, then the 中图法 class
            throw new PaibanException("issue.yaml:" + f.line("cn") + ": the field 'cn' must be a 国内统一连续出版物号 "
                    + "like 'CN 44-0012/N' (CN, the region's two digits, '-', four digits, '/', the class letter), found "
                    + Quoted.of(cn) + "; write it like 'cn: CN 44-0012/N'");
        }
        String postal = text(f, "postal-code");
        if (!postal.isEmpty() && !postal.matches("[0-9]{1,2}-[0-9]{1,4}")) {
            throw new PaibanException("issue.yaml:" + f.line("postal-code") + ": the field 'postal-code' must be a "
                    + "邮发代号 like '45-29' (the province's number, '-', the paper's), found " + Quoted.of(postal)
                    + "; write it like 'postal-code: 45-29'");
        }
        return new Furniture(cn, postal, text(f, "supervisor"), text(f, "sponsor"), f.flag("lunar-date").orElse(false),
                text(f, "address"), text(f, "telephone"), text(f, "printer"), text(f, "price"));
    }

    private static String text(YamlFields f, String key) {
        return f.text(key).orElse("").strip();
    }

    /**
     * The layout issue.yaml names, read and checked as {@link #read} does (the same located errors)
     * but without the articles: for what must know the layout before the copy is read, such as
     * loading it early or telling whether a build is up to date.
     */
    public static String layout(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        return layout(issueYaml(folder, dir).fields());
    }

    private record IssueYaml(FolderGuard guard, YamlFields fields) {
    }

    private static IssueYaml issueYaml(Path folder, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PaibanException(folder + ": no such issue folder; give the path of a folder holding issue.yaml");
        }
        Path yaml = dir.resolve("issue.yaml");
        if (!Files.isRegularFile(yaml)) {
            throw new PaibanException(folder + "/issue.yaml: the file is missing; every issue folder needs one "
                    + "with paper, date, number and layout");
        }
        FolderGuard guard = new FolderGuard(dir);
        guard.resolve("issue.yaml", "issue.yaml");
        return new IssueYaml(guard, YamlFields.parse("issue.yaml", 0, ArticleReader.readUtf8(yaml, "issue.yaml")));
    }

    private static String layout(YamlFields f) {
        String layout = f.requiredText("layout", "a folder name under layouts/, e.g. tabloid");
        if (!layout.matches("[A-Za-z0-9_-]+")) {
            // a layout is a name, never a path: 'layout: ../../etc' must not lead the renderer out of layouts/
            throw new PaibanException("issue.yaml:" + f.line("layout") + ": the field 'layout' must be the name of "
                    + "a folder under layouts/ (letters, digits, '-' and '_'), found " + Quoted.of(layout)
                    + "; write it like 'layout: tabloid'");
        }
        return layout;
    }

    /** Reads the issue; its warnings go to stderr. The build passes its own sink instead. */
    public static Issue read(Path folder) {
        return read(folder, w -> System.err.println("warning: " + w));
    }

    /**
     * Reads the issue.
     *
     * @param warnings hears what is wrong with the copy but does not stop the build, e.g.
     *                 "articles/a.md:4: unknown field 'titel' is ignored (known: ...)"
     */
    public static Issue read(Path folder, Consumer<String> warnings) {
        Path dir = folder.toAbsolutePath().normalize();
        IssueYaml yaml = issueYaml(folder, dir);
        FolderGuard guard = yaml.guard();
        YamlFields f = yaml.fields();
        f.onlyKeys(KEYS, " in issue.yaml");
        String paper = f.requiredText("paper", "the masthead name");
        var date = f.date("date").orElseThrow(() -> f.missing("date", "YYYY-MM-DD"));
        int number = f.integer("number", 1, 1_000_000, "1024")
                .orElseThrow(() -> f.missing("number", "the running issue number"));
        String layout = layout(f);
        Optional<Integer> pages = f.integer("pages", 1, 200, "8");
        Map<String, Integer> planLines = new HashMap<>();
        List<PlanPage> plan = readPlan(f, planLines);
        Furniture furniture = furniture(f);

        List<Article> articles = new ArrayList<>();
        Path articleDir = dir.resolve("articles");
        if (!Files.isDirectory(articleDir)) {
            throw new PaibanException(folder + "/articles: the folder is missing; put one .md file per article in it");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(articleDir)) {
            // hidden files are not copy: '._x.md' is macOS metadata left on a USB stick, '.#x.md' an editor's lock
            files = s.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new PaibanException(folder + "/articles: the folder cannot be listed (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) {
            throw new PaibanException(folder + "/articles: no .md articles found; put one .md file per article in it");
        }
        List<PhotoReader.Check> photos = new ArrayList<>();
        for (Path file : files) {
            String name = "articles/" + file.getFileName();
            guard.resolve(name, name);
            articles.add(ArticleReader.read(file, guard, "要闻", photos, warnings));
        }
        PhotoReader.decodes(photos);
        Issue issue = new Issue(dir, dir.getFileName().toString(), paper, date, number, layout, pages,
                text(f, "publisher"), text(f, "serial"), text(f, "editor"), furniture, plan, articles);
        checkPlan(issue, planLines);
        missing(furniture).forEach(warnings);
        return issue;
    }

    /**
     * @param lines filled with the line of each entry ("3") and of each placement in it ("3/2"),
     *              so that {@link #checkPlan} can point at the line that is wrong
     */
    private static List<PlanPage> readPlan(YamlFields f, Map<String, Integer> lines) {
        List<PlanPage> plan = new ArrayList<>();
        int i = 0;
        for (Node n : f.list("plan")) {
            i++;
            String at = "plan[" + i + "]";
            YamlFields e = f.nested(n, at);
            lines.put(String.valueOf(i), e.line());
            int page = e.integer("page", 1, 200, "2").orElseThrow(() -> new PaibanException(
                    "issue.yaml:" + e.line() + ": " + at + " has no 'page'; add a line 'page: 2' to the entry"));
            List<PlanPage.Placement> placements = new ArrayList<>();
            int j = 0;
            for (Node a : e.list("articles")) {
                j++;
                lines.put(i + "/" + j, YamlFields.line(a, 0));
                if (YamlFields.isScalar(a)) {
                    placements.add(new PlanPage.Placement(e.scalar(a, at + " article").strip(), Optional.empty()));
                } else {
                    YamlFields p = e.nested(a, at + " article");
                    String slug = p.text("article").map(String::strip).orElseThrow(() -> new PaibanException(
                            "issue.yaml:" + p.line() + ": " + at + ": an entry needs 'article: <file name without .md>'"));
                    placements.add(new PlanPage.Placement(slug, p.integer("columns", 1, 50, "3")));
                }
            }
            plan.add(new PlanPage(i, page, e.text("section").map(String::strip), placements));
        }
        return plan;
    }

    /** Plan entries must name real articles, each once, and pages once each. Spans are checked in compose. */
    private static void checkPlan(Issue issue, Map<String, Integer> lines) {
        Map<String, PlanPage> placed = new HashMap<>();
        Map<Integer, PlanPage> planned = new HashMap<>();
        for (PlanPage p : issue.plan()) {
            String at = "issue.yaml:" + lines.get(String.valueOf(p.entry())) + ": plan[" + p.entry() + "]";
            PlanPage earlier = planned.putIfAbsent(p.page(), p);
            if (earlier != null) {
                throw new PaibanException(at + ": page " + p.page() + " is already planned in plan[" + earlier.entry()
                        + "]; merge the two entries into one");
            }
            if (issue.pages().isPresent() && p.page() > issue.pages().get()) {
                throw new PaibanException(at + ": page " + p.page() + " is beyond 'pages: " + issue.pages().get()
                        + "'; raise 'pages' or plan a lower page");
            }
            int j = 0;
            for (PlanPage.Placement a : p.articles()) {
                j++;
                String here = "issue.yaml:" + lines.get(p.entry() + "/" + j) + ": plan[" + p.entry() + "] (page "
                        + p.page() + ")";
                if (issue.article(a.article()).isEmpty()) {
                    throw new PaibanException(here + ": there is no article " + Quoted.of(a.article())
                            + "; name an article by its file name under articles/ without .md (the articles are "
                            + known(issue) + ")");
                }
                PlanPage first = placed.putIfAbsent(a.article(), p);
                if (first != null) {
                    throw new PaibanException(here + ": article '" + a.article() + "' is already placed in plan["
                            + first.entry() + "] (page " + first.page() + "); place each article once");
                }
            }
        }
    }

    private static String known(Issue issue) {
        List<String> slugs = issue.articles().stream().map(Article::slug).toList();
        return slugs.size() <= 12 ? String.join(", ", slugs)
                : String.join(", ", slugs.subList(0, 12)) + " and " + (slugs.size() - 12) + " more";
    }
}
