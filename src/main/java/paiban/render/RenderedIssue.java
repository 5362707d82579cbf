package paiban.render;

import paiban.compose.Module;
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
 * @param trim  the page size and the type area on it, which place composition's positions on the page
 * @param fonts the font book the pages were set with: its CID-keyed CFF faces are embedded with placeholder
 *              outlines (see {@link paiban.typeset.CffSubset}), which the finish stage replaces; null for a
 *              PDF whose fonts are embedded whole
 */
public record RenderedIssue(Issue issue, Path pdf, List<PageInfo> pages, Trim trim, FontBook fonts) {

    public RenderedIssue {
        pages = List.copyOf(pages);
    }

    /** A rendered issue whose fonts are embedded with their own outlines. */
    public RenderedIssue(Issue issue, Path pdf, List<PageInfo> pages, Trim trim) {
        this(issue, pdf, pages, trim, null);
    }

    /**
     * One printed page.
     *
     * @param number 1-based page number (第N版)
     * @param texts  every piece of copy on the page, in reading order
     * @param areas  the modules as composition placed them, in composition's order (none for a page
     *               that was not composed by paiban)
     */
    public record PageInfo(int number, String section, List<PlacedText> texts, List<ModuleArea> areas) {
        public PageInfo {
            texts = List.copyOf(texts);
            areas = List.copyOf(areas);
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

    /**
     * The printed page and its type area (版心), in points. Composition places lines, photos and modules
     * from the type area's top-left; this puts them on the page.
     *
     * @param width      the trim width
     * @param height     the trim height
     * @param areaLeft   the type area's left edge, from the page's left
     * @param areaTop    the type area's top edge, from the page's top
     * @param areaWidth  the type area's width
     * @param areaHeight the type area's height
     */
    public record Trim(float width, float height, float areaLeft, float areaTop, float areaWidth, float areaHeight) {
    }

    /**
     * A module and the rectangle it takes on the grid: whole columns by whole grid lines, in points from
     * the type area's top-left. Its text and photos stand inside it.
     */
    public record ModuleArea(Module module, float x, float y, float width, float height) {
    }
}
