package paiban.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills one page's type area with modules, as a make-up editor does: from the top down in bands that
 * run across the page, each band split into column groups (6, 4+2, 2+4, 3+3, 2+2+2, 5+1, 1+5), each
 * group a stack of modules exactly as tall as the band. The most important piece waiting opens each
 * band; the other groups take the next stories, briefs (简讯) and the 导读 box. A module reaches its
 * group's height by its natural height, a line or two of air around its headline, a different photo
 * size, or a cut with a jump line when a later page of the section can take the rest.
 *
 * <p>The filler keeps a few of the best partial pages (a beam search) and scores each choice: white
 * lines, cuts, pieces set out of priority order, photo sizes away from the section's preference, odd
 * shapes. The best full page wins.
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
     */
    record Spec(int top, boolean canCut, boolean lead, boolean index, Map<Piece, Integer> spans, Set<Piece> must,
                SectionRun.Stretch stretch) {

        int sigma() {
            return stretch.photos();
        }

        /** Headline air every story module takes on a page that can cut. */
        int pad(Piece p) {
            return canCut && !p.brief() && !p.index() ? stretch.air() : 0;
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

    private static final int[][] CONFIGS = {{6}, {4, 2}, {2, 4}, {3, 3}, {2, 2, 2}, {5, 1}, {1, 5}};
    /** Bands shorter than this look like strips, except at the page foot. */
    private static final int MIN_BAND = 8;
    private static final int BEAM = 5;
    /** A section's last page has no cuts to fall back on, so it looks at more layouts. */
    private static final int LAST_PAGE_BEAM = 10;
    private static final int KEEP_PER_STATE = 4;
    /** How many stories beyond the one opening a band a group may take, and how many briefs. */
    private static final int LOOK_STORIES = 3;
    private static final int LOOK_BRIEFS = 6;

    // costs, in points of a page's badness
    private static final double WHITE_MID = 6;        // per column line of white above another module
    private static final double WHITE_FOOT = 0.5;     // per column line of white at the foot (up to three lines)
    private static final double WHITE_HOLE = 40;      // per column line beyond what the foot allows
    private static final double AIR = 1.2;            // per column line of headline air
    private static final double AIR_INDEX = 0.1;      // the 导读 box spreads its items at almost no cost
    private static final double CUT = 20;             // a jump
    private static final double FRONT_STORY = -15;    // each story that starts on page 1 besides the lead
    private static final double ORDER = 9;            // per more important story left waiting
    private static final double PHOTO = 12;           // per column a photo is off the preferred size
    private static final double NARROW_STORY = 40;    // a story in a single column
    private static final double WIDE_BRIEF = 15;      // a brief over four columns or more
    private static final double SHORT_BAND = 60;
    private static final double UNPLACED_CONTINUATION = 400;
    private static final double OVERFLOW = 200;       // per row of copy a section's last page leaves out
    private static final double STUCK = 30;           // per column line left empty while copy waits
    private static final double STRIP = 1.5;          // per column and line a story's body is under MIN_COLUMN_LINES
    private static final double WIDE_AGAIN = 25;      // a full-width band under another one
    private static final double BIG = 0.3;            // per column line a module is over two fifths of the page
    private static final int MIN_COLUMN_LINES = 10;
    private static final int MIN_INDEX = 10;
    private static final int INDEX_AIR = 6;
    private static final double INDEX_PENDING = 300;  // page 1 without its 导读 box yet

    private final ModuleBuilder builder;
    private final Grid grid;
    private IndexBox index;

    PageFiller(ModuleBuilder builder) {
        this.builder = builder;
        this.grid = builder.grid();
    }

    void index(IndexBox box) {
        this.index = box;
    }

    IndexBox indexBox() {
        return index;
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

    Filled fill(Spec spec, List<Piece> queue, List<Piece> briefs) {
        State start = new State(spec.top(), List.of(), queue, briefs, List.of(), !spec.index(), 0);
        List<State> beam = List.of(start);
        State best = null;
        double bestCost = Double.MAX_VALUE;
        while (!beam.isEmpty()) {
            List<State> next = new ArrayList<>();
            for (State s : beam) {
                List<State> grown = s.top() < grid.lines() ? expand(s, spec) : List.of();
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
            next.sort(Comparator.comparingDouble(s -> (s.cost() + outlook(s, spec)) / (s.top() - spec.top() + 1.0)));
            beam = dedupe(next, spec.canCut() ? BEAM : LAST_PAGE_BEAM);
        }
        return new Filled(best.slots(), best.queue(), best.briefs(), best.carried(), best.indexDone(), bestCost);
    }

    private static List<State> dedupe(List<State> states, int beam) {
        List<State> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (State s : states) {
            if (out.size() == beam) break;
            String key = s.top() + "|" + s.queue() + "|" + s.briefs() + "|" + s.indexDone();
            if (seen.add(key)) out.add(s);
        }
        return out;
    }

    /**
     * On a section's last page, how badly the copy still waiting will miss the room left: too much
     * will not fit, too little leaves the foot empty. Guides the beam before the page is done.
     */
    private double outlook(State s, Spec spec) {
        if (!s.indexDone()) return INDEX_PENDING;
        if (spec.canCut()) return 0;
        double need = 0;
        for (List<Piece> list : List.of(s.queue(), s.briefs())) {
            for (Piece p : list) {
                int w = p.brief() ? 2 : 3;
                need += builder.natural(p, w, photoChoices(p, w, false, spec)[0], false) * w;
            }
        }
        if (!s.indexDone()) need += index.minLines(2) * 2;
        double room = (grid.lines() - s.top()) * grid.columns();
        return need > room ? (need - room) * OVERFLOW / 4 : (room - need) * WHITE_FOOT * 4;
    }

    /** The page's final score: what it left empty, and what it failed to place. */
    private double finish(State s, Spec spec) {
        double c = s.cost();
        int left = grid.lines() - s.top();
        boolean waiting = !s.queue().isEmpty() || !s.briefs().isEmpty();
        // with copy waiting the page is stuck; without, it is a section's last page, which should be full too
        c += waiting ? left * grid.columns() * STUCK : grid.columns() * footCost(left);
        for (Piece p : s.queue()) {
            if (spec.must().contains(p)) c += 1e6;
            if (p.continuation()) c += UNPLACED_CONTINUATION;
            // a section's last page must take everything
            if (!spec.canCut()) c += OVERFLOW * ModuleBuilder.rowCount(p);
        }
        if (!spec.canCut()) for (Piece p : s.briefs()) c += OVERFLOW * ModuleBuilder.rowCount(p);
        for (Piece p : s.briefs()) if (spec.must().contains(p)) c += 1e6;
        if (!s.indexDone()) c += 1e5;
        return c;
    }

    /** The piece that opens the next band: the plan's next article, else the most important one waiting. */
    private static Piece head(State s, Spec spec) {
        for (Piece p : s.queue()) if (spec.must().contains(p)) return p;
        for (Piece p : s.briefs()) if (spec.must().contains(p)) return p;
        if (!s.queue().isEmpty()) return s.queue().getFirst();
        if (!s.briefs().isEmpty()) return s.briefs().getFirst();
        return s.indexDone() ? null : Piece.INDEX;
    }

    private List<State> expand(State s, Spec spec) {
        List<State> out = expand(s, spec, false);
        // when the section's photo sizes leave no way on, any size will do
        return out.isEmpty() ? expand(s, spec, true) : out;
    }

    private List<State> expand(State s, Spec spec, boolean anyPhoto) {
        Piece head = head(s, spec);
        if (head == null) return List.of();
        int room = grid.lines() - s.top();
        boolean lead = spec.lead() && s.slots().isEmpty() && !head.index() && !head.brief();
        List<State> out = new ArrayList<>();
        for (int[] config : CONFIGS) {
            int g = headGroup(config, head, spec, lead);
            // a page's most important story (头条) opens it at the top left
            if (s.slots().isEmpty() && g != 0) continue;
            if (g < 0) continue;
            int w = config[g];
            for (int ps : anyPhoto ? ModuleBuilder.photoSpans(head, w) : photoChoices(head, w, lead, spec)) {
                int natural = head.index() ? index.minLines(w) : builder.natural(head, w, ps, lead) + spec.pad(head);
                List<Integer> heights = new ArrayList<>();
                if (natural >= room - MIN_BAND + 1) {
                    heights.add(room);
                    // a long story may also be cut higher up, leaving the page's foot to others
                    if (spec.canCut() && !head.index() && !head.brief()) {
                        for (double f : new double[] {0.45, 0.62}) {
                            int h = (int) (room * f);
                            if (h >= 20 && room - h >= MIN_BAND) heights.add(h);
                        }
                    }
                } else {
                    heights.add(natural);
                    heights.add(room);
                    // a section's last page has no cuts to make it come out even: air around headlines does
                    for (int a = 1; a <= 3 && !spec.canCut(); a++) if (natural + a < room - MIN_BAND) heights.add(natural + a);
                    int other = otherHeight(s, config, g, head, spec);
                    if (other > natural && other < room - MIN_BAND) heights.add(other);
                }
                for (int h : heights) {
                    State n = band(s, spec, config, g, head, ps, lead, h);
                    if (n != null) out.add(n);
                }
            }
        }
        out.sort(Comparator.comparingDouble(n -> n.cost() + outlook(n, spec)));
        return out.size() > KEEP_PER_STATE ? out.subList(0, KEEP_PER_STATE) : out;
    }

    /** The group the opening piece takes in a band split as {@code config}, or -1 if it should not. */
    private int headGroup(int[] config, Piece head, Spec spec, boolean lead) {
        Integer fixed = spec.spans().get(head);
        if (lead && fixed == null) return config[0] >= 4 ? 0 : -1;
        int best = -1;
        for (int g = 0; g < config.length; g++) {
            int w = config[g];
            if (fixed != null ? w != fixed : !fits(head, w)) continue;
            if (fixed != null) return g;
            if (best < 0 || w > config[best]) best = g;
        }
        return best;
    }

    /** Spans a piece may take when the plan leaves it free. */
    private static boolean fits(Piece p, int w) {
        if (p.index()) return w == 2 || w >= 4;
        if (p.brief()) return w <= 3;
        return w >= 2;
    }

    /** The band height at which the next story would fit the first other group exactly. */
    private int otherHeight(State s, int[] config, int g, Piece head, Spec spec) {
        if (config.length < 2) return -1;
        int w = config[g == 0 ? 1 : 0];
        for (Piece p : s.queue()) {
            if (p == head || !fits(p, w)) continue;
            int ps = photoChoices(p, w, false, spec)[0];
            return builder.natural(p, w, ps, false) + spec.pad(p);
        }
        return -1;
    }

    /** Lays one band of height {@code h} split as {@code config}, with {@code head} in group {@code g}. */
    private State band(State s, Spec spec, int[] config, int g, Piece head, int ps, boolean lead, int h) {
        boolean foot = s.top() + h == grid.lines();
        if (h < MIN_BAND && !foot) return null;
        Set<Piece> used = new HashSet<>();
        List<Slot> slots = new ArrayList<>();
        double cost = h < MIN_BAND ? SHORT_BAND : 0;
        if (config.length == 1 && !s.slots().isEmpty() && s.slots().getLast().span() == grid.columns()) cost += WIDE_AGAIN;
        used.add(head); // whichever group comes first, the head is spoken for
        int column = 0;
        for (int k = 0; k < config.length; k++) {
            int w = config[k];
            // page 1's 导读 box stands at the top of a column group beside the lead, when it has one
            Piece first = k == g ? head : lead && !s.indexDone() && !used.contains(Piece.INDEX) && w == 2 ? Piece.INDEX : null;
            Stack st = stack(s, spec, w, h, foot, used, first, k == g ? ps : 0, k == g && lead);
            if (st == null) return null;
            for (Slot sl : st.slots()) slots.add(sl.at(column, s.top() + (sl.line())));
            used.addAll(st.used());
            cost += st.cost();
            column += w;
        }
        // priority: every more important story still waiting behind a placed one costs
        List<Piece> queue = new ArrayList<>();
        int waiting = 0;
        for (Piece p : s.queue()) {
            if (used.contains(p)) {
                cost += ORDER * waiting;
            } else {
                queue.add(p);
                waiting++;
            }
        }
        List<Piece> briefs = new ArrayList<>();
        int briefsWaiting = 0;
        for (Piece p : s.briefs()) {
            if (used.contains(p)) {
                cost += ORDER / 6 * briefsWaiting;
            } else {
                briefs.add(p);
                briefsWaiting++;
            }
        }
        if (spec.lead()) {
            for (Piece p : used) if (!p.index() && !p.brief() && !p.continuation() && p != head) cost += FRONT_STORY;
            if (!lead && !head.brief() && !head.continuation()) cost += FRONT_STORY;
        }
        List<Piece> carried = new ArrayList<>(s.carried());
        for (Slot sl : slots) if (sl.cut()) carried.add(sl.piece().rest(sl.nextRow()));
        List<Slot> all = new ArrayList<>(s.slots());
        all.addAll(slots);
        return new State(s.top() + h, List.copyOf(all), queue, briefs, carried,
                s.indexDone() || used.contains(Piece.INDEX), s.cost() + cost);
    }

    /**
     * The best stack for a group {@code w} columns wide and {@code h} lines tall, from the pieces waiting
     * (not yet {@code used} in this band), opening with {@code first} if given. Slots are placed at
     * column 0 and lines from 0; the band shifts them.
     */
    private Stack stack(State s, Spec spec, int w, int h, boolean foot, Set<Piece> used, Piece first, int firstPs,
                        boolean lead) {
        List<Piece> candidates = new ArrayList<>();
        int stories = 0;
        for (Piece p : s.queue()) {
            if (used.contains(p) || p == first) continue;
            Integer fixed = spec.spans().get(p);
            if (fixed != null ? fixed != w : !fits(p, w)) {
                if (spec.must().contains(p)) break; // a planned piece keeps its turn
                continue;
            }
            candidates.add(p);
            if (++stories == LOOK_STORIES) break;
        }
        int briefs = 0;
        for (Piece p : s.briefs()) {
            if (used.contains(p) || p == first || spec.spans().containsKey(p) && spec.spans().get(p) != w) continue;
            if (!fits(p, w) && !spec.spans().containsKey(p)) continue;
            candidates.add(p);
            if (++briefs == LOOK_BRIEFS) break;
        }
        if (!s.indexDone() && !used.contains(Piece.INDEX) && first != Piece.INDEX && fits(Piece.INDEX, w)) {
            candidates.add(Piece.INDEX);
        }
        Search search = new Search(spec, w, h, foot, candidates);
        List<Item> items = new ArrayList<>();
        int remaining = h;
        double base = 0;
        if (first != null) {
            int pad = spec.pad(first);
            int natural = first.index() ? index.minLines(w) : builder.natural(first, w, firstPs, lead) + pad;
            base += itemCost(first, w, firstPs, lead, spec) + shapeCost(first, w, firstPs, lead, Math.min(h, natural));
            if (first.index() && natural > h) {
                if (h < MIN_INDEX) return null;
                items.add(new Item(first, 0, h, -1, 0));
                search.close(items, 0, base + (natural - h) * w * WHITE_MID, false);
                return search.best;
            }
            if (spec.canCut() && !first.index() && !first.brief()) {
                // a long piece may be cut higher, to make room for one more below it (a brief, the 导读 box)
                for (Piece c : candidates) {
                    int cps = c.index() ? 0 : photoChoices(c, w, false, spec)[0];
                    int below = c.index() ? index.minLines(w) : builder.natural(c, w, cps, false);
                    int cut = h - below;
                    int row = cut < 12 ? -1 : builder.cutAt(first, w, firstPs, lead, cut);
                    if (row < 0) continue;
                    items.add(new Item(first, firstPs, cut, row, 0));
                    items.add(new Item(c, cps, below, -1, 0));
                    search.close(items, 0, base + CUT + itemCost(c, w, cps, false, spec), lead);
                    items.clear();
                }
            }
            if (natural > h) {
                int row = spec.canCut() ? builder.cutAt(first, w, firstPs, lead, h) : -1;
                if (row >= 0) {
                    items.add(new Item(first, firstPs, h, row, 0));
                    search.close(items, 0, base + CUT, lead);
                }
                return search.best;
            }
            items.add(new Item(first, firstPs, natural, -1, pad));
            remaining -= natural;
        }
        search.run(items, remaining, 0, base, lead);
        if (search.best == null && first == null && foot && !spec.canCut()) {
            // the section's copy has run out: the group stays empty, which the page's score shows
            return new Stack(List.of(), Set.of(), w * footCost(h));
        }
        return search.best;
    }

    /** A column ending {@code f} lines short of the page foot: three are allowed, more is a hole. */
    private static double footCost(int f) {
        return f <= 3 ? f * WHITE_FOOT : 3 * WHITE_FOOT + (f - 3) * WHITE_HOLE;
    }

    /**
     * What a module's proportions cost: body columns of a few lines look like a strip, very tall ones
     * like a book page; heavy stories want width, light ones need none.
     */
    private double shapeCost(Piece p, int w, int ps, boolean lead, int lines) {
        if (p.index()) return 0;
        double c = 0;
        int body = lines - builder.headLines(p, w, lead);
        if (ps > 0) body -= builder.natural(p, w, ps, lead) - builder.natural(p, w, 0, lead);
        if (body < MIN_COLUMN_LINES && !p.brief()) c += (MIN_COLUMN_LINES - body) * STRIP * w;
        if (lines > 50 && w >= 5) c += (lines - 50) * 2;
        // a module over two fifths of the page crowds out the page's other stories
        double area = lines * w - 0.4 * grid.lines() * grid.columns();
        if (area > 0) c += area * BIG * (p.continuation() ? 0.5 : 1);
        // the lead leaves room on page 1 for the other top stories
        double lead1 = lines * w - 0.3 * grid.lines() * grid.columns();
        if (lead && lead1 > 0) c += lead1 * 2 * BIG;
        if (!p.brief() && !p.continuation()) {
            int priority = p.priority();
            if (priority <= 2 && w < 3) c += 15;
            if (priority >= 4 && w >= 5) c += 10;
        }
        return c;
    }

    private double itemCost(Piece p, int w, int ps, boolean lead, Spec spec) {
        double c = 0;
        if (ps > 0) {
            int photos = p.story().article().photos().size();
            c += PHOTO * Math.abs(ps - preferredPhoto(w, lead, spec.sigma())) * Math.min(photos, 2);
        }
        if (!p.index() && !p.brief() && w == 1) c += NARROW_STORY;
        if (p.brief() && w >= 4) c += WIDE_BRIEF;
        return c;
    }

    /** The photo span a module of {@code w} columns would take by default, shifted by the section's sigma. */
    static int preferredPhoto(int w, boolean lead, int sigma) {
        int base = lead ? Math.min(4, Math.max(2, w - 2)) : w >= 2 ? 2 : 1;
        // the lead's photo is the page's picture: stretching may enlarge it, never shrink it
        return Math.max(1, Math.min(Math.min(w, 4), base + (lead ? Math.max(0, sigma) : sigma)));
    }

    /**
     * Photo spans to try: on a page that can cut, only the section's preference, which is what decides
     * how much copy reaches the section's last page; on the last page, the sizes around it too.
     */
    private int[] photoChoices(Piece p, int w, boolean lead, Spec spec) {
        int[] all = ModuleBuilder.photoSpans(p, w);
        if (all.length == 1) return all;
        int pref = preferredPhoto(w, lead, spec.sigma());
        if (spec.canCut()) return new int[] {pref};
        // the section's last page may size its photos freely: they are what can fill it
        List<Integer> out = new ArrayList<>();
        out.add(pref);
        for (int d = 1; d < all.length; d++) {
            if (pref + d <= all.length) out.add(pref + d);
            if (pref - d >= 1) out.add(pref - d);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
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

        void run(List<Item> items, int remaining, int from, double cost, boolean lead) {
            if (!items.isEmpty()) close(items, remaining, cost, lead);
            if (items.size() == 4 || remaining < 4) return;
            if (best != null && cost >= best.cost()) return;
            long stories = items.stream().filter(i -> !i.piece().brief() && !i.piece().index()).count();
            for (int k = from; k < candidates.size(); k++) {
                Piece p = candidates.get(k);
                boolean story = !p.brief() && !p.index();
                if (story && stories >= 2) continue;
                for (int ps : photoChoices(p, w, false, spec)) {
                    int natural = p.index() ? index.minLines(w) : builder.natural(p, w, ps, false);
                    int pad = natural + spec.pad(p) <= remaining ? spec.pad(p) : 0;
                    natural += pad;
                    double c = cost + itemCost(p, w, ps, false, spec);
                    items.add(new Item(p, ps, natural, -1, pad));
                    if (natural <= remaining) {
                        run(items, remaining - natural, k + 1, c + shapeCost(p, w, ps, false, natural), lead);
                    } else if (spec.canCut() && story) {
                        int row = builder.cutAt(p, w, ps, false, remaining);
                        if (row >= 0) {
                            items.set(items.size() - 1, new Item(p, ps, remaining, row, 0));
                            close(items, 0, c + CUT + shapeCost(p, w, ps, false, remaining), lead);
                        }
                    } else if (p.index() && remaining >= MIN_INDEX) {
                        items.set(items.size() - 1, new Item(p, 0, remaining, -1, 0));
                        close(items, 0, c + (natural - remaining) * w * WHITE_MID, lead);
                    }
                    items.removeLast();
                }
            }
        }

        /** Turns a stack into slots, giving its spare lines to headline air and then to white below. */
        void close(List<Item> items, int spare, double cost, boolean lead) {
            double c = cost;
            int[] air = new int[items.size()];
            for (int i = 0; i < items.size(); i++) air[i] = items.get(i).air();
            for (int i = 0; i < items.size() && spare > 0; i++) {
                Item it = items.get(i);
                if (it.cutRow() >= 0) continue;
                // a section's last page, with no cut to even it out, may open its headlines a little more
                int more = spec.canCut() ? 0 : 1;
                int max = it.piece().index() ? INDEX_AIR : (it.piece().brief() ? 1 : (i == 0 && lead) ? 3 : 2) + more;
                int a = Math.max(0, Math.min(max - air[i], spare));
                air[i] += a;
                spare -= a;
                c += a * w * (it.piece().index() ? AIR_INDEX : AIR);
            }
            // placing page 1's 导读 box settles what the beam would otherwise count against the page
            for (Item it : items) if (it.piece().index()) c -= INDEX_PENDING;
            Item last = items.getLast();
            if (foot && !last.piece().index() && last.cutRow() < 0) {
                int[] sf = builder.shortfall(last.piece(), w, last.photoSpan(), lead && items.size() == 1,
                        last.lines() + air[items.size() - 1] - last.air() + spare, air[items.size() - 1]);
                for (int f : sf) c += footCost(f);
            } else if (foot) {
                c += w * footCost(spare);
            } else {
                c += spare * w * WHITE_MID;
            }
            if (best != null && c >= best.cost()) return;
            List<Slot> slots = new ArrayList<>();
            Set<Piece> used = new HashSet<>();
            int line = 0;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                int lines = it.lines() + air[i] - it.air() + (i == items.size() - 1 ? spare : 0);
                boolean isLead = lead && i == 0;
                int next = it.cutRow() >= 0 ? it.cutRow() : it.piece().index() ? 0 : it.piece().story().rows().size();
                slots.add(new Slot(it.piece(), 0, w, line, lines, it.photoSpan(), air[i], next, isLead));
                used.add(it.piece());
                line += lines;
            }
            best = new Stack(slots, used, c);
        }
    }
}
