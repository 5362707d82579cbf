package paiban.web;

import paiban.compose.LineKind;
import paiban.compose.Module;
import paiban.compose.ModuleKind;
import paiban.compose.Page;
import paiban.compose.PlacedLine;
import paiban.compose.PlacedPhoto;
import paiban.render.Layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each story part stands on a page picture: compose's rectangles (type-area points) moved by the
 * layout's type-area offset and scaled to the picture's pixels. Every place this package reads compose's
 * kinds is in this class, so that a change of compose's types touches it alone.
 */
final class PageMap {

    /** What an area on the page is. */
    enum AreaKind {
        /** a story's first (or only) part */
        STORY,
        /** a later part of a jumped story, after 上接 */
        CONTINUATION,
        /** a brief (简讯) */
        BRIEF,
        /** a photo with its caption's story */
        PHOTO,
        /** the 下转第N版 line: leads on to the page the story continues on */
        JUMP_ON,
        /** the 上接第N版 line: leads back to the page the story came from */
        JUMP_BACK,
        /** page 1's 导读 box */
        INDEX;

        String css() {
            return "area-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One area, in pixels of the page picture.
     *
     * @param page for jumps, the page they lead to; otherwise the page the area is on
     */
    record Area(AreaKind kind, String slug, String title, int left, int top, int width, int height, int page) {
    }

    /** The pixel size of a page picture. */
    record Picture(int width, int height) {
    }

    private PageMap() {
    }

    /** Kinds of compose's modules as this package names them; quotes and fillers are not linked. */
    static AreaKind kindOf(Module m) {
        return switch (m.kind()) {
            case CONTINUATION -> AreaKind.CONTINUATION;
            case BRIEF -> AreaKind.BRIEF;
            case INDEX -> AreaKind.INDEX;
            case STORY, QUOTE, FILLER, AD -> AreaKind.STORY;
        };
    }

    /** True for the 上接 line at a continuation's head, false for 下转. */
    static boolean jumpsBack(PlacedLine l) {
        return l.kind() == LineKind.JUMP_FROM;
    }

    static boolean isJump(PlacedLine l) {
        return l.kind() == LineKind.JUMP_FROM || l.kind() == LineKind.JUMP_TO;
    }

    /**
     * The page's areas, bottom first: module rectangles, then photos and jump lines, which lie on top of
     * their modules and take the click there.
     *
     * @param pages the whole issue, to find the page each jump leads to
     */
    static List<Area> areas(Layout layout, List<Page> pages, Page page, Picture picture) {
        var grid = layout.grid();
        float sx = picture.width() / layout.pageWidth();
        float sy = picture.height() / layout.pageHeight();
        List<Area> out = new ArrayList<>();
        List<Area> top = new ArrayList<>();
        for (Module m : page.modules()) {
            AreaKind kind = kindOf(m);
            // fillers, pull quotes and ads are furniture, not a story part to link
            if (m.kind() == ModuleKind.FILLER || m.kind() == ModuleKind.QUOTE || m.kind() == ModuleKind.AD) continue;
            out.add(area(kind, m.slug(), m.title(), layout, sx, sy, grid.columnX(m.column()), grid.lineTop(m.line()),
                    grid.spanWidth(m.span()), m.lines() * grid.pitch(), page.number()));
            for (PlacedPhoto p : m.photos()) {
                top.add(area(AreaKind.PHOTO, m.slug(), m.title(), layout, sx, sy, p.x(), p.y(), p.width(), p.height(),
                        page.number()));
            }
            for (PlacedLine l : m.text()) {
                if (!isJump(l)) continue;
                boolean back = jumpsBack(l);
                int to = back ? previousPage(pages, m.slug(), page.number()) : nextPage(pages, m.slug(), page.number());
                if (to < 0) continue;
                float size = l.line().size();
                // the em box of the line's ink: from an ascent of 0.88 em above the baseline to 0.12 em below
                float x = l.x() + l.line().inkStart();
                top.add(area(back ? AreaKind.JUMP_BACK : AreaKind.JUMP_ON, m.slug(), m.title(), layout, sx, sy,
                        x, l.baseline() - 0.88f * size, l.line().inkEnd() - l.line().inkStart(), size, to));
            }
        }
        out.addAll(top);
        return out;
    }

    private static Area area(AreaKind kind, String slug, String title, Layout layout, float sx, float sy,
                             float x, float y, float w, float h, int page) {
        int left = Math.round((layout.areaLeft() + x) * sx);
        int topPx = Math.round((layout.areaTop() + y) * sy);
        int right = Math.round((layout.areaLeft() + x + w) * sx);
        int bottom = Math.round((layout.areaTop() + y + h) * sy);
        return new Area(kind, slug, title, left, topPx, right - left, bottom - topPx, page);
    }

    /** The pages an article stands on, in order. */
    static List<Integer> pagesOf(List<Page> pages, String slug) {
        List<Integer> out = new ArrayList<>();
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (m.slug().equals(slug) && !out.contains(p.number())) out.add(p.number());
            }
        }
        return out;
    }

    private static int nextPage(List<Page> pages, String slug, int from) {
        for (int p : pagesOf(pages, slug)) if (p > from) return p;
        return -1;
    }

    private static int previousPage(List<Page> pages, String slug, int from) {
        int found = -1;
        for (int p : pagesOf(pages, slug)) if (p < from) found = p;
        return found;
    }
}
