package paiban.compose;

import paiban.core.PaibanException;
import paiban.core.Units;
import paiban.model.Ad;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The advertisements resolved against the layout: each ad's frame on its page, in whole columns
 * and grid lines, settled before any copy is placed (ads are sold by page and size; the stories fill
 * around them). Full-width ads (通栏, 半通栏) stack at the page's foot or top; at most one narrower ad
 * per page stands in a corner, where it closes a band of its own height (see {@link PageFiller}); a 报眼
 * stands in the masthead's ear on page 1, and a 中缝 in the inner margin by the fold, both off the grid
 * the stories fill.
 */
final class AdPlan {

    /**
     * An ad's place: whole columns and grid lines from the type area's top-left, its last line the air
     * every module keeps.
     */
    record Frame(Ad ad, int column, int span, int line, int lines, boolean ear, float foldLeft, float foldWidth) {

        Frame(Ad ad, int column, int span, int line, int lines, boolean ear) {
            this(ad, column, span, line, lines, ear, 0, 0);
        }

        int bottom() {
            return line + lines;
        }

        /**
         * A 中缝: in the inner margin, {@code foldWidth} points wide from {@code foldLeft} (points from the
         * type area's left, outside it); its span is 0, since it takes none of the grid's columns.
         */
        boolean fold() {
            return foldWidth > 0;
        }
    }

    /**
     * What a page keeps for its ads before the copy is placed.
     *
     * @param top    the first grid line the copy may take (below the masthead and any top ads)
     * @param bottom the grid line the copy ends at (above any full-width foot ads)
     * @param band   the one ad narrower than the page, or null: it stands at the top or foot of [top, bottom)
     * @param fixed  the full-width ads, placed outside [top, bottom)
     */
    record Reserve(int top, int bottom, Frame band, List<Frame> fixed) {
        Reserve {
            fixed = List.copyOf(fixed);
        }

        /** Lines of the page the copy can take. */
        int room() {
            return bottom - top - (band == null ? 0 : band.lines());
        }
    }

    static final AdPlan NONE = new AdPlan(Map.of());

    private final Map<Integer, List<Frame>> byPage;

    private AdPlan(Map<Integer, List<Frame>> byPage) {
        this.byPage = byPage;
    }

    /** Resolves the ads' sizes and places, refusing what the layout cannot serve; warnings hear of soft images. */
    static AdPlan of(List<Ad> ads, Grid grid, LayoutRules rules, Consumer<String> warnings) {
        LayoutRules.Ads r = rules.ads();
        Map<Integer, List<Ad>> pages = new TreeMap<>();
        for (Ad a : ads) pages.computeIfAbsent(a.page(), k -> new ArrayList<>()).add(a);
        Map<Integer, List<Frame>> out = new TreeMap<>();
        for (var e : pages.entrySet()) {
            int page = e.getKey();
            int top = page == 1 ? grid.mastheadLines() : 0;
            int bottom = grid.lines();
            List<Frame> frames = new ArrayList<>();
            Ad narrow = null;
            for (Ad a : e.getValue()) {
                LayoutRules.AdSize size = size(a, r, grid);
                if (size.foldSize()) {
                    frames.add(fold(a, size, frames, grid, r));
                    continue;
                }
                if (size.earSize()) {
                    if (page != 1) {
                        throw new PaibanException(a.where() + ": size " + size.name() + " stands beside the nameplate on page 1 ("
                                + r.file() + ": ads.sizes." + size.name() + " has 'ear: " + size.ear() + "'); book it for page 1");
                    }
                    if (size.lines() > grid.mastheadLines() || size.columns() > grid.columns()) {
                        throw new PaibanException(a.where() + ": size " + size.name() + " (" + size.columns() + " columns x "
                                + size.lines() + " lines) is larger than the masthead's " + grid.mastheadLines() + " lines; make "
                                + r.file() + "'s ads.sizes." + size.name() + " fit the masthead");
                    }
                    if (frames.stream().anyMatch(Frame::ear)) {
                        throw new PaibanException(a.where() + ": page 1 already has its 报眼 ad; the masthead has one ear for ads");
                    }
                    int column = size.ear().equals("left") ? 0 : grid.columns() - size.columns();
                    frames.add(new Frame(a, column, size.columns(), (grid.mastheadLines() - size.lines()) / 2, size.lines(), true));
                    continue;
                }
                int span = size.columns() == 0 ? grid.columns() : size.columns();
                if (span > grid.columns()) {
                    throw new PaibanException(a.where() + ": size " + a.size() + " takes " + span + " columns, but "
                            + r.file() + "'s pages have " + grid.columns() + "; give it at most " + grid.columns());
                }
                if (span == grid.columns()) {
                    if (a.position() != Ad.Position.FOOT && a.position() != Ad.Position.TOP) {
                        throw new PaibanException(a.where() + ": position " + a.position().word() + " is a corner, but the ad"
                                + " takes the page's whole width; give it position foot or top");
                    }
                    if (a.position().atFoot()) {
                        bottom -= size.lines();
                        frames.add(new Frame(a, 0, span, bottom, size.lines(), false));
                    } else {
                        frames.add(new Frame(a, 0, span, top, size.lines(), false));
                        top += size.lines();
                    }
                    continue;
                }
                if (narrow != null) {
                    throw new PaibanException(a.where() + ": page " + page + " already has an ad narrower than the page ("
                            + narrow.where() + "); paiban places at most one such ad a page: make one of them full width");
                }
                narrow = a;
            }
            Frame band = null;
            if (narrow != null) {
                LayoutRules.AdSize size = size(narrow, r, grid);
                int span = size.columns();
                boolean right = narrow.position().right() || narrow.position() == Ad.Position.FOOT
                        || narrow.position() == Ad.Position.TOP;
                int line = narrow.position().atFoot() ? bottom - size.lines() : top;
                band = new Frame(narrow, right ? grid.columns() - span : 0, span, line, size.lines(), false);
                frames.add(band);
            }
            int area = bottom - top;
            int copy = area - (band == null ? 0 : band.lines());
            int page0 = grid.lines() - (page == 1 ? grid.mastheadLines() : 0);
            // the rules leave the copy at least half of each page: a page given over to ads (整版广告) is not made
            if (copy * 2 < page0 || page == 1 && copy < 2 * Grid.MIN_STORY_LINES + 10) {
                Ad last = e.getValue().getLast();
                throw new PaibanException(last.where() + ": the ads booked for page " + page + " take " + (page0 - copy)
                        + " of its " + page0 + " grid lines; paiban leaves at least half of a page to the copy"
                        + " (whole-page ads are not made): book smaller sizes or spread them over more pages");
            }
            for (Frame f : frames) checkImage(f, grid, r, warnings);
            out.put(page, List.copyOf(frames));
        }
        return new AdPlan(out);
    }

    /**
     * A 中缝's frame: in the inner margin, the side of the fold (an odd page stands right of the fold, so
     * its inner margin is its left one; an even page's is its right), at the type area's foot or top.
     */
    private static Frame fold(Ad a, LayoutRules.AdSize size, List<Frame> frames, Grid grid, LayoutRules.Ads r) {
        if (a.position() != Ad.Position.FOOT && a.position() != Ad.Position.TOP) {
            throw new PaibanException(a.where() + ": size " + size.name() + " stands in the inner margin by the fold ("
                    + r.file() + ": ads.sizes." + size.name() + " has 'fold-width'), which has no corners; give it"
                    + " position foot or top");
        }
        if (frames.stream().anyMatch(Frame::fold)) {
            throw new PaibanException(a.where() + ": page " + a.page() + " already has its " + size.name() + " ad;"
                    + " the inner margin holds one");
        }
        // the layout gives a 中缝's width and gap in millimetres
        float width = size.foldWidth() * Units.POINTS_PER_MM;
        float gap = size.foldGap() * Units.POINTS_PER_MM;
        boolean left = a.page() % 2 == 1;
        float x = left ? -gap - width : grid.width() + gap;
        int line = a.position() == Ad.Position.TOP ? 0 : grid.lines() - size.lines();
        return new Frame(a, left ? 0 : grid.columns(), 0, line, size.lines(), false, x, width);
    }

    private static LayoutRules.AdSize size(Ad a, LayoutRules.Ads r, Grid grid) {
        if (a.size().named().isEmpty()) return new LayoutRules.AdSize(a.size().toString(), a.size().columns(), a.size().lines(), "");
        String name = a.size().named().get();
        LayoutRules.AdSize s = r.sizes().get(name);
        if (s != null) return s;
        String known = r.sizes().isEmpty() ? "it names none" : "it names " + String.join(", ", r.sizes().keySet());
        if (name.equals("中缝")) {
            // the strip by the fold is a broadsheet's (对开): a layout serves it by naming it with its fold-width
            throw new PaibanException(a.where() + ": size 中缝 (the strip in the inner margin, by the fold between facing"
                    + " pages) is not one of " + r.file() + "'s ad sizes (" + known + "); it is a broadsheet's: set the"
                    + " issue in a layout that names it (broadsheet), or give the ad a size in columns x lines, like 2x20");
        }
        throw new PaibanException(a.where() + ": size '" + name + "' is not one of " + r.file() + "'s ad sizes (ads.sizes: "
                + known + "); name one of them or give columns x lines, like 2x20");
    }

    /** An ad is printed at its frame: its pixels must hold up at that size, or the paper prints visible squares. */
    private static void checkImage(Frame f, Grid grid, LayoutRules.Ads r, Consumer<String> warnings) {
        if (f.ad().image().vector()) return; // a PDF's drawing has no pixels to run short of
        float[] box = imageBox(f, grid);
        double dpi = Math.min(f.ad().image().width() / (box[2] / 72.0), f.ad().image().height() / (box[3] / 72.0));
        long needed = Math.round(Math.ceil(box[2] / 72.0 * r.minDpi()));
        String where = f.ad().where() + ": " + f.ad().image().name() + " is " + Math.round(dpi) + " dpi at its placed width of "
                + Math.round(box[2] / 72 * 25.4) + " mm";
        if (dpi < r.refuseDpi()) {
            throw new PaibanException(where + ", far below the " + r.minDpi() + " dpi print needs (" + r.file()
                    + ": ads.refuse-dpi " + r.refuseDpi() + "); supply a file at least " + needed + " px wide");
        }
        if (dpi < r.minDpi()) {
            warnings.accept(where + ", below the " + r.minDpi() + " dpi print needs (" + r.file() + ": ads.min-dpi); it will "
                    + "look soft: supply a file at least " + needed + " px wide");
        }
    }

    /**
     * The image's box inside the frame, in points from the type area's top-left: as large as the frame
     * above its line of air holds without changing its proportions, centred. Ads are made to their booked
     * size, so this is the frame itself but for rounding.
     */
    static float[] imageBox(Frame f, Grid grid) {
        if (f.fold()) {
            // outside the grid, no neighbour below needs a line of air: the strip reaches the type area's foot
            float h = f.lines() * grid.pitch();
            float pw = (float) Math.min(f.foldWidth(), h / f.ad().image().aspect());
            float ph = (float) (pw * f.ad().image().aspect());
            // a strip shorter than its frame keeps to the end its position names, the type area's top or foot
            float y = grid.lineTop(f.line()) + (f.ad().position() == Ad.Position.TOP ? 0 : h - ph);
            return new float[] {f.foldLeft() + (f.foldWidth() - pw) / 2, y, pw, ph};
        }
        float w = grid.spanWidth(f.span());
        float h = (f.lines() - 1) * grid.pitch();
        double aspect = f.ad().image().aspect();
        float pw = (float) Math.min(w, h / aspect);
        float ph = (float) (pw * aspect);
        return new float[] {grid.columnX(f.column()) + (w - pw) / 2, grid.lineTop(f.line()) + (h - ph) / 2, pw, ph};
    }

    /** What page {@code page} keeps for its ads; the whole page when it has none. */
    Reserve on(int page, Grid grid) {
        int top = page == 1 ? grid.mastheadLines() : 0;
        int bottom = grid.lines();
        Frame band = null;
        List<Frame> fixed = new ArrayList<>();
        for (Frame f : byPage.getOrDefault(page, List.of())) {
            if (f.ear() || f.fold()) continue;
            if (f.span() < grid.columns()) {
                band = f;
                continue;
            }
            fixed.add(f);
            if (f.line() < grid.lines() / 2) top = Math.max(top, f.bottom());
            else bottom = Math.min(bottom, f.line());
        }
        return new Reserve(top, bottom, band, fixed);
    }

    /** The ads of page {@code page} that stand off the grid the copy fills: the 报眼. */
    List<Frame> ears(int page) {
        return byPage.getOrDefault(page, List.of()).stream().filter(Frame::ear).toList();
    }

    /** The ads of page {@code page} in its inner margin, by the fold: the 中缝. */
    List<Frame> folds(int page) {
        return byPage.getOrDefault(page, List.of()).stream().filter(Frame::fold).toList();
    }

    /** The first ad booked for {@code page}, for messages about the page. */
    Ad first(int page) {
        return byPage.get(page).getFirst().ad();
    }

    /** The pages ads are booked for. */
    java.util.Set<Integer> pages() {
        return byPage.keySet();
    }

    boolean isEmpty() {
        return byPage.isEmpty();
    }

    /** The ad's module: its image as large as the frame holds, centred; the 广告 label is the layout's to draw. */
    static Module module(Frame f, Grid grid) {
        float[] b = imageBox(f, grid);
        return new Module("", f.ad().advertiser(), ModuleKind.AD, f.column(), f.span(), f.line(), f.lines(), List.of(),
                List.of(new PlacedPhoto(f.ad().image(), b[0], b[1], b[2], b[3])));
    }
}
