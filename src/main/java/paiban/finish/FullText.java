package paiban.finish;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import paiban.model.Article;
import paiban.compose.ModuleKind;
import paiban.compose.PlacedPhoto;
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
 * appear in the paper; parts in reading order. The records below are its shape: finish writes them and
 * deliver reads them back ({@link #read}), so neither spells the fields on its own.
 */
public final class FullText {

    /** The whole file: the issue's header, its pages, its articles, and the ads it carries (no article's copy). */
    @JsonPropertyOrder({"paper", "date", "number", "title", "pages", "articles", "ads"})
    public record Document(String paper, String date, int number, String title, List<PageEntry> pages,
                           List<ArticleEntry> articles, List<AdEntry> ads) {
        public Document {
            pages = pages == null ? List.of() : List.copyOf(pages);
            articles = articles == null ? List.of() : List.copyOf(articles);
            ads = ads == null ? List.of() : List.copyOf(ads);
        }
    }

    /**
     * An advertisement (广告): who placed it, its page, and its image's place on the page in points from
     * the page's top-left. Kept apart from the articles: it is no copy of the paper's.
     */
    @JsonPropertyOrder({"kind", "advertiser", "page", "x", "y", "width", "height"})
    public record AdEntry(String kind, String advertiser, int page, float x, float y, float width, float height) {
    }

    /** A page: its number, its section, and the slugs of the articles on it in reading order. */
    @JsonPropertyOrder({"page", "section", "articles"})
    public record PageEntry(int page, String section, List<String> articles) {
    }

    /** An article: the pages it stands on, in order, and its parts in reading order. */
    @JsonPropertyOrder({"slug", "title", "section", "pages", "parts"})
    public record ArticleEntry(String slug, String title, String section, List<Integer> pages, List<Part> parts) {
        public ArticleEntry {
            pages = pages == null ? List.of() : List.copyOf(pages);
            parts = parts == null ? List.of() : List.copyOf(parts);
        }
    }

    /** One printed piece of an article (title, paragraph, caption…) and its page. */
    @JsonPropertyOrder({"kind", "text", "page"})
    public record Part(String kind, String text, int page) {
    }

    /**
     * Reads a text.json back. Fields this paiban does not know are passed over, so that an older reader
     * still reads a newer file.
     */
    public static Document read(Path file) throws IOException {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(file.toFile(), Document.class);
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
        List<AdEntry> ads = new ArrayList<>();
        for (RenderedIssue.PageInfo page : r.pages()) {
            for (RenderedIssue.ModuleArea a : page.areas()) {
                if (a.module().kind() != ModuleKind.AD) continue;
                for (PlacedPhoto p : a.module().photos()) {
                    ads.add(new AdEntry(ModuleKind.AD.word(), a.module().title(), page.number(), r.trim().areaLeft() + p.x(),
                            r.trim().areaTop() + p.y(), p.width(), p.height()));
                }
            }
        }
        List<ArticleEntry> articles = new ArrayList<>();
        for (String slug : parts.keySet()) {
            String section = r.issue().article(slug).map(Article::section).orElse(pageSection.get(slug));
            articles.add(new ArticleEntry(slug, titles.get(slug), section, List.copyOf(onPages.get(slug)),
                    parts.get(slug)));
        }
        var issue = r.issue();
        return new Document(issue.paper(), issue.date().toString(), issue.number(), issue.title(), pages, articles, ads);
    }

    static void write(RenderedIssue r, Path file) throws IOException {
        // Fixed two-space indent and \n line ends whatever the platform, so the bytes are reproducible.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String json = new ObjectMapper().writer(printer).writeValueAsString(of(r));
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    }
}
