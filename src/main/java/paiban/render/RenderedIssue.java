package paiban.render;

import paiban.model.Issue;
import paiban.typeset.FontBook;

import java.nio.file.Path;
import java.util.List;

/**
 * What the render stage hands to the editions: Flying Saucer's PDF (PDF 1.7, colours in DeviceRGB,
 * fonts embedded) and, for each page, what stands on it.
 *
 * @param pdf   the rendered issue, one PDF page per newspaper page, at trim size
 * @param pages in page order, page 1 first
 * @param fonts the font book the pages were set with: its CID-keyed CFF faces are embedded with placeholder
 *              outlines (see {@link paiban.typeset.CffSubset}), which the finish stage replaces; null for a
 *              PDF whose fonts are embedded whole
 */
public record RenderedIssue(Issue issue, Path pdf, List<PageInfo> pages, FontBook fonts) {

    public RenderedIssue {
        pages = List.copyOf(pages);
    }

    /** A rendered issue whose fonts are embedded with their own outlines. */
    public RenderedIssue(Issue issue, Path pdf, List<PageInfo> pages) {
        this(issue, pdf, pages, null);
    }

    /**
     * One printed page.
     *
     * @param number 1-based page number (第N版)
     * @param texts  every piece of copy on the page, in reading order
     */
    public record PageInfo(int number, String section, List<PlacedText> texts) {
        public PageInfo {
            texts = List.copyOf(texts);
        }

        /** The distinct articles on the page, in reading order, as slug → title. */
        public java.util.LinkedHashMap<String, String> articles() {
            var m = new java.util.LinkedHashMap<String, String>();
            for (PlacedText t : texts) m.putIfAbsent(t.slug(), t.title());
            return m;
        }
    }

    /**
     * A piece of copy as placed on a page.
     *
     * @param slug  the article's file name without .md
     * @param title the article's headline, for bookmarks and indexes
     * @param kind  one of title, kicker, subtitle, dateline, body, subhead, caption, credit, source, jump
     * @param text  the text exactly as printed (a paragraph split by a column or page break is split here too)
     */
    public record PlacedText(String slug, String title, String kind, String text) {
    }
}
