package paiban.copy;

import org.snakeyaml.engine.v2.nodes.Node;
import paiban.core.PaibanException;
import paiban.model.Ad;
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
            "price", "plan", "ads");

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
        List<Ad> ads = readAds(f, guard, pages, photos);
        PhotoReader.decodes(photos);
        Issue issue = new Issue(dir, dir.getFileName().toString(), paper, date, number, layout, pages,
                text(f, "publisher"), text(f, "serial"), text(f, "editor"), furniture, plan, articles, ads);
        checkPlan(issue, planLines);
        missing(furniture).forEach(warnings);
        return issue;
    }

    /**
     * The advertisements of {@code ads:}, e.g.
     * <pre>
     * ads:
     *   - advertiser: 岭南农机
     *     file: ads/nongji.jpg      # JPEG (RGB or CMYK), PNG or PDF (its first page) inside the issue folder
     *     page: 2
     *     size: 半通栏               # a size named in the layout's layout.yaml, or columns x lines: 3x20
     *     position: foot            # foot (default), top, top-left, top-right, foot-left, foot-right
     * </pre>
     * Sizes are resolved against the layout in compose, which knows its grid.
     */
    private static List<Ad> readAds(YamlFields f, FolderGuard guard, Optional<Integer> pages,
                                    List<PhotoReader.Check> photos) {
        List<Ad> out = new ArrayList<>();
        int i = 0;
        for (Node n : f.list("ads")) {
            int k = ++i;
            YamlFields e = f.nested(n, "ads[" + k + "]");
            e.onlyKeys(List.of("advertiser", "file", "page", "size", "position"), " in ads[" + k + "]");
            String at = "issue.yaml:" + e.line() + ": ads[" + k + "]";
            String advertiser = e.text("advertiser").map(String::strip).filter(t -> !t.isEmpty()).orElseThrow(() ->
                    new PaibanException(at + " has no 'advertiser'; add a line 'advertiser: <who placed it>', which the "
                            + "bookmarks and text.json name"));
            String here = at + " (" + advertiser + ")";
            String file = e.text("file").map(String::strip).filter(t -> !t.isEmpty()).orElseThrow(() ->
                    new PaibanException(here + " has no 'file'; add a line 'file: ads/<image>.jpg' (a JPEG, PNG or PDF in the issue folder)"));
            Path image = guard.resolve(file, here + ", file");
            paiban.model.Photo art;
            if (file.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                // placed as drawn: its first page, imported as a form by render
                art = AdPdf.read(image, file, here + ", file");
            } else {
                PhotoReader.Header h = PhotoReader.header(image, file, here + ", file");
                // a CMYK JPEG keeps its inks in print, brought under the layout's ink limit (finish's InkLimitedCmyk)
                photos.add(new PhotoReader.Check(image, file, here + ", file"));
                art = new paiban.model.Photo(file, image, "", "", h.width(), h.height(), h.orientation());
            }
            int page = e.integer("page", 1, 200, "2").orElseThrow(() ->
                    new PaibanException(here + " has no 'page'; add a line 'page: 2', the page it is booked for"));
            if (pages.isPresent() && page > pages.get()) {
                throw new PaibanException("issue.yaml:" + e.line("page") + ": ads[" + k + "] (" + advertiser + "): page "
                        + page + " is beyond 'pages: " + pages.get() + "'; book the ad for a page the issue has");
            }
            String size = e.text("size").map(String::strip).filter(t -> !t.isEmpty()).orElseThrow(() ->
                    new PaibanException(here + " has no 'size'; add a line 'size: 半通栏' (a size the layout names) or "
                            + "'size: 3x20' (columns x grid lines)"));
            Ad.Size parsed;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,2})\\s*[x×X]\\s*([0-9]{1,3})").matcher(size);
            if (m.matches()) {
                parsed = Ad.Size.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                if (parsed.columns() < 1 || parsed.lines() < 2) {
                    throw new PaibanException("issue.yaml:" + e.line("size") + ": ads[" + k + "] (" + advertiser + "): size "
                            + Quoted.of(size) + " must be at least one column by two grid lines");
                }
            } else if (size.matches(".*[0-9].*")) {
                throw new PaibanException("issue.yaml:" + e.line("size") + ": ads[" + k + "] (" + advertiser + "): size "
                        + Quoted.of(size) + " is neither columns x grid lines (like 3x20) nor a size the layout names "
                        + "(like 半通栏)");
            } else {
                parsed = Ad.Size.named(size);
            }
            String word = e.text("position").map(String::strip).orElse("foot");
            Ad.Position position = Ad.Position.of(word).orElseThrow(() -> new PaibanException("issue.yaml:"
                    + e.line("position") + ": ads[" + k + "] (" + advertiser + "): position " + Quoted.of(word)
                    + " is not one of foot, top, top-left, top-right, foot-left, foot-right"));
            out.add(new Ad(i, e.line(), advertiser, art, page, parsed, position));
        }
        return out;
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
