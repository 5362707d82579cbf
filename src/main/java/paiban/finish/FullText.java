package paiban.finish;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import paiban.model.Article;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * text.json: every article's copy as printed (title, dateline, body, captions…) with the page each part
 * stands on, for an archive's search index and for deliver's 导读. Articles come in the order they first
 * appear in the paper; parts in reading order. The shape is a contract deliver reads.
 */
final class FullText {

    @JsonPropertyOrder({"paper", "date", "number", "title", "pages", "articles"})
    record Document(String paper, String date, int number, String title, List<PageEntry> pages,
                    List<ArticleEntry> articles) {
    }

    @JsonPropertyOrder({"page", "section", "articles"})
    record PageEntry(int page, String section, List<String> articles) {
    }

    @JsonPropertyOrder({"slug", "title", "section", "pages", "parts"})
    record ArticleEntry(String slug, String title, String section, List<Integer> pages, List<Part> parts) {
    }

    @JsonPropertyOrder({"kind", "text", "page"})
    record Part(String kind, String text, int page) {
    }

    private FullText() {
    }

    static Document of(RenderedIssue r) {
        List<PageEntry> pages = new ArrayList<>();
        Map<String, List<Part>> parts = new LinkedHashMap<>();
        Map<String, LinkedHashSet<Integer>> onPages = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> pageSection = new LinkedHashMap<>();
        for (RenderedIssue.PageInfo page : r.pages()) {
            pages.add(new PageEntry(page.number(), page.section(), List.copyOf(page.articles().keySet())));
            for (RenderedIssue.PlacedText t : page.texts()) {
                parts.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(new Part(t.kind(), t.text(), page.number()));
                onPages.computeIfAbsent(t.slug(), k -> new LinkedHashSet<>()).add(page.number());
                titles.putIfAbsent(t.slug(), t.title());
                pageSection.putIfAbsent(t.slug(), page.section());
            }
        }
        List<ArticleEntry> articles = new ArrayList<>();
        for (String slug : parts.keySet()) {
            String section = r.issue().article(slug).map(Article::section).orElse(pageSection.get(slug));
            articles.add(new ArticleEntry(slug, titles.get(slug), section, List.copyOf(onPages.get(slug)),
                    parts.get(slug)));
        }
        var issue = r.issue();
        return new Document(issue.paper(), issue.date().toString(), issue.number(), issue.title(), pages, articles);
    }

    static void write(RenderedIssue r, Path file) throws IOException {
        // Fixed two-space indent and \n line ends whatever the platform, so the bytes are reproducible.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String json = new ObjectMapper().writer(printer).writeValueAsString(of(r));
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    }
}
