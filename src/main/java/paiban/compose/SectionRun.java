package paiban.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of pages: a section's copy, or the copy of sections short of a page that share pages, in their
 * order, composed over the run's pages. Pages are filled in turn; a story cut on one page
 * continues at the top of the section's next page, and the last page takes what is left, uncut. How
 * much copy reaches the last page depends on the photo sizes and headline air before it, so the run is
 * tried with those smaller and larger (see {@link Stretch}) and the run that fills its last page best is kept.
 */
final class SectionRun {

    /**
     * One page of the run.
     *
     * @param front   page 1: masthead, lead story, 导读 box
     * @param index   the page carries the 导读 box
     * @param planned the plan's pieces for this page, in order, with their spans (0: free)
     * @param ads     what the page keeps for the ads booked for it, before the copy is placed
     */
    record PageSpec(boolean front, boolean index, List<Piece> planned, Map<Piece, Integer> spans, AdPlan.Reserve ads) {
    }

    /**
     * A composed run.
     *
     * @param pages    each page's slots
     * @param left     copy that did not fit in the run's pages
     * @param feet     for each page, each column's last line of copy
     * @param unplaced for each page, the planned pieces it could not take
     * @param framed   column lines the 导读 box frames beyond its items and the layout's air ({@code index.air}):
     *                 white, though the page's feet do not show it
     */
    record Result(List<List<Slot>> pages, List<Piece> left, List<int[]> feet, List<List<Piece>> unplaced,
                  boolean indexPlaced, Stretch stretch, int grown, double cost, int framed) {

        /** Column lines that end more than three lines short of the foot, on the run's last page. */
        int lastShort(Grid grid) {
            return feet.isEmpty() ? 0 : shortOf(feet.getLast(), grid);
        }

        /** Column lines more than three lines short of the foot, on all the run's pages. */
        int totalShort(Grid grid) {
            int n = 0;
            for (int[] f : feet) n += shortOf(f, grid);
            return n;
        }

        static int shortOf(int[] feet, Grid grid) {
            int n = 0;
            for (int f : feet) n += Math.max(0, grid.lines() - f - 3);
            return n;
        }

        int leftRows() {
            int n = 0;
            for (Piece p : left) n += p.index() ? 0 : ModuleBuilder.rowCount(p);
            return n;
        }
    }

    /**
     * How a run is stretched to fill its last page: photos this many columns over (or under) their
     * usual size, and this many lines of air around every headline, on the pages before the last.
     * (Headlines a level or more larger, on every page of the run, are the run's {@code grown} filler.)
     */
    record Stretch(int photos, int air) {
    }

    /** Tried in turn until one fills the last page: the plain run first, small changes before big ones. */
    private static final List<Stretch> STRETCHES = List.of(new Stretch(0, 0), new Stretch(1, 0), new Stretch(-1, 0),
            new Stretch(0, 1), new Stretch(1, 1), new Stretch(2, 1), new Stretch(-1, 1), new Stretch(1, 2),
            new Stretch(2, 2));

    /**
     * Tried only when the copy is all placed yet the last page stays over a quarter empty (a page more than
     * the copy fills: an odd page count made even, or {@code pages: N}): photos up to their lead size and
     * more air on every page before the last, so that copy is pushed on to the last page and spreads over
     * all of the run's pages. Ordinary runs never come here, so they cost no more time.
     */
    private static final List<Stretch> SPREADS = List.of(new Stretch(2, 3), new Stretch(3, 3), new Stretch(3, 4),
            new Stretch(4, 4), new Stretch(0, 4));

    /**
     * {@link #SPREADS} within the layout's {@code air.spread}; a layout that allows more air than they take
     * adds the same stretches at its most air after them, so that the smaller ones are still tried first.
     */
    private static List<Stretch> spreads(int most) {
        List<Stretch> out = new ArrayList<>();
        for (Stretch s : SPREADS) out.add(new Stretch(s.photos(), Math.min(s.air(), most)));
        if (most > LayoutRules.Air.SPREAD) for (Stretch s : SPREADS) out.add(new Stretch(s.photos(), most));
        return out.stream().distinct().toList();
    }

    /** By how many levels the run's headlines grow: the plain filler first, then those the layout allows. */
    private final List<PageFills> fillers;
    private final Grid grid;

    /**
     * @param fillers the pages filled with the layout's headlines, then with headlines one level larger, two
     *                levels … as far as the layout lets them grow ({@code headlines.grow})
     */
    SectionRun(List<PageFills> fillers) {
        this.fillers = List.copyOf(fillers);
        this.grid = fillers.getFirst().builder().grid();
    }

    /** The best run over {@code specs}: the copy all placed, the last page as full as it gets. */
    Result best(List<Piece> stories, List<Piece> briefs, List<PageSpec> specs, List<String> sections) {
        boolean photos = photos(stories, specs);
        Result best = null;
        for (Stretch stretch : STRETCHES) {
            if (!photos && stretch.photos() != 0) continue;
            if (specs.size() == 1 && !stretch.equals(STRETCHES.getFirst())) break;
            Result r = run(stories, briefs, specs, stretch, sections, 0, bound(best), false);
            if (r != null && (best == null || better(r, best))) best = r;
            if (best.left().isEmpty() && best.totalShort(grid) == 0) break;
        }
        if (specs.size() > 1 && best.left().isEmpty() && best.lastShort(grid) * 8 > grid.lines() * grid.columns()) {
            // the stretches again with every headline of the run larger, as far as the layout lets them grow
            spread:
            for (int grown = 0; grown < fillers.size(); grown++) {
                for (Stretch stretch : spreads(fillers.getFirst().builder().rules().air().spread())) {
                    if (!photos && stretch.photos() != 0) continue;
                    Result r = run(stories, briefs, specs, stretch, sections, grown, bound(best), false);
                    if (r != null && better(r, best)) best = r;
                    if (best.left().isEmpty() && best.totalShort(grid) == 0) break spread;
                }
            }
        }
        return best;
    }

    /**
     * Whether {@link #best} places all the copy: whether one of its stretches does, the headlines as the layout
     * sets them (the spreads and grown headlines are tried only once the copy is all placed). Finding a run's page
     * count asks this of too few pages first; a stretch whose last page certainly cannot take the copy that
     * reaches it ({@link PageFills#cannotHold}) is given up there, without filling that page, and the first
     * stretch that places everything ends the question. Exact where every piece left over has body rows, which
     * {@link #best}'s bound counts: a story without any could be left over uncounted.
     */
    boolean fits(List<Piece> stories, List<Piece> briefs, List<PageSpec> specs, List<String> sections) {
        boolean photos = photos(stories, specs);
        for (Stretch stretch : STRETCHES) {
            if (!photos && stretch.photos() != 0) continue;
            if (specs.size() == 1 && !stretch.equals(STRETCHES.getFirst())) break;
            Result r = run(stories, briefs, specs, stretch, sections, 0, Integer.MAX_VALUE, true);
            if (r != null && r.left().isEmpty()) return true;
        }
        return false;
    }

    /**
     * Whether the run's copy has photos to stretch. The plan's stories are the run's copy too: a planned story's
     * photo is stretched like any other (the sample's lead photo a column larger takes the lines its 江门 story
     * left short on page 2).
     */
    private static boolean photos(List<Piece> stories, List<PageSpec> specs) {
        return java.util.stream.Stream.concat(stories.stream(), specs.stream().flatMap(s -> s.planned().stream()))
                .anyMatch(p -> !p.furniture() && !p.story().article().photos().isEmpty());
    }

    /**
     * All the copy placed first, then pages before the last full, then a full last page; short of that,
     * the last page as full as it gets, but each step of stretch must earn its larger photos and air by
     * filling a few more lines.
     */
    private boolean better(Result a, Result b) {
        if (a.leftRows() != b.leftRows()) return a.leftRows() < b.leftRows();
        int ia = a.totalShort(grid) - a.lastShort(grid);
        int ib = b.totalShort(grid) - b.lastShort(grid);
        if (ia != ib) return ia < ib;
        boolean fa = a.lastShort(grid) == 0;
        boolean fb = b.lastShort(grid) == 0;
        if (fa || fb) return fa && !fb;
        return weight(a) < weight(b);
    }

    /**
     * The most column lines the pages before the last may end short in a run that could still beat {@code best}
     * ({@link #better}): with all its copy placed, one more short than it, or as many if its last page is full.
     * A run's short lines only grow page by page, so a run past this is given up before its last pages are filled.
     */
    private int bound(Result best) {
        if (best == null || best.leftRows() > 0) return Integer.MAX_VALUE;
        int inner = best.totalShort(grid) - best.lastShort(grid);
        return best.lastShort(grid) == 0 ? inner - 1 : inner;
    }

    private int weight(Result r) {
        Stretch s = r.stretch();
        // the white a stretched 导读 box frames weighs as the last page's does: a stretch may earn its place by
        // giving those lines to copy (the lead's photo larger, the box as tall as its items)
        return r.lastShort(grid) + r.framed() + STRETCH_STEP * (Math.abs(s.photos()) + s.air() + GROW_STEPS * r.grown());
    }

    /** Column lines a step of stretch must fill on the last page to be taken. */
    private static final int STRETCH_STEP = 8;
    /** A level of headline growth counts as this many steps of stretch: it changes every story of the run. */
    private static final int GROW_STEPS = 2;

    /**
     * The run over {@code specs}; null as soon as the pages before the last end more than {@code mostShort} column
     * lines short in all (see {@link #bound}), or, if {@code placesAll}, when its last page certainly cannot take
     * the copy left for it (see {@link #fits}).
     */
    Result run(List<Piece> stories, List<Piece> briefs, List<PageSpec> specs, Stretch stretch, List<String> sections,
               int grown, int mostShort, boolean placesAll) {
        PageFills filler = fillers.get(grown);
        Set<Piece> plannedLater = new HashSet<>();
        for (PageSpec s : specs) plannedLater.addAll(s.planned());
        List<Piece> queue = new ArrayList<>(stories);
        List<Piece> briefQueue = new ArrayList<>(briefs);
        queue.removeAll(plannedLater);
        briefQueue.removeAll(plannedLater);
        List<Piece> carried = List.of();
        List<List<Slot>> pages = new ArrayList<>();
        List<int[]> feet = new ArrayList<>();
        List<List<Piece>> unplaced = new ArrayList<>();
        boolean indexPlaced = false;
        double cost = 0;
        int framed = 0;
        int inner = 0;
        for (int i = 0; i < specs.size(); i++) {
            PageSpec spec = specs.get(i);
            plannedLater.removeAll(spec.planned());
            // the plan's articles open the page in its order; then the continuations; then the rest
            List<Piece> q = new ArrayList<>(spec.planned());
            q.addAll(carried);
            q.addAll(queue);
            PageFiller.Spec fs = new PageFiller.Spec(spec.ads().top(), i < specs.size() - 1,
                    spec.front(), spec.index(), spec.spans(), new LinkedHashSet<>(spec.planned()), stretch, sections,
                    spec.ads());
            if (placesAll && i == specs.size() - 1 && filler.cannotHold(fs, q, briefQueue)) return null;
            PageFiller.Filled f = filler.fill(fs, q, briefQueue);
            pages.add(f.slots());
            feet.add(feet(f.slots(), filler.builder()));
            for (Slot sl : f.slots()) {
                if (sl.piece().index()) framed += Math.max(0, sl.lines() - filler.indexLines(sl.span())) * sl.span();
            }
            if (i < specs.size() - 1) {
                inner += Result.shortOf(feet.getLast(), grid);
                if (inner > mostShort) return null;
            }
            List<Piece> missed = new ArrayList<>();
            for (Piece p : spec.planned()) if (f.queue().contains(p) || f.briefs().contains(p)) missed.add(p);
            unplaced.add(missed);
            indexPlaced |= spec.index() && f.indexPlaced();
            cost += f.cost();
            carried = f.carried();
            queue = new ArrayList<>(f.queue());
            queue.removeAll(missed);
            briefQueue = new ArrayList<>(f.briefs());
            briefQueue.removeAll(missed);
        }
        List<Piece> left = new ArrayList<>(carried);
        left.addAll(queue);
        left.addAll(briefQueue);
        // fillers are there to be used if needed; one left over is no copy left out
        left.removeIf(Piece::furniture);
        return new Result(pages, left, feet, unplaced, indexPlaced, stretch, grown, cost, framed);
    }

    /** Each column's last line of copy on a page: where the lowest module's text in that column ends. */
    int[] feet(List<Slot> slots, ModuleBuilder builder) {
        int[] feet = new int[grid.columns()];
        // an ad at the foot closes its columns there: the copy's foot in them is the ad's top
        int[] adTop = new int[grid.columns()];
        java.util.Arrays.fill(adTop, grid.lines());
        Map<Integer, Slot> lowest = new HashMap<>();
        for (Slot s : slots) {
            if (s.piece().isAd() && s.bottom() == grid.lines()) {
                for (int c = s.column(); c < s.column() + s.span(); c++) adTop[c] = Math.min(adTop[c], s.line());
                continue;
            }
            // a filler closes white on the page, but does not count as copy: pages and runs are chosen by what
            // the copy fills, so that no page is given over to fillers
            if (s.piece().isFiller()) continue;
            for (int c = s.column(); c < s.column() + s.span(); c++) {
                Slot l = lowest.get(c);
                if (l == null || s.bottom() > l.bottom()) lowest.put(c, s);
            }
        }
        for (var e : lowest.entrySet()) {
            Slot s = e.getValue();
            int foot = s.bottom();
            if (!s.piece().furniture() && !s.cut()) {
                foot -= builder.shortfall(s.piece(), s.span(), s.photoSpan(), s.rank(), s.lines(), s.headAir())
                        [e.getKey() - s.column()];
            }
            feet[e.getKey()] = foot;
        }
        for (int c = 0; c < feet.length; c++) feet[c] += grid.lines() - adTop[c];
        return feet;
    }
}
