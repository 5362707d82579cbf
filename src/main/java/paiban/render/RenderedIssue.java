package paiban.render;

import paiban.compose.Module;
import paiban.compose.Page;
import paiban.compose.PlacedPhoto;
import paiban.model.Issue;
import paiban.model.Photo;
import paiban.typeset.FontBook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * @param photos      every photo as compose placed it, in page order: what the finish stage prepares
 *                    the photos for
 * @param photoImages which photo ({@link Photo#id}) each photo image of the PDF is, by the image's
 *                    resource name on the pages (the renderer names each image once, for the whole file)
 */
public record RenderedIssue(Issue issue, Path pdf, List<PageInfo> pages, Trim trim, FontBook fonts,
                            List<PhotoPlacement> photos, Map<String, String> photoImages) {

    public RenderedIssue {
        pages = List.copyOf(pages);
        photos = List.copyOf(photos);
        photoImages = Map.copyOf(photoImages);
    }

    /** A rendered issue without photos, whose fonts are embedded with their own outlines. */
    public RenderedIssue(Issue issue, Path pdf, List<PageInfo> pages, Trim trim) {
        this(issue, pdf, pages, trim, null, List.of(), Map.of());
    }

    /**
     * One placement of a photo, as compose made it: the same numbers whoever asks, so that work begun
     * from them before rendering (the photo head start) is exactly what the finish stage wants.
     *
     * @param photo  the photo, with its pixel size as it stands and its orientation
     * @param page   1-based page number
     * @param x      the frame's left edge, in points from the type area's left
     * @param y      the frame's top edge, in points from the type area's top
     * @param width  the frame's width in points, as the photo stands
     * @param height the frame's height in points, as the photo stands
     */
    public record PhotoPlacement(Photo photo, int page, float x, float y, float width, float height) {

        /** The photo's {@link Photo#id}. */
        public String id() {
            return photo.id();
        }
    }

    /**
     * Every photo placed on {@code pages}, page by page, module by module: the pixels the finish stage
     * prepares. A PDF ad is drawn, not pixels, and is not among them.
     */
    public static List<PhotoPlacement> placements(List<Page> pages) {
        List<PhotoPlacement> out = new ArrayList<>();
        for (Page page : pages) {
            for (Module m : page.modules()) {
                for (PlacedPhoto p : m.photos()) {
                    if (p.photo().vector()) continue;
                    out.add(new PhotoPlacement(p.photo(), page.number(), p.x(), p.y(), p.width(), p.height()));
                }
            }
        }
        return out;
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
