package paiban.render;

import paiban.compose.Module;
import paiban.compose.Page;
import paiban.compose.PlacedPhoto;
import paiban.model.Issue;
import paiban.model.Photo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the render stage hands to the editions: Flying Saucer's PDF (PDF 1.7, colours in DeviceRGB,
 * fonts embedded) and, for each page, what stands on it.
 *
 * @param pdf   the rendered issue, one PDF page per newspaper page, at trim size
 * @param pages  in page order, page 1 first
 * @param photos      every photo as compose placed it, in page order: what the finish stage prepares
 *                    the photos for
 * @param photoImages which photo ({@link Photo#id}) each photo image of the PDF is, by the image's
 *                    resource name on the pages (the renderer names each image once, for the whole file)
 */
public record RenderedIssue(Issue issue, Path pdf, List<PageInfo> pages, List<PhotoPlacement> photos,
                            Map<String, String> photoImages) {

    public RenderedIssue {
        pages = List.copyOf(pages);
        photos = List.copyOf(photos);
        photoImages = Map.copyOf(photoImages);
    }

    /** A rendered issue without photos. */
    public RenderedIssue(Issue issue, Path pdf, List<PageInfo> pages) {
        this(issue, pdf, pages, List.of(), Map.of());
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

    /** Every photo placed on {@code pages}, page by page, module by module. */
    public static List<PhotoPlacement> placements(List<Page> pages) {
        List<PhotoPlacement> out = new ArrayList<>();
        for (Page page : pages) {
            for (Module m : page.modules()) {
                for (PlacedPhoto p : m.photos()) {
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
