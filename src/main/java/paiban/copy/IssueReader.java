package paiban.copy;

import org.snakeyaml.engine.v2.nodes.Node;
import paiban.PaibanException;
import paiban.model.Article;
import paiban.model.Issue;
import paiban.model.PlanPage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads an issue folder: issue.yaml, articles/*.md and the photos they name.
 * Every error names the file, the line or field, and the article.
 */
public final class IssueReader {

    private IssueReader() {
    }

    public static Issue read(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new PaibanException(folder + ": no such issue folder");
        }
        Path yaml = dir.resolve("issue.yaml");
        if (!Files.isRegularFile(yaml)) {
            throw new PaibanException(folder + ": issue.yaml is missing; every issue folder needs one "
                    + "(paper, date, number, layout)");
        }
        YamlFields f = YamlFields.parse("issue.yaml", 0, ArticleReader.readUtf8(yaml, "issue.yaml"));
        String paper = f.requiredText("paper", "the masthead name");
        var date = f.date("date").orElseThrow(() -> f.missing("date", "YYYY-MM-DD"));
        int number = f.integer("number", 1, 1_000_000).orElseThrow(() -> f.missing("number", "the running issue number"));
        String layout = f.requiredText("layout", "a folder name under layouts/, e.g. tabloid");
        if (!layout.matches("[A-Za-z0-9_-]+")) {
            throw new PaibanException("issue.yaml: field 'layout': '" + layout + "' is not a layout name; "
                    + "use a folder name under layouts/ (letters, digits, '-' and '_')");
        }
        Optional<Integer> pages = f.integer("pages", 1, 200);
        List<PlanPage> plan = readPlan(f);

        FolderGuard guard = new FolderGuard(dir);
        List<Article> articles = new ArrayList<>();
        Path articleDir = dir.resolve("articles");
        if (!Files.isDirectory(articleDir)) {
            throw new PaibanException(folder + ": the articles/ folder is missing");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(articleDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new PaibanException(folder + "/articles: cannot be listed (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) {
            throw new PaibanException(folder + "/articles: no .md articles found");
        }
        for (Path file : files) {
            guard.resolve("articles/" + file.getFileName(), "articles/" + file.getFileName());
            articles.add(ArticleReader.read(file, guard, "要闻"));
        }
        Issue issue = new Issue(dir, dir.getFileName().toString(), paper, date, number, layout, pages,
                f.text("publisher").orElse("").strip(), f.text("serial").orElse("").strip(),
                f.text("editor").orElse("").strip(), plan, articles);
        checkPlan(issue);
        return issue;
    }

    private static List<PlanPage> readPlan(YamlFields f) {
        List<PlanPage> plan = new ArrayList<>();
        int i = 0;
        for (Node n : f.list("plan")) {
            i++;
            String at = "plan[" + i + "]";
            YamlFields e = f.nested(n, at);
            int page = e.integer("page", 1, 200).orElseThrow(() -> new PaibanException(
                    "issue.yaml:" + e.line() + ": " + at + " has no 'page' number"));
            List<PlanPage.Placement> placements = new ArrayList<>();
            for (Node a : e.list("articles")) {
                if (YamlFields.isScalar(a)) {
                    placements.add(new PlanPage.Placement(e.scalar(a, at + " article").strip(), Optional.empty()));
                } else {
                    YamlFields p = e.nested(a, at + " article");
                    String slug = p.text("article").map(String::strip).orElseThrow(() -> new PaibanException(
                            "issue.yaml:" + p.line() + ": " + at + ": an entry needs 'article: <file name without .md>'"));
                    placements.add(new PlanPage.Placement(slug, p.integer("columns", 1, 50)));
                }
            }
            plan.add(new PlanPage(i, page, e.text("section").map(String::strip), placements));
        }
        return plan;
    }

    /** Plan entries must name real articles, each once. Spans are checked against the grid in compose. */
    private static void checkPlan(Issue issue) {
        Set<String> seen = new HashSet<>();
        Set<Integer> pages = new HashSet<>();
        for (PlanPage p : issue.plan()) {
            if (!pages.add(p.page())) {
                throw new PaibanException("issue.yaml: plan[" + p.entry() + "]: page " + p.page()
                        + " is planned twice; merge the two entries");
            }
            if (issue.pages().isPresent() && p.page() > issue.pages().get()) {
                throw new PaibanException("issue.yaml: plan[" + p.entry() + "]: page " + p.page()
                        + " is beyond 'pages: " + issue.pages().get() + "'");
            }
            for (PlanPage.Placement a : p.articles()) {
                if (issue.article(a.article()).isEmpty()) {
                    throw new PaibanException("issue.yaml: plan[" + p.entry() + "] (page " + p.page()
                            + "): unknown article '" + a.article() + "'; articles are named by their file name "
                            + "under articles/ without .md");
                }
                if (!seen.add(a.article())) {
                    throw new PaibanException("issue.yaml: plan[" + p.entry() + "] (page " + p.page()
                            + "): article '" + a.article() + "' is placed twice");
                }
            }
        }
    }
}
