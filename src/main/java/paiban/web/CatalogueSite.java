package paiban.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Element;
import paiban.core.Digests;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code paiban site}: gathers built issues' web editions into one static back catalogue.
 *
 * <pre>
 * SITE/index.html              the years and months, with a search box
 * SITE/search.html, search.js  full-text search in the browser (Pagefind's index, no server code)
 * SITE/YYYY/index.html         the year's issues by month, each with its page 1 as a thumbnail
 * SITE/YYYY/&lt;id&gt;/web/         the issue's web edition, with its previews/ and text.json beside it
 * SITE/pagefind/YYYY/          the year's search index, in shards the browser loads as a search needs them
 * </pre>
 *
 * <p>Incremental: an issue is copied again only when its files changed (by a manifest of names, sizes and
 * times), and only the years that gained or changed an issue have their page and their search index made
 * again; the index is cut by year so that adding this week's issue re-indexes one year, not ten.
 * A site keeps the issues it has: giving only the new issue adds it.
 */
public final class CatalogueSite {

    /** The catalogue's frame, beside the web edition's in the layout's web/ folder. */
    static final String FRAME = "catalogue.xhtml";
    static final String SEARCH_SCRIPT = "search.js";
    private static final String MANIFEST = ".paiban-manifest";

    /** What a run did. */
    public record Report(int copied, int unchanged, List<Integer> yearsIndexed, int issues) {
    }

    /** One issue in the catalogue, from its text.json. */
    record Entry(String id, String paper, LocalDate date, int number, int pages, int articles) {
        int year() {
            return date.getYear();
        }
    }

    private final Path site;
    private final WebLayout look;
    private final Path pagefind;
    private final Consumer<String> log;

    /**
     * @param layoutFolder the layout whose web/ folder gives the catalogue's look
     * @param pagefind     the pagefind_extended binary
     */
    public CatalogueSite(Path site, Path layoutFolder, Path pagefind, Consumer<String> log) {
        this.site = site.toAbsolutePath().normalize();
        this.look = WebLayout.load(layoutFolder, FRAME);
        this.pagefind = pagefind;
        this.log = log;
    }

    /** Adds (or refreshes) the built issues found in {@code outs} and remakes what they changed. */
    public Report build(List<Path> outs) {
        List<Path> issues = issueFolders(outs);
        if (issues.isEmpty()) {
            throw new PaibanException(outs + ": no built issue found (an issue's output folder has text.json and web/; "
                    + "build it with the web edition)");
        }
        try {
            Files.createDirectories(site);
            TreeSet<Integer> changedYears = new TreeSet<>();
            int copied = 0;
            for (Path issue : issues) {
                Entry e = read(issue.resolve("text.json"));
                Path target = site.resolve(String.valueOf(e.year())).resolve(issue.getFileName().toString());
                String manifest = manifest(issue);
                Path stamp = target.resolve(MANIFEST);
                if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(manifest)) continue;
                copyIssue(issue, target, manifest);
                changedYears.add(e.year());
                copied++;
            }
            Map<Integer, List<Entry>> years = catalogue();
            for (int year : years.keySet()) {
                if (!Files.isRegularFile(site.resolve(year + "/index.html"))
                        || !Files.isDirectory(site.resolve("pagefind/" + year))) changedYears.add(year);
            }
            for (int year : changedYears) {
                write(site.resolve(year + "/index.html"), yearPage(year, years.get(year)));
                index(year);
            }
            Files.write(site.resolve(WebLayout.CSS), look.css());
            Files.copy(look.folder().resolve(SEARCH_SCRIPT), site.resolve(SEARCH_SCRIPT), StandardCopyOption.REPLACE_EXISTING);
            write(site.resolve("index.html"), homePage(years));
            write(site.resolve("search.html"), searchPage(years));
            int total = years.values().stream().mapToInt(List::size).sum();
            return new Report(copied, issues.size() - copied, List.copyOf(changedYears), total);
        } catch (IOException e) {
            throw new PaibanException(site + ": cannot write the catalogue (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The pagefind_extended binary (the build that segments Chinese): $PAIBAN_PAGEFIND, else the one the
     * launcher installed under {@code home} from tools/pagefind/package-lock.json.
     */
    public static Path pagefind(Path home) {
        String env = System.getenv("PAIBAN_PAGEFIND");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path scoped = home.resolve("tools/pagefind/node_modules/@pagefind");
        if (Files.isDirectory(scoped)) {
            try (Stream<Path> dirs = Files.list(scoped)) {
                for (Path d : dirs.sorted().toList()) {
                    Path bin = d.resolve("bin/pagefind_extended");
                    if (Files.isExecutable(bin)) return bin;
                }
            } catch (IOException e) {
                throw new PaibanException(scoped + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        throw new PaibanException("Pagefind is not installed under " + home.resolve("tools/pagefind")
                + "; ./paiban installs it, or run: npm ci --prefix tools/pagefind");
    }

    /** Issue output folders: those given, and those inside the folders given (an out/ root). */
    static List<Path> issueFolders(List<Path> outs) {
        List<Path> found = new ArrayList<>();
        for (Path p : outs) {
            if (isIssue(p)) {
                found.add(p);
                continue;
            }
            if (!Files.isDirectory(p)) throw new PaibanException(p + ": not a folder");
            try (Stream<Path> kids = Files.list(p)) {
                kids.filter(CatalogueSite::isIssue).sorted().forEach(found::add);
            } catch (IOException e) {
                throw new PaibanException(p + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return found;
    }

    private static boolean isIssue(Path p) {
        return Files.isRegularFile(p.resolve("text.json")) && Files.isRegularFile(p.resolve("web/index.html"));
    }

    private static Entry read(Path textJson) {
        try {
            JsonNode n = new ObjectMapper().readTree(textJson.toFile());
            return new Entry(textJson.getParent().getFileName().toString(), n.path("paper").asText(),
                    LocalDate.parse(n.path("date").asText()), n.path("number").asInt(), n.path("pages").size(),
                    n.path("articles").size());
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new PaibanException(textJson + ": cannot be read as paiban's text.json (" + e.getMessage() + ")");
        }
    }

    /** What an issue's site copy is made from: every file's name, size and time, so a rebuilt issue differs. */
    private static String manifest(Path issue) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path f : sourceFiles(issue)) {
            sb.append(issue.relativize(f)).append(' ').append(Files.size(f)).append(' ')
                    .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
        }
        return Digests.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    /** text.json, web/ and previews/ (the pictures web/ shows); the PDFs stay where the build put them. */
    private static List<Path> sourceFiles(Path issue) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(issue.resolve("text.json"));
        for (String dir : List.of(WebEdition.FOLDER, "previews")) {
            Path d = issue.resolve(dir);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> walk = Files.walk(d)) {
                walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Places an issue beside its final place and swaps it in, so a reader never sees half of it. */
    private static void copyIssue(Path issue, Path target, String manifest) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".part");
        WebEdition.deleteTree(temp);
        for (Path f : sourceFiles(issue)) {
            Path to = temp.resolve(issue.relativize(f).toString());
            Files.createDirectories(to.getParent());
            place(f, to);
        }
        Files.writeString(temp.resolve(MANIFEST), manifest);
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        WebEdition.deleteTree(old);
        if (Files.exists(target)) Files.move(target, old);
        Files.move(temp, target);
        WebEdition.deleteTree(old);
    }

    /**
     * A hard link where the site and the build share a file system, else a copy. A build replaces its files
     * (a new file moved into place), never rewrites one, so the link keeps the old content until the next
     * run sees the change and links the new file: a page picture is stored once, not twice.
     */
    private static void place(Path from, Path to) throws IOException {
        try {
            Files.deleteIfExists(to);
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Every issue the site holds, by year, in date order. */
    private Map<Integer, List<Entry>> catalogue() throws IOException {
        Map<Integer, List<Entry>> years = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(site)) {
            for (Path y : dirs.filter(d -> d.getFileName().toString().matches("\\d{4}")).sorted().toList()) {
                try (Stream<Path> issues = Files.list(y)) {
                    for (Path i : issues.filter(d -> Files.isRegularFile(d.resolve("text.json"))
                            && !d.getFileName().toString().startsWith(".")).toList()) {
                        years.computeIfAbsent(Integer.parseInt(y.getFileName().toString()), k -> new ArrayList<>())
                                .add(read(i.resolve("text.json")));
                    }
                }
            }
        }
        years.values().forEach(l -> l.sort(Comparator.comparing(Entry::date).thenComparing(Entry::id)));
        return years;
    }

    /** Runs Pagefind over one year's articles into pagefind/YYYY/, made aside and swapped in. */
    private void index(int year) throws IOException {
        if (!Files.isExecutable(pagefind)) {
            throw new PaibanException(pagefind + ": Pagefind is not installed; ./paiban installs it (npm ci --prefix tools/pagefind)");
        }
        Path part = site.resolve("pagefind/." + year + ".part");
        Path target = site.resolve("pagefind/" + year);
        WebEdition.deleteTree(part);
        Files.createDirectories(part.getParent());
        List<String> cmd = List.of(pagefind.toString(), "--site", site.toString(), "--glob",
                year + "/[0-9A-Za-z]*/web/articles/*.html", "--output-subdir", site.relativize(part).toString(), "--quiet");
        Path logFile = Files.createTempFile(site, ".paiban-pagefind-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            int code = p.waitFor();
            if (code != 0) {
                throw new PaibanException("pagefind failed indexing " + year + " (exit " + code + "): "
                        + Files.readString(logFile).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaibanException("interrupted while indexing " + year);
        } finally {
            Files.deleteIfExists(logFile);
        }
        Path old = site.resolve("pagefind/." + year + ".old");
        WebEdition.deleteTree(old);
        if (Files.exists(target)) Files.move(target, old);
        Files.move(part, target);
        WebEdition.deleteTree(old);
        log.accept("indexed " + year);
    }

    private Map<String, String> fields(String title, String paper) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("paper", paper);
        return f;
    }

    private static String paperOf(Map<Integer, List<Entry>> years) {
        return years.isEmpty() ? "" : years.values().stream().reduce((a, b) -> b).orElseThrow().getLast().paper();
    }

    private String homePage(Map<Integer, List<Entry>> years) {
        String paper = paperOf(years);
        WebLayout.Sheet s = look.sheet(fields(paper + " · 往期", paper), "");
        Element main = s.content();
        s.add(main, "h1", "catalogue-title", paper + " 往期");
        searchForm(s, main, "");
        for (int year : years.keySet().stream().sorted(Comparator.reverseOrder()).toList()) {
            Element sec = s.add(main, "section", "year");
            Element h = s.add(sec, "h2", null);
            s.link(h, year + "/index.html", null, year + "年");
            Element months = s.add(sec, "ul", "months");
            TreeMap<Integer, Integer> count = new TreeMap<>();
            for (Entry e : years.get(year)) count.merge(e.date().getMonthValue(), 1, Integer::sum);
            count.forEach((m, n) -> s.link(s.add(months, "li", null), String.format(Locale.ROOT, "%d/index.html#m%02d", year, m),
                    null, m + "月（" + n + "期）"));
        }
        return s.text();
    }

    private void searchForm(WebLayout.Sheet s, Element parent, String root) {
        Element form = s.add(parent, "form", "search");
        form.setAttribute("action", root + "search.html");
        form.setAttribute("method", "get");
        form.setAttribute("role", "search");
        Element label = s.add(form, "label", null, "全文检索");
        label.setAttribute("for", "q");
        Element input = s.add(form, "input", null);
        input.setAttribute("type", "search");
        input.setAttribute("name", "q");
        input.setAttribute("id", "q");
        input.setAttribute("placeholder", "输入词语，如：科普");
        Element button = s.add(form, "button", null, "检索");
        button.setAttribute("type", "submit");
    }

    private String yearPage(int year, List<Entry> entries) {
        String paper = entries.getLast().paper();
        WebLayout.Sheet s = look.sheet(fields(paper + " · " + year + "年", paper), "../");
        Element main = s.content();
        s.add(main, "h1", "catalogue-title", paper + " " + year + "年");
        Element nav = s.add(main, "nav", "pager");
        s.link(nav, "../index.html", "up", "往期");
        Map<Integer, List<Entry>> months = new TreeMap<>();
        for (Entry e : entries) months.computeIfAbsent(e.date().getMonthValue(), k -> new ArrayList<>()).add(e);
        months.forEach((m, list) -> {
            Element sec = s.add(main, "section", "month");
            sec.setAttribute("id", String.format(Locale.ROOT, "m%02d", m));
            s.add(sec, "h2", null, year + "年" + m + "月");
            Element ul = s.add(sec, "ul", "issue-list");
            for (Entry e : list) {
                Element a = s.link(s.add(ul, "li", null), e.id() + "/web/index.html", "issue-thumb", null);
                Element img = s.add(a, "img", null);
                img.setAttribute("src", e.id() + "/" + WebEdition.thumbFile(1));
                img.setAttribute("alt", e.date() + " 第1版");
                img.setAttribute("loading", "lazy");
                PageMap.Picture t = WebEdition.picture(site.resolve(year + "/" + e.id() + "/" + WebEdition.thumbFile(1)));
                img.setAttribute("width", String.valueOf(t.width()));
                img.setAttribute("height", String.valueOf(t.height()));
                s.add(a, "span", "issue-name", e.date().getMonthValue() + "月" + e.date().getDayOfMonth() + "日 总第"
                        + e.number() + "期");
            }
        });
        return s.text();
    }

    /** search.html: the form, and the script that asks every year's index and shows exact matches. */
    private String searchPage(Map<Integer, List<Entry>> years) {
        String paper = paperOf(years);
        WebLayout.Sheet s = look.sheet(fields(paper + " · 检索", paper), "");
        Element main = s.content();
        s.add(main, "h1", "catalogue-title", paper + " 全文检索");
        searchForm(s, main, "");
        Element status = s.add(main, "p", "search-status", "检索需要浏览器运行脚本，并通过网站服务器（而非本地文件）打开。");
        status.setAttribute("id", "search-status");
        status.setAttribute("aria-live", "polite");
        s.add(main, "ol", "results").setAttribute("id", "results");
        Element more = s.add(main, "button", "more", "更多结果");
        more.setAttribute("id", "more");
        more.setAttribute("type", "button");
        more.setAttribute("hidden", "");
        Element script = s.add(main, "script", null, "");
        script.setAttribute("type", "module");
        script.setAttribute("src", SEARCH_SCRIPT);
        StringBuilder ys = new StringBuilder();
        for (int y : years.keySet()) ys.append(ys.isEmpty() ? "" : " ").append(y);
        script.setAttribute("data-years", ys.toString());
        return s.text();
    }

    private static void write(Path file, String html) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".part");
        Files.writeString(temp, html, StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

}
