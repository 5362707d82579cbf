package paiban.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills one page's type area with modules, as a make-up editor does: from the top down in bands that
 * run across the page, each band split into column groups ({@link BandShapes}: on six columns 6, 4+2, 2+4,
 * 3+3, 2+2+2, 5+1, 1+5), each group a stack of modules exactly as tall as the band. The most important piece waiting opens each
 * band; the other groups take the next stories, briefs (简讯) and the 导读 box. A module reaches its
 * group's height by its natural height, a line or two of air around its headline, a different photo
 * size, or a cut with a jump line when a later page of the section can take the rest.
 *
 * <p>The filler keeps a few of the best partial pages (a beam search) and scores each choice: white
 * lines, cuts, pieces set out of priority order, photo sizes away from the section's preference, odd
 * shapes, sections out of order ({@link Costs}). The best full page wins.
 */
final class PageFiller {

    /**
     * What a page asks for.
     *
     * @param top    the first grid line below the masthead (0 on inner pages)
     * @param canCut a later page of the section can take continuations
     * @param lead   the page opens with the lead story
     * @param index  the page must carry the 导读 box
     * @param spans  column spans the plan fixes for some pieces
     * @param must   pieces the plan puts on this page
     * @param stretch how much larger than usual photos and headline air should be on pages that can cut,
     *                which decides how much copy reaches the section's last page
     * @param sections the sections of the run in their order: a later section's piece placed while an earlier
     *                 one's waits costs {@link Costs#sectionOrder()}
     * @param ads    what the page keeps for its ads, placed before the copy: {@code top} is its first line
     */
    record Spec(int top, boolean canCut, boolean lead, boolean index, Map<Piece, Integer> spans, Set<Piece> must,
                SectionRun.Stretch stretch, List<String> sections, AdPlan.Reserve ads) {

        /** The line the copy ends at: the foot, or the top of the full-width ads there. */
        int bottom() {
            return ads.bottom();
        }

        /**
         * Where the band starting at {@code top} must end: at the narrow ad's band if it is still below,
         * else at the copy's foot.
         */
        int limit(int top) {
            AdPlan.Frame band = ads.band();
            return band != null && top <= band.line() ? band.line() : bottom();
        }

        int sectionRank(Piece p) {
            return p.furniture() ? -1 : Math.max(0, p.story().sectionIndex(sections));
        }

        int photoShift() {
            return stretch.photos();
        }

        /** Headline air every story module takes on a page that can cut. */
        int pad(Piece p) {
            return canCut && !p.brief() && !p.furniture() ? stretch.air() : 0;
        }
    }

    /**
     * A filled page: its slots, what is still waiting, and the new continuations for the next page.
     *
     * @param cost its score, lower is better
     */
    record Filled(List<Slot> slots, List<Piece> queue, List<Piece> briefs, List<Piece> carried, boolean indexPlaced,
                  double cost) {
    }

    private static final int BEAM = 5;
    /** A section's last page has no cuts to fall back on, so it looks at more layouts. */
    private static final int LAST_PAGE_BEAM = 10;
    private static final int KEEP_PER_STATE = 4;
    /** How many stories beyond the one opening a band a group may take, and how many briefs. */
    private static final int LOOK_STORIES = 3;
    private static final int LOOK_BRIEFS = 6;
    private static final int LOOK_FILLERS = 3;
    /** The 导读 box is at least this many lines tall (it spreads its items over the layout's {@code index.air} more). */
    private static final int MIN_INDEX = 10;

    private final ModuleBuilder builder;
    private final Grid grid;
    private final LayoutRules rules;
    private final Costs costs;
    private final List<int[]> shapes;
    /** The 导读 box as it stands: the pages that carry it ({@link Spec#index()}) make room for this one. */
    private final IndexBox index;

    PageFiller(ModuleBuilder builder, Costs costs, IndexBox index) {
        this.builder = builder;
        this.grid = builder.grid();
        this.rules = builder.rules();
        this.costs = costs;
        this.shapes = BandShapes.of(grid.columns());
        this.index = index;
    }

    ModuleBuilder builder() {
        return builder;
    }

    /** Grid lines the 导读 box takes at {@code span} columns: its items and the layout's air ({@code index.air}). */
    int indexLines(int span) {
        return index.minLines(span) + rules.index().air();
    }

    private record State(int top, List<Slot> slots, List<Piece> queue, List<Piece> briefs, List<Piece> carried,
                         boolean indexDone, double cost) {
    }

    /** One module of a stack: the piece, its photo span, natural height, and the row it is cut before (-1: whole). */
    private record Item(Piece piece, int photoSpan, int lines, int cutRow, int air) {
    }

    /** A group's stack, its slots placed, and what it costs. */
    private record Stack(List<Slot> slots, Set<Piece> used, double cost) {
    }

    /**
     * Where the search of a page looked past the end of the copy waiting, the only places where copy behind it,
     * of a later section, could change the page (see {@link PageFills}).
     *
     * @param reached     it had no copy left for a band or a group, or scored a partial page with none waiting
     * @param nextHeights the bands where it looked for the next story's height beside the band's first piece
     *                    ({@link #otherHeight}) and found none that fits
     */
    record CopyEnd(boolean reached, List<NextHeight> nextHeights) {
    }

    /**
     * A band where no next story was found for the group of {@code columns}: one found there would have added
     * a band of its height, if between {@code above} and {@code below} (both exclusive).
     */
    record NextHeight(int columns, int above, int below) {
    }

    /** What the last page filled looked for past its copy (a filler fills one page at a time). */
    private boolean copyEnd;
    private final List<NextHeight> nextHeights = new ArrayList<>();

    /** Where the last page filled looked past the end of its copy. */
    CopyEnd copyEnd() {
        return new CopyEnd(copyEnd, List.copyOf(nextHeights));
    }

    Filled fill(Spec spec, List<Piece> queue, List<Piece> briefs) {
        copyEnd = false;
        nextHeights.clear();
        State start = new State(spec.top(), List.of(), queue, briefs, List.of(), !spec.index(), 0);
        List<State> beam = List.of(start);
        State best = null;
        double bestCost = Double.MAX_VALUE;
        while (!beam.isEmpty()) {
            List<State> next = new ArrayList<>();
            for (State s : beam) {
                List<State> grown = s.top() < spec.bottom() ? expand(s, spec) : List.of();
                if (grown.isEmpty()) {
                    double c = finish(s, spec);
                    if (c < bestCost) {
                        bestCost = c;
                        best = s;
                    }
                } else {
                    next.addAll(grown);
                }
            }
            beam = dedupe(sorted(next, s -> (s.cost() + outlook(s, spec)) / (s.top() - spec.top() + 1.0)),
                    spec.canCut() ? BEAM : LAST_PAGE_BEAM);
        }
        // the full-width ads stand outside the copy's lines: they join the page's slots as they are
        List<Slot> slots = new ArrayList<>(best.slots());
        for (AdPlan.Frame f : spec.ads().fixed()) slots.add(adSlot(f));
        return new Filled(List.copyOf(slots), best.queue(), best.briefs(), best.carried(), best.indexDone(), bestCost);
    }

    /**
     * Whether a page that cannot cut certainly leaves some of the copy waiting: the least areas of its stories and
     * briefs ({@link #leastArea}) add up to more than its lines across all its columns. Adding stops as soon as they
     * do, so an overfull last page costs a look at the copy that fills it, not a search.
     */
    boolean cannotHold(Spec spec, List<Piece> queue, List<Piece> briefs) {
        long room = (long) (spec.bottom() - spec.top()) * grid.columns();
        long need = 0;
        for (List<Piece> list : List.of(queue, briefs)) {
            for (Piece p : list) {
                need += spec.spans().containsKey(p) ? leastArea(p, true) : leastAreas.computeIfAbsent(p, k -> leastArea(k, false));
                if (need > room) return true;
            }
        }
        return false;
    }

    /**
     * At least the column lines the whole piece takes on a page that cannot cut it: the least of
     * {@link ModuleBuilder#leastArea} over the spans it may take there ({@link #fits}; the lead any span of two
     * thirds of the page; {@code anySpan}: the plan gives it its span).
     */
    private int leastArea(Piece p, boolean anySpan) {
        if (p.furniture()) return 0;
        int least = Integer.MAX_VALUE;
        for (int w = 1; w <= grid.columns(); w++) {
            if (!anySpan && !fits(p, w, Rank.OTHER) && !fits(p, w, Rank.PAGE_LEAD) && w * 3 < grid.columns() * 2) continue;
            least = Math.min(least, builder.leastArea(p, w));
        }
        return least;
    }

    /** {@link #leastArea} of the pieces the plan leaves free, by piece. */
    private final java.util.Map<Piece, Integer> leastAreas = new java.util.HashMap<>();

    /**
     * The states by their score, lowest first, equal ones in their order (a stable sort), each scored once: on a
     * last page the score weighs every piece waiting, which a comparator would do at every comparison.
     */
    private static List<State> sorted(List<State> states, java.util.function.ToDoubleFunction<State> score) {
        record Scored(State state, double score) {
        }
        List<Scored> scored = new ArrayList<>(states.size());
        for (State s : states) scored.add(new Scored(s, score.applyAsDouble(s)));
        scored.sort(Comparator.comparingDouble(Scored::score));
        List<State> out = new ArrayList<>(scored.size());
        for (Scored s : scored) out.add(s.state());
        return out;
    }

    /** What makes two partial pages the same to go on from: where they end and what is still waiting. */
    private record Waiting(int top, List<Piece> queue, List<Piece> briefs, boolean indexDone) {
    }

    private static List<State> dedupe(List<State> states, int beam) {
        List<State> out = new ArrayList<>();
        Set<Waiting> seen = new HashSet<>();
        for (State s : states) {
            if (out.size() == beam) break;
            if (seen.add(new Waiting(s.top(), s.queue(), s.briefs(), s.indexDone()))) out.add(s);
        }
        return out;
    }

    /**
     * On a section's last page, how badly the copy still waiting will miss the room left: too much
     * will not fit, too little leaves the foot empty. Guides the beam before the page is done.
     */
    private double outlook(State s, Spec spec) {
        double pending = s.indexDone() ? 0 : costs.indexPending();
        if (spec.canCut()) return pending;
        double need = s.indexDone() ? 0 : index.minLines(2) * 2;
        for (List<Piece> list : List.of(s.queue(), s.briefs())) {
            for (Piece p : list) {
                if (p.furniture()) continue; // fillers are optional
                int w = typicalSpan(p);
                need += builder.natural(p, w, photoChoices(p, w, Rank.OTHER, spec)[0], Rank.OTHER) * w;
            }
        }
        AdPlan.Frame band = spec.ads().band();
        double room = (spec.bottom() - s.top()) * grid.columns()
                - (band != null && s.top() <= band.line() ? band.lines() * band.span() : 0);
        return pending + (need > room ? (need - room) * costs.overflow() / 4 : (room - need) * costs.whiteFoot() * 4);
    }

    /** The span a piece usually takes, for estimates: a brief its width, a story a quarter of the page or three columns. */
    int typicalSpan(Piece p) {
        if (p.index()) return index.lane();
        if (p.isFiller()) return p.filler().columns();
        if (p.isQuote()) return Math.min(grid.columns(), grid.columnsFor(rules.photos().preferredWidth()));
        if (p.brief()) return grid.columnsFor(Math.min(rules.briefs().maxWidth(), 2 * grid.charsPerColumn()));
        return Math.min(grid.columns(), Math.max(2, grid.columnsFor(36)));
    }

    /** The page's final score: what it left empty, and what it failed to place. */
    private double finish(State s, Spec spec) {
        double c = s.cost();
        int left = spec.bottom() - s.top();
        boolean waiting = !s.queue().isEmpty() || s.briefs().stream().anyMatch(p -> !p.furniture());
        copyEnd |= !waiting;
        // with copy waiting the page is stuck; without, it is a section's last page, which should be full too
        c += waiting ? left * grid.columns() * costs.stuck() : grid.columns() * costs.foot(left);
        for (Piece p : s.queue()) {
            if (spec.must().contains(p)) c += 1e6;
            if (p.continuation()) c += costs.unplacedContinuation();
            // a section's last page must take everything
            if (!spec.canCut()) c += costs.overflow() * ModuleBuilder.rowCount(p);
        }
        if (!spec.canCut()) for (Piece p : s.briefs()) c += costs.overflow() * ModuleBuilder.rowCount(p);
        for (Piece p : s.briefs()) if (spec.must().contains(p)) c += 1e6;
        // a section's story that goes on to the next page while a later section already stands on this one
        // breaks the sections' order: the reader would meet the section again after the other
        int highest = -1;
        for (Slot sl : s.slots()) highest = Math.max(highest, spec.sectionRank(sl.piece()));
        for (List<Piece> behind : List.of(s.carried(), s.queue(), s.briefs())) {
            for (Piece p : behind) if (!p.furniture() && spec.sectionRank(p) < highest) c += costs.sectionOrder() * 10;
        }
        if (!s.indexDone()) c += 1e5;
        // a pull quote belongs on its story's page: the editor chose it to draw readers into the story; one that
        // could stand inside its story's module is left out as surely by a shape that leaves it no room there
        for (Slot sl : s.slots()) {
            Piece p = sl.piece();
            if (!p.furniture() && !p.continuation() && !p.brief() && !p.story().article().quote().isEmpty()
                    // the slot's own answer first (one cached look-up); whether any shape could hold it, only then
                    && !builder.quoteInside(p, sl.span(), sl.photoSpan(), sl.rank()) && builder.quoteCanStandInside(p)) {
                c += costs.quoteLeftOut();
            }
        }
        for (Piece p : s.briefs()) {
            if (!p.isQuote()) continue;
            for (Slot sl : s.slots()) {
                if (sl.piece().story() == p.story() && !sl.piece().furniture()) {
                    c += costs.quoteLeftOut();
                    break;
                }
            }
        }
        return c;
    }

    /**
     * The piece that opens the next band: the plan's next article, else the most important one waiting of
     * the earliest section that has copy waiting (sections keep their order), else the 导读 box.
     */
    private Piece head(State s, Spec spec) {
        for (Piece p : s.queue()) if (spec.must().contains(p)) return p;
        for (Piece p : s.briefs()) if (spec.must().contains(p)) return p;
        int earliest = earliest(s, spec, Set.of());
        copyEnd |= earliest == Integer.MAX_VALUE;
        for (Piece p : s.queue()) if (spec.sectionRank(p) == earliest) return p;
        for (Piece p : s.briefs()) if (!p.furniture() && spec.sectionRank(p) == earliest) return p;
        if (!s.indexDone()) return Piece.INDEX;
        // the copy is all placed and room is left: a filler may take it, on a page that must come out even
        boolean copy = s.slots().stream().anyMatch(sl -> !sl.piece().furniture());
        if (!spec.canCut() && copy) for (Piece p : s.briefs()) if (p.isFiller()) return p;
        return null;
    }

    /** The rank of the earliest section with copy waiting that is not {@code used}; MAX_VALUE if none. */
    private static int earliest(State s, Spec spec, Set<Piece> used) {
        int e = Integer.MAX_VALUE;
        // the rank first: a piece that cannot lower the answer need not be looked up in the band's pieces
        for (Piece p : s.queue()) {
            int r = spec.sectionRank(p);
            if (r < e && !used.contains(p)) e = r;
        }
        for (Piece p : s.briefs()) {
            if (p.furniture()) continue;
            int r = spec.sectionRank(p);
            if (r < e && !used.contains(p)) e = r;
        }
        return e;
    }

    private List<State> expand(State s, Spec spec) {
        List<State> out = expand(s, spec, false);
        // when the section's photo sizes leave no way on, any size will do
        return out.isEmpty() ? expand(s, spec, true) : out;
    }

    private List<State> expand(State s, Spec spec, boolean anyPhoto) {
        AdPlan.Frame ad = spec.ads().band();
        if (ad != null && s.top() == ad.line()) {
            State n = adBand(s, spec, ad);
            return n == null ? List.of() : List.of(n);
        }
        Piece head = head(s, spec);
        if (head == null && ad != null && s.top() < ad.line()) {
            // the copy has run out above the ad: the lines down to it stay white, which the score counts as a foot
            return List.of(new State(ad.line(), s.slots(), s.queue(), s.briefs(), s.carried(), s.indexDone(),
                    s.cost() + grid.columns() * costs.foot(ad.line() - s.top())));
        }
        if (head == null) return List.of();
        int room = spec.limit(s.top()) - s.top();
        // the page's first piece is its 头条: the lead on page 1, a full headline group elsewhere
        // (an ad booked for the page's top does not take that place: it is no story)
        boolean opens = s.slots().stream().allMatch(sl -> sl.piece().isAd()) && !head.furniture() && !head.continuation();
        Rank rank = !opens ? Rank.OTHER : spec.lead() ? Rank.LEAD : Rank.PAGE_LEAD;
        int minBand = costs.minBand();
        List<State> out = new ArrayList<>();
        for (int[] config : shapes) {
            int g = headGroup(config, head, spec, rank, room);
            // a page's most important story (头条) opens it at the top left
            if (g < 0 || s.slots().isEmpty() && g != 0) continue;
            int w = config[g];
            for (int ps : anyPhoto ? ModuleBuilder.photoSpans(head, w) : photoChoices(head, w, rank, spec)) {
                int natural = head.index() ? index.minLines(w) : builder.natural(head, w, ps, rank) + spec.pad(head);
                if (head.isFiller() && natural > room) continue;
                // whole, it must keep its legs; cut, the cut does
                if (natural < room && !builder.legal(head, w, ps, rank)) continue;
                List<Integer> heights = new ArrayList<>();
                if (natural >= room - minBand + 1) {
                    heights.add(room);
                    // a long story may also be cut higher up, leaving the page's foot to others
                    if (spec.canCut() && !head.furniture() && !head.brief()) {
                        for (double f : new double[] {0.45, 0.62}) {
                            int h = (int) (room * f);
                            if (h >= 20 && room - h >= minBand) heights.add(h);
                        }
                    }
                } else {
                    heights.add(natural);
                    heights.add(room);
                    // a section's last page has no cuts to make it come out even: air around headlines does
                    for (int a = 1; a <= rules.air().lastPage() && !spec.canCut(); a++) {
                        if (natural + a < room - minBand) heights.add(natural + a);
                    }
                    int other = otherHeight(s, config, g, head, spec);
                    if (other > natural && other < room - minBand) heights.add(other);
                    if (other < 0 && config.length > 1) nextHeights.add(new NextHeight(config[g == 0 ? 1 : 0], natural, room - minBand));
                }
                for (int h : heights) {
                    State n = band(s, spec, config, g, head, ps, rank, h);
                    if (n != null) out.add(n);
                }
            }
        }
        List<State> best = sorted(out, n -> n.cost() + outlook(n, spec));
        return best.size() > KEEP_PER_STATE ? best.subList(0, KEEP_PER_STATE) : best;
    }

    /** The group the opening piece takes in a band split as {@code config}, or -1 if it should not. */
    private int headGroup(int[] config, Piece head, Spec spec, Rank rank, int room) {
        Integer fixed = spec.spans().get(head);
        // the lead takes two thirds of the page's width or more, at the left
        if (rank == Rank.LEAD && fixed == null) return config[0] * 3 >= grid.columns() * 2 ? 0 : -1;
        int best = -1;
        for (int g = 0; g < config.length; g++) {
            int w = config[g];
            if (fixed != null ? w != fixed : !fits(head, w, rank) || !standsAt(head, w, rank, room)) continue;
            if (fixed != null) return g;
            if (best < 0 || w > config[best]) best = g;
        }
        return best;
    }

    /** Whether the piece can open a band at {@code w} columns: set whole with its legs, or cut. */
    private boolean standsAt(Piece p, int w, Rank rank, int room) {
        if (p.furniture()) return true;
        for (int ps : ModuleBuilder.photoSpans(p, w)) {
            if (builder.legal(p, w, ps, rank) || builder.natural(p, w, ps, rank) >= room - costs.minBand() + 1) return true;
        }
        return false;
    }

    /** Spans a piece may take when the plan leaves it free: a brief that opens a page is set as a story. */
    private boolean fits(Piece p, int w, Rank rank) {
        if (p.index()) return index.fits(w);
        if (p.isFiller()) return w == p.filler().columns();
        if (p.isQuote()) return w <= Math.max(1, grid.columnsFor(rules.photos().preferredWidth()));
        if (p.brief() && !rank.leads()) return w <= briefColumns();
        // a story too short for two legs of five lines stands in one column
        return w >= 2 || grid.columns() <= 3 || ModuleBuilder.rowCount(p) < 2 * ModuleBuilder.MIN_LEG;
    }

    private int briefColumns() {
        return Math.max(1, grid.charsPerColumn() > 0 ? rules.briefs().maxWidth() / grid.charsPerColumn() : 1);
    }

    /** The band height at which the next story would fit the first other group exactly. */
    private int otherHeight(State s, int[] config, int g, Piece head, Spec spec) {
        if (config.length < 2) return -1;
        int w = config[g == 0 ? 1 : 0];
        for (Piece p : s.queue()) {
            int h = p == head ? -1 : nextHeight(p, w, spec);
            if (h >= 0) return h;
        }
        return -1;
    }

    /** The height {@code p} takes in a group of {@code w} columns beside a band's first piece; -1 if it does not fit there. */
    int nextHeight(Piece p, int w, Spec spec) {
        if (!fits(p, w, Rank.OTHER)) return -1;
        int ps = photoChoices(p, w, Rank.OTHER, spec)[0];
        return builder.natural(p, w, ps, Rank.OTHER) + spec.pad(p);
    }

    /** Lays one band of height {@code h} split as {@code config}, with {@code head} in group {@code g}. */
    private State band(State s, Spec spec, int[] config, int g, Piece head, int ps, Rank rank, int h) {
        // a band that ends on the narrow ad's top ends like one at the foot: the ad closes its columns
        boolean foot = s.top() + h == spec.limit(s.top());
        if (h < costs.minBand() && !foot) return null;
        Set<Piece> used = new HashSet<>();
        List<Slot> slots = new ArrayList<>();
        double cost = h < costs.minBand() ? costs.shortBand() : 0;
        if (config.length == 1 && !s.slots().isEmpty() && s.slots().getLast().span() == grid.columns()) cost += costs.wideAgain();
        boolean lead = rank == Rank.LEAD;
        used.add(head); // whichever group comes first, the head is spoken for
        int column = 0;
        for (int k = 0; k < config.length; k++) {
            int w = config[k];
            // page 1's 导读 box stands at the top of a column group beside the lead, when it has one
            Piece first = k == g ? head : lead && !s.indexDone() && !used.contains(Piece.INDEX) && w == index.lane()
                    ? Piece.INDEX : null;
            Stack st = stack(s, spec, w, h, foot, used, first, k == g ? ps : 0, k == g ? rank : Rank.OTHER);
            if (st == null) return null;
            for (Slot sl : st.slots()) slots.add(sl.at(column, s.top() + (sl.line())));
            used.addAll(st.used());
            cost += st.cost();
            column += w;
        }
        // fillers close white; they never make up more than a share of a page, or the page is the fillers'
        int fillerArea = 0;
        for (List<Slot> list : List.of(s.slots(), slots)) {
            for (Slot sl : list) if (sl.piece().isFiller()) fillerArea += sl.lines() * sl.span();
        }
        if (fillerArea > costs.fillerShare() * grid.lines() * grid.columns()) return null;
        // priority: every more important story still waiting behind a placed one costs
        List<Piece> queue = new ArrayList<>();
        int waiting = 0;
        for (Piece p : s.queue()) {
            if (used.contains(p)) {
                cost += costs.order() * waiting;
            } else {
                queue.add(p);
                waiting++;
            }
        }
        // sections keep their order: a later section's piece placed while an earlier section's waits
        for (Piece p : used) {
            int r = spec.sectionRank(p);
            if (r <= 0) continue;
            for (Piece q : s.queue()) if (spec.sectionRank(q) < r && !used.contains(q)) cost += costs.sectionOrder();
            for (Piece q : s.briefs()) if (spec.sectionRank(q) < r && !used.contains(q)) cost += costs.sectionOrder();
        }
        List<Piece> briefs = new ArrayList<>();
        int briefsWaiting = 0;
        for (Piece p : s.briefs()) {
            if (used.contains(p)) {
                if (p.furniture()) cost += costs.filler();
                else cost += costs.order() / 6 * briefsWaiting;
            } else {
                briefs.add(p);
                if (!p.furniture()) briefsWaiting++;
            }
        }
        if (spec.lead()) {
            for (Piece p : used) if (!p.furniture() && !p.brief() && !p.continuation() && p != head) cost += costs.frontStory();
            if (!lead && !head.furniture() && !head.brief() && !head.continuation()) cost += costs.frontStory();
        }
        return next(s, h, slots, queue, briefs, used, cost);
    }

    /**
     * The state after a band {@code h} lines tall: its slots added, the rest of every piece it cut carried
     * to the next page, and what is still waiting.
     */
    private static State next(State s, int h, List<Slot> slots, List<Piece> queue, List<Piece> briefs, Set<Piece> used,
                              double cost) {
        List<Piece> carried = new ArrayList<>(s.carried());
        for (Slot sl : slots) if (sl.cut()) carried.add(sl.piece().rest(sl.next()));
        List<Slot> all = new ArrayList<>(s.slots());
        all.addAll(slots);
        return new State(s.top() + h, List.copyOf(all), queue, briefs, carried,
                s.indexDone() || used.contains(Piece.INDEX), s.cost() + cost);
    }

    /** A full-width or corner ad's slot: reserved before the copy, never cut, never moved. */
    private static Slot adSlot(AdPlan.Frame f) {
        return new Slot(Piece.of(f), f.column(), f.span(), f.line(), f.lines(), 0, 0, 0, Rank.OTHER);
    }

    /**
     * The band of the ad narrower than the page: the ad takes its columns at its side, and the columns
     * beside it are filled as any group is, to the ad's height (at the foot, like a band that ends there).
     */
    private State adBand(State s, Spec spec, AdPlan.Frame ad) {
        int h = ad.lines();
        int w = grid.columns() - ad.span();
        boolean foot = ad.bottom() == spec.bottom();
        Set<Piece> used = new HashSet<>();
        Stack st = stack(s, spec, w, h, foot, used, null, 0, Rank.OTHER);
        double cost = 0;
        List<Slot> slots = new ArrayList<>();
        slots.add(adSlot(ad));
        int column = ad.column() == 0 ? ad.span() : 0;
        if (st == null) {
            // nothing waiting fits beside the ad: its columns stay white, which the page's score shows
            cost += w * h * costs.stuck();
        } else {
            for (Slot sl : st.slots()) slots.add(sl.at(column, s.top() + sl.line()));
            used.addAll(st.used());
            cost += st.cost();
        }
        List<Piece> queue = new ArrayList<>(s.queue());
        queue.removeAll(used);
        List<Piece> briefs = new ArrayList<>(s.briefs());
        briefs.removeAll(used);
        for (Piece p : used) if (p.furniture()) cost += costs.filler();
        return next(s, h, slots, queue, briefs, used, cost);
    }

    /**
     * The best stack for a group {@code w} columns wide and {@code h} lines tall, from the pieces waiting
     * (not yet {@code used} in this band), opening with {@code first} if given. Slots are placed at
     * column 0 and lines from 0; the band shifts them.
     */
    private Stack stack(State s, Spec spec, int w, int h, boolean foot, Set<Piece> used, Piece first, int firstPs,
                        Rank rank) {
        return stacks.stack(s, spec, w, h, foot, used, first, firstPs, rank, this::searchStack);
    }

    /** The stacks found for the state being expanded: its bands' shapes ask for the same group again and again. */
    private final GroupStacks<State, Spec, Stack> stacks = new GroupStacks<>();

    private Stack searchStack(State s, Spec spec, int w, int h, boolean foot, Set<Piece> used, Piece first, int firstPs,
                              Rank rank) {
        List<Piece> candidates = new ArrayList<>();
        int stories = 0;
        // a later section's copy waits until the earlier sections' copy is placed: sections keep their order
        int earliest = earliest(s, spec, used);
        copyEnd |= earliest == Integer.MAX_VALUE;
        for (Piece p : s.queue()) {
            if (p == first || spec.sectionRank(p) > earliest || used.contains(p)) continue;
            Integer fixed = spec.spans().get(p);
            if (fixed != null ? fixed != w : !fits(p, w, Rank.OTHER)) {
                if (spec.must().contains(p)) break; // a planned piece keeps its turn
                continue;
            }
            candidates.add(p);
            if (++stories == LOOK_STORIES) break;
        }
        int briefs = 0;
        int fillers = 0;
        for (Piece p : s.briefs()) {
            if (p.isQuote()) {
                // a pull quote stands on a page that carries its story
                boolean withStory = false;
                for (Slot sl : s.slots()) withStory |= sl.piece().story() == p.story() && !sl.piece().furniture();
                for (Piece u : used) withStory |= u.story() == p.story() && !u.furniture();
                if (withStory && !used.contains(p) && p != first && fits(p, w, Rank.OTHER)) candidates.add(p);
                continue;
            }
            if (p.isFiller()) {
                // a filler is for a page that must come out even, and only where it fits the group's width
                if (!spec.canCut() && !used.contains(p) && p != first && fits(p, w, Rank.OTHER) && fillers++ < LOOK_FILLERS) {
                    candidates.add(p);
                }
                continue;
            }
            // enough briefs: go on only for the pull quotes and fillers behind them (the cheap tests first)
            if (briefs == LOOK_BRIEFS || p == first || spec.sectionRank(p) > earliest || used.contains(p)) continue;
            if (spec.spans().containsKey(p) && spec.spans().get(p) != w) continue;
            if (!fits(p, w, Rank.OTHER) && !spec.spans().containsKey(p)) continue;
            candidates.add(p);
            briefs++;
        }
        if (!s.indexDone() && !used.contains(Piece.INDEX) && first != Piece.INDEX && index.fits(w)) {
            candidates.add(Piece.INDEX);
        }
        Search search = new Search(spec, w, h, foot, candidates);
        List<Item> items = new ArrayList<>();
        int remaining = h;
        double base = 0;
        if (first != null) {
            int pad = spec.pad(first);
            int natural = first.index() ? index.minLines(w) : builder.natural(first, w, firstPs, rank) + pad;
            base += itemCost(first, w, firstPs, rank, spec) + shapeCost(first, w, firstPs, rank, Math.min(h, natural));
            if (first.isFiller() && natural > h) return null;
            if (first.index() && natural > h) {
                if (h < MIN_INDEX) return null;
                items.add(new Item(first, 0, h, -1, 0));
                search.close(items, 0, base + (natural - h) * w * costs.whiteMid(), Rank.OTHER);
                return search.best;
            }
            if (natural <= h && !builder.legal(first, w, firstPs, rank)) return null;
            if (spec.canCut() && !first.furniture() && !first.brief()) {
                // a long piece may be cut higher, to make room for one more below it (a brief, the 导读 box)
                for (Piece c : candidates) {
                    if (c.isFiller()) continue;
                    int cps = c.index() ? 0 : photoChoices(c, w, Rank.OTHER, spec)[0];
                    if (!builder.legal(c, w, cps, Rank.OTHER)) continue;
                    int below = c.index() ? index.minLines(w) : builder.natural(c, w, cps, Rank.OTHER);
                    int cut = h - below;
                    int row = cut < 12 ? -1 : builder.cutAt(first, w, firstPs, rank, cut);
                    if (row < 0) continue;
                    items.add(new Item(first, firstPs, cut, row, 0));
                    items.add(new Item(c, cps, below, -1, 0));
                    search.close(items, 0, base + costs.cut() + itemCost(c, w, cps, Rank.OTHER, spec), rank);
                    items.clear();
                }
            }
            if (natural > h) {
                int row = spec.canCut() ? builder.cutAt(first, w, firstPs, rank, h) : -1;
                if (row >= 0) {
                    items.add(new Item(first, firstPs, h, row, 0));
                    search.close(items, 0, base + costs.cut(), rank);
                }
                return search.best;
            }
            items.add(new Item(first, firstPs, natural, -1, pad));
            remaining -= natural;
        }
        search.run(items, remaining, 0, base, rank);
        if (search.best == null && first == null && foot && !spec.canCut()) {
            // the section's copy has run out: the group stays empty, which the page's score shows
            return new Stack(List.of(), Set.of(), w * costs.foot(h));
        }
        return search.best;
    }

    /**
     * What a module's proportions cost: body columns of a few lines look like a strip, very tall ones
     * like a book page; heavy stories want width, light ones need none.
     */
    private double shapeCost(Piece p, int w, int ps, Rank rank, int lines) {
        if (p.furniture()) return 0;
        double c = 0;
        int n = grid.columns();
        int body = lines - builder.headLines(p, w, rank);
        if (ps > 0) body -= builder.natural(p, w, ps, rank) - builder.natural(p, w, 0, rank);
        // the body opens under its photo, away from the headline, where an L-shaped module would open it beside
        if (ps > 0 && ps < w && !builder.lShaped(p, w, ps)) c += costs.openUnderPhoto();
        if (body < costs.minColumnLines() && !p.brief()) c += (costs.minColumnLines() - body) * costs.strip() * w;
        // white under a short body beside a long vertical headline (竖排标题) is a hole like any other
        c += builder.whiteBesideHead(p, w, ps, rank) * costs.whiteMid();
        // a module nearly as tall as the page and as wide reads like a book page
        int tall = (int) (grid.lines() * 0.68);
        if (lines > tall && w * 6 >= n * 5) c += (lines - tall) * 2;
        // a module over two fifths of the page crowds out the page's other stories
        double area = lines * w - 0.4 * grid.lines() * n;
        if (area > 0) c += area * costs.big() * (p.continuation() ? 0.5 : 1);
        // the lead leaves room on page 1 for the other top stories
        double lead1 = lines * w - 0.3 * grid.lines() * n;
        if (rank == Rank.LEAD && lead1 > 0) c += lead1 * 2 * costs.big();
        if (!p.brief() && !p.continuation()) {
            int priority = p.priority();
            if (priority <= 2 && w * 2 < n) c += 15;
            if (priority >= 4 && w * 6 >= n * 5) c += 10;
        }
        return c;
    }

    private double itemCost(Piece p, int w, int ps, Rank rank, Spec spec) {
        double c = 0;
        if (ps > 0) {
            int photos = p.story().article().photos().size();
            c += costs.photo() * Math.abs(ps - preferredPhoto(w, rank, spec.photoShift())) * Math.min(photos, 2);
        }
        if (!p.furniture() && !p.brief() && w == 1 && grid.columns() > 3) c += costs.narrowStory();
        if (p.brief() && !rank.leads() && w > briefColumns()) c += costs.wideBrief();
        return c;
    }

    /** The photo span a module of {@code w} columns takes by default, shifted by the section's stretch. */
    int preferredPhoto(int w, Rank rank, int shift) {
        int pref = grid.columnsFor(rules.photos().preferredWidth());
        int most = grid.columnsFor(rules.photos().leadWidth());
        boolean lead = rank == Rank.LEAD;
        int base = lead ? Math.min(most, Math.max(pref, w - pref)) : w >= pref ? pref : 1;
        // the lead's photo is the page's picture: stretching may enlarge it, never shrink it
        return Math.max(1, Math.min(Math.min(w, most), base + (lead ? Math.max(0, shift) : shift)));
    }

    /**
     * Photo spans to try: on a page that can cut, only the section's preference, which is what decides
     * how much copy reaches the section's last page; on the last page, the sizes around it too.
     */
    private int[] photoChoices(Piece p, int w, Rank rank, Spec spec) {
        int[] all = ModuleBuilder.photoSpans(p, w);
        if (all.length == 1) return all;
        int pref = preferredPhoto(w, rank, spec.photoShift());
        boolean made = all.length < NEAREST.length && pref >= 0 && pref < NEAREST.length;
        if (spec.canCut()) return made ? NEAREST[0][pref] : new int[] {pref};
        // the section's last page may size its photos freely: they are what can fill it
        return made ? NEAREST[all.length][pref] : nearest(all.length, pref);
    }

    /**
     * {@link #photoChoices}' answers, made once (the search asks at every step; a new array each time was a
     * tenth of its allocation), shared and only read: [0][pref] is {pref} alone, [n][pref] every span of 1 to
     * n once, nearest {@code pref} first ({@link #nearest}).
     */
    private static final int[][][] NEAREST = new int[ModuleBuilder.MADE_SPANS][ModuleBuilder.MADE_SPANS][];

    static {
        for (int pref = 0; pref < NEAREST.length; pref++) NEAREST[0][pref] = new int[] {pref};
        for (int n = 1; n < NEAREST.length; n++) {
            for (int pref = 0; pref < NEAREST.length; pref++) NEAREST[n][pref] = nearest(n, pref);
        }
    }

    /** Every span of 1 to {@code n} once, nearest the preference first; the preference itself first in any case. */
    private static int[] nearest(int n, int pref) {
        int[] out = new int[n + 1];
        int k = 0;
        out[k++] = pref;
        for (int d = 1; d < n; d++) {
            if (pref + d <= n) out[k++] = pref + d;
            if (pref - d >= 1) out[k++] = pref - d;
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /** A depth-first search for the cheapest stack of modules that fills a group exactly. */
    private final class Search {
        private final Spec spec;
        private final int w;
        private final int h;
        private final boolean foot;
        private final List<Piece> candidates;
        Stack best;

        Search(Spec spec, int w, int h, boolean foot, List<Piece> candidates) {
            this.spec = spec;
            this.w = w;
            this.h = h;
            this.foot = foot;
            this.candidates = candidates;
        }

        void run(List<Item> items, int remaining, int from, double cost, Rank rank) {
            if (!items.isEmpty()) close(items, remaining, cost, rank);
            if (items.size() == 4 || remaining < 4) return;
            if (best != null && cost >= best.cost()) return;
            // counted by hand: a stream here, at every step of every group's search, was a twentieth of a composition
            int stories = 0;
            for (Item i : items) if (!i.piece().brief() && !i.piece().furniture()) stories++;
            for (int k = from; k < candidates.size(); k++) {
                Piece p = candidates.get(k);
                boolean story = !p.brief() && !p.furniture();
                if (story && stories >= 2) continue;
                for (int ps : photoChoices(p, w, Rank.OTHER, spec)) {
                    int natural = p.index() ? index.minLines(w) : builder.natural(p, w, ps, Rank.OTHER);
                    int pad = natural + spec.pad(p) <= remaining ? spec.pad(p) : 0;
                    natural += pad;
                    double c = cost + itemCost(p, w, ps, Rank.OTHER, spec);
                    items.add(new Item(p, ps, natural, -1, pad));
                    if (natural <= remaining) {
                        if (builder.legal(p, w, ps, Rank.OTHER)) {
                            run(items, remaining - natural, k + 1, c + shapeCost(p, w, ps, Rank.OTHER, natural), rank);
                        }
                    } else if (spec.canCut() && story) {
                        int row = builder.cutAt(p, w, ps, Rank.OTHER, remaining);
                        if (row >= 0) {
                            items.set(items.size() - 1, new Item(p, ps, remaining, row, 0));
                            close(items, 0, c + costs.cut() + shapeCost(p, w, ps, Rank.OTHER, remaining), rank);
                        }
                    } else if (p.index() && remaining >= MIN_INDEX) {
                        items.set(items.size() - 1, new Item(p, 0, remaining, -1, 0));
                        close(items, 0, c + (natural - remaining) * w * costs.whiteMid(), rank);
                    }
                    items.removeLast();
                }
            }
        }

        /** Turns a stack into slots, giving its spare lines to headline air and then to white below. */
        void close(List<Item> items, int spare, double cost, Rank rank) {
            double c = cost;
            int[] air = new int[items.size()];
            for (int i = 0; i < items.size(); i++) air[i] = items.get(i).air();
            for (int i = 0; i < items.size() && spare > 0; i++) {
                Item it = items.get(i);
                if (it.cutRow() >= 0) continue;
                // a section's last page, with no cut to even it out, may open its headlines a little more
                LayoutRules.Air room = rules.air();
                int normal = spec.canCut() ? room.normal() : room.lastPage();
                Rank r = i == 0 ? rank : Rank.OTHER;
                int max = it.piece().index() ? rules.index().air() : it.piece().furniture() ? 0
                        : it.piece().brief() && !r.leads() ? 1 : r == Rank.LEAD ? normal + 1 : normal;
                int a = Math.max(0, Math.min(max - air[i], spare));
                air[i] += a;
                spare -= a;
                c += a * w * (it.piece().index() ? costs.airIndex() : costs.air());
            }
            // placing page 1's 导读 box settles what the beam would otherwise count against the page
            for (Item it : items) if (it.piece().index()) c -= costs.indexPending();
            Item last = items.getLast();
            if (foot && !last.piece().furniture() && last.cutRow() < 0) {
                int[] sf = builder.shortfall(last.piece(), w, last.photoSpan(), items.size() == 1 ? rank : Rank.OTHER,
                        last.lines() + air[items.size() - 1] - last.air() + spare, air[items.size() - 1]);
                for (int f : sf) c += costs.foot(f);
            } else if (foot) {
                c += w * costs.foot(spare);
            } else {
                c += spare * w * costs.whiteMid();
            }
            if (best != null && c >= best.cost()) return;
            List<Slot> slots = new ArrayList<>();
            Set<Piece> used = new HashSet<>();
            int line = 0;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                int lines = it.lines() + air[i] - it.air() + (i == items.size() - 1 ? spare : 0);
                int next = it.cutRow() >= 0 ? it.cutRow() : it.piece().furniture() ? 0 : it.piece().story().end();
                slots.add(new Slot(it.piece(), 0, w, line, lines, it.photoSpan(), air[i], next, i == 0 ? rank : Rank.OTHER));
                used.add(it.piece());
                line += lines;
            }
            best = new Stack(slots, used, c);
        }
    }
}
