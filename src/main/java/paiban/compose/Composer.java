package paiban.compose;

import paiban.core.Unicode;
import paiban.core.PaibanException;
import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Filler;
import paiban.model.Issue;
import paiban.model.PlanPage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The page builder: places the issue's stories as modules on pages.
 *
 * <p>Stories go by section, then priority: sections are ordered by their most important story, and the
 * section of the lead story opens the paper. Each section gets as few pages as hold its copy (see
 * {@link SectionRun}); neighbouring sections short of whole pages share pages, in order, where that fills
 * them better. Without {@code pages} the issue takes the sum, rounded up to an even number, the extra page
 * going where it fills best. With {@code pages: N} the copy must fit N pages, else the build fails naming
 * what does not fit. Every page that ends short is named, with the copy that would fill it.
 * The editor's {@code plan} fixes pages' sections and articles; composition
 * fills what the plan leaves open.
 *
 * <p>Page numbers are known only when every section has its pages, so composition works on slots
 * first; jump lines (下转/上接) and the 导读 box are set once the numbers are known. The 导读 box's size
 * depends on which stories leave page 1, so page 1's section is composed a second time when the first
 * guess was wrong.
 *
 * <p>Each step takes records and returns one: the plan resolved ({@link Plan}), the runs of pages,
 * their page counts ({@link Allotment}), the page numbers ({@link Numbering}) and the composed runs
 * ({@link Composed}); no step changes another's result.
 */
public final class Composer {

    /** The composed issue and anything the editor should hear about. */
    public record Composition(List<Page> pages, List<String> warnings) {
    }

    private final Grid grid;
    private final Styles styles;
    private final LayoutRules rules;
    private final ModuleBuilder builder;
    /**
     * The module builders by how many levels the headlines grow: the layout's own first, then one for each
     * level its {@code headlines.grow} allows, for runs that open up copy short of their pages.
     */
    private final List<ModuleBuilder> grown;

    public Composer(Grid grid, Styles styles, LayoutRules rules) {
        this.grid = grid;
        this.styles = styles;
        this.rules = rules;
        this.builder = new ModuleBuilder(grid, styles, rules);
        List<ModuleBuilder> b = new ArrayList<>(List.of(builder));
        for (int n = 1; n <= rules.headlines().grow(); n++) b.add(new ModuleBuilder(grid, styles, rules.grown(n)));
        this.grown = List.copyOf(b);
    }

    /** A page the plan fixes: its entry, its section, its articles in order and the spans the plan gives some. */
    private record Planned(PlanPage entry, String section, List<Piece> pieces, Map<Piece, Integer> spans) {
    }

    /** The editor's plan resolved against the copy: the planned pages, in the plan's order. */
    private record Plan(List<Planned> pages) {

        Optional<Planned> page1() {
            return pages.stream().filter(p -> p.entry().page() == 1).findFirst();
        }
    }

    /**
     * A run of pages and the copy it carries: one section's stories and briefs by priority and the planned
     * pages it owns (sorted by page number), or several sections short of whole pages that share pages, in
     * their order.
     */
    private record Run(List<String> names, List<Piece> stories, List<Piece> briefs, List<Planned> planned) {

        /** This run followed by {@code next}, sharing pages. */
        Run with(Run next) {
            return new Run(concat(names, next.names), concat(stories, next.stories), concat(briefs, next.briefs),
                    List.of());
        }

        String key() {
            return String.join("\u0000", names);
        }

        boolean page1Planned() {
            return planned.stream().anyMatch(p -> p.entry().page() == 1);
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            List<T> out = new ArrayList<>(a);
            out.addAll(b);
            return List.copyOf(out);
        }
    }

    /**
     * What page 1 carries: whether the issue has a 导读 box, and the box as it stands in this pass (its items
     * decide its height, and so how much of page 1's section fits).
     */
    private record Index(boolean wanted, IndexBox box) {
    }

    /** How many pages each run takes, in run order; the first run holds page 1. */
    private record Allotment(List<Run> runs, List<Integer> pages) {

        Allotment {
            runs = List.copyOf(runs);
            pages = List.copyOf(pages);
        }

        int total() {
            return pages.stream().mapToInt(Integer::intValue).sum();
        }

        boolean front(int run) {
            return run == 0;
        }

        /** The same runs, run {@code run} taking {@code pages}. */
        Allotment with(int run, int pages) {
            List<Integer> out = new ArrayList<>(this.pages);
            out.set(run, pages);
            return new Allotment(runs, out);
        }
    }

    /** Each run's page numbers, in run order; together they number every page of the issue once. */
    private record Numbering(List<List<Integer>> numbers) {

        /** Where page {@code number} stands: its run, and its place in the run. */
        record RunPage(int run, int page) {
        }

        RunPage at(int number) {
            for (int r = 0; r < numbers.size(); r++) {
                int i = numbers.get(r).indexOf(number);
                if (i >= 0) return new RunPage(r, i);
            }
            throw new IllegalStateException("page " + number + " has no run");
        }

        int total() {
            return numbers.stream().mapToInt(List::size).sum();
        }
    }

    /** Each run of an allotment composed over its pages, in run order. */
    private record Composed(Allotment allotment, List<SectionRun.Result> results) {
    }

    public Composition compose(Issue issue) {
        return compose(issue, List.of());
    }

    /**
     * Composes the issue; {@code fillers} (补白) may be set where the copy leaves a page short, each at most
     * once in a run of pages.
     */
    public Composition compose(Issue issue, List<Filler> fillers) {
        for (Filler f : fillers) {
            if (f.columns() > grid.columns()) {
                throw new PaibanException("fillers/fillers.yaml: the filler " + f.name() + " takes " + f.columns()
                        + " columns, but the layout's pages have " + grid.columns() + "; give it at most " + grid.columns());
            }
        }
        List<String> warnings = new ArrayList<>();
        Map<String, Piece> pieces = new LinkedHashMap<>();
        List<Article> ordered = order(issue.articles());
        List<Story> stories = stories(ordered);
        for (int i = 0; i < ordered.size(); i++) {
            Article a = ordered.get(i);
            Story s = stories.get(i);
            if (!s.fallbacks().isEmpty()) {
                warnings.add("articles/" + a.file().getFileName() + " (article '" + a.slug() + "'): "
                        + describe(s.fallbacks()) + " set in a fallback font; add a font with "
                        + (s.fallbacks().size() == 1 ? "it" : "them") + " to the role's font to match");
            }
            pieces.put(a.slug(), new Piece(s, 0, 0));
        }
        Plan plan = resolvePlan(issue, pieces);
        List<Run> runs = runs(pieces, plan);
        List<Run> sections = runs;
        Optional<Integer> fixed = issue.pages();
        Trials trials = new Trials(fillers.stream().map(Piece::of).toList(), AdPlan.of(issue.ads(), grid, rules, warnings::add));

        // pass 1 guesses the 导读 items from the other sections; pass 2 knows them
        Index index = new Index(fixed.map(n -> n > 1).orElse(true), new IndexBox(grid, styles, rules, guessIndex(runs)));
        runs = share(runs, index, trials);
        Composed composed = null;
        Numbering numbering = null;
        // ads are booked by page number, which is known only once the pages are numbered: runs are composed
        // with the ads of the numbers they last had, and again until every run has its own pages' ads
        for (int pass = 0; pass < (trials.ads.isEmpty() ? 3 : 8); pass++) {
            Allotment allotment = allot(fit(runs, index, trials), sections, fixed, issue, index, trials);
            composed = composed(allotment, index, trials);
            numbering = number(allotment);
            List<IndexBox.Item> items = indexItems(composed, numbering);
            IndexBox box = new IndexBox(grid, styles, rules, items);
            IndexBox was = index.box();
            boolean same = box.minLines(box.lane()) == was.minLines(box.lane())
                    && box.minLines(grid.columns()) == was.minLines(grid.columns());
            index = new Index(index.wanted(), box);
            boolean settled = trials.settle(allotment, numbering);
            if (!index.wanted()) {
                if (settled) break;
                continue;
            }
            if (items.isEmpty()) {
                // nothing starts on another page: the paper has nothing to point to
                index = new Index(false, box);
                same = false;
            }
            if (same && settled) break;
            // only page 1's section sees the box: the next pass composes it again with this one
        }
        composed = checkAds(composed, numbering, index, trials);
        checkPlan(composed, index, trials);
        List<Page> pages = build(composed, numbering, index.box(), trials.ads, issue, fixed, warnings);
        FullTextCheck.verify(issue, pages);
        return new Composition(pages, warnings);
    }

    /**
     * Each article set as a story, in the articles' order. Setting one story reads nothing another changes
     * (the faces' caches are safe to share), so this thread and idle workers take the articles in turn: in a
     * cold build the second core is otherwise idle while the first sets the copy, and the stories are the
     * same whichever thread set them. This thread never waits for a worker to start: it sets whatever no
     * worker has taken, and waits only for stories a worker is setting.
     */
    private List<Story> stories(List<Article> articles) {
        int n = articles.size();
        Story[] made = new Story[n];
        Throwable[] failed = new Throwable[n];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(n);
        Runnable take = () -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                try {
                    made[i] = new Story(articles.get(i), grid, styles, rules);
                } catch (RuntimeException | Error e) {
                    failed[i] = e; // thrown below, the first article's first, as setting them in order would
                } finally {
                    done.countDown();
                }
            }
        };
        // the helpers' futures are not joined: one a busy pool starts late finds nothing left and ends
        for (int h = 1; h < Math.min(n, paiban.core.Workers.count()); h++) {
            paiban.core.Workers.start(() -> {
                take.run();
                return null;
            });
        }
        take.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaibanException("interrupted while the stories were set", e);
        }
        for (Throwable t : failed) {
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error e) throw e;
        }
        return List.of(made);
    }

    // ---- runs and pages --------------------------------------------------------------------------

    /** The runs before sharing: one per section, page 1's section first, each with its planned pages. */
    private static List<Run> runs(Map<String, Piece> pieces, Plan plan) {
        Map<String, List<Planned>> planned = new LinkedHashMap<>();
        plan.page1().ifPresent(p -> planned.put(p.section(), new ArrayList<>()));
        for (Piece p : pieces.values()) planned.computeIfAbsent(p.story().article().section(), k -> new ArrayList<>());
        for (Planned p : plan.pages()) planned.computeIfAbsent(p.section(), k -> new ArrayList<>()).add(p);
        java.util.Set<Piece> inPlan = new java.util.HashSet<>();
        for (Planned p : plan.pages()) inPlan.addAll(p.pieces());
        Map<String, List<Piece>> stories = new HashMap<>();
        Map<String, List<Piece>> briefs = new HashMap<>();
        for (Piece p : pieces.values()) {
            if (inPlan.contains(p)) continue;
            (p.brief() ? briefs : stories).computeIfAbsent(p.story().article().section(), k -> new ArrayList<>()).add(p);
        }
        List<Run> out = new ArrayList<>();
        for (var e : planned.entrySet()) {
            List<Planned> own = new ArrayList<>(e.getValue());
            own.sort(Comparator.comparingInt(p -> p.entry().page()));
            Run r = new Run(List.of(e.getKey()), List.copyOf(stories.getOrDefault(e.getKey(), List.of())),
                    List.copyOf(briefs.getOrDefault(e.getKey(), List.of())), List.copyOf(own));
            if (!r.stories().isEmpty() || !r.briefs().isEmpty() || !r.planned().isEmpty()) out.add(r);
        }
        return out;
    }

    /** The run's pages in run order: page 1 first if it is the run's, then planned pages, then free ones. */
    private static List<SectionRun.PageSpec> specs(Run s, int pages, boolean front, boolean wantIndex,
                                                   List<AdPlan.Reserve> reserved) {
        List<SectionRun.PageSpec> out = new ArrayList<>();
        if (front && !s.page1Planned()) out.add(new SectionRun.PageSpec(true, wantIndex, List.of(), Map.of(), reserved.get(out.size())));
        for (Planned p : s.planned()) {
            boolean f = p.entry().page() == 1;
            out.add(new SectionRun.PageSpec(f, f && wantIndex, p.pieces(), p.spans(), reserved.get(out.size())));
        }
        while (out.size() < pages) out.add(new SectionRun.PageSpec(false, false, List.of(), Map.of(), reserved.get(out.size())));
        return out;
    }

    /**
     * Composes runs over so many pages, each trial once: finding the page counts asks for the same run many
     * times. A run on page 1 that carries the 导读 box is composed with the box of its pass; no other run
     * depends on the box.
     */
    private final class Trials {

        /** A run over so many pages, as page 1's run or not, with the 导读 box it carries (null: none), around its pages' ads. */
        private record Key(String runs, int pages, boolean front, IndexBox box, List<AdPlan.Reserve> ads) {
        }

        /** The fillers (补白) the make-up may use on pages that must come out even: the issue's and the layout's. */
        private final List<Piece> fillers;
        private final Map<Key, SectionRun.Result> done = new HashMap<>();
        /** The issue's ads, each with its frame on the page it is booked for. */
        private final AdPlan ads;
        /** Each run's page numbers as last numbered, in run order: the pages whose ads its composition keeps free. */
        private final Map<String, List<Integer>> lastNumbers = new HashMap<>();
        /**
         * The pages filled so far, for each 导读 box composed with and each growth of the headlines (the plain
         * ones first): trials share their first pages.
         */
        private final Map<IndexBox, List<PageFills>> fills = new java.util.IdentityHashMap<>();

        Trials(List<Piece> fillers, AdPlan ads) {
            this.fillers = fillers;
            this.ads = ads;
        }

        /**
         * What a run's pages keep for ads: those of the numbers the run had when last numbered (page 1's
         * run starts at page 1), continuing upwards; no ads before a run is first numbered.
         */
        List<AdPlan.Reserve> reserves(Run s, int pages, boolean front) {
            List<Integer> known = lastNumbers.getOrDefault(s.key(), front ? List.of(1) : List.of());
            List<AdPlan.Reserve> out = new ArrayList<>();
            int number = 0;
            for (int i = 0; i < pages; i++) {
                number = i < known.size() ? known.get(i) : number == 0 ? 0 : number + 1;
                out.add(number == 0 ? AdPlan.NONE.on(i == 0 && front ? 1 : 2, grid) : ads.on(number, grid));
            }
            return out;
        }

        /** Records the runs' page numbers; true when every run was composed around its own pages' ads. */
        boolean settle(Allotment allotment, Numbering numbering) {
            boolean settled = true;
            for (int i = 0; i < allotment.runs().size(); i++) {
                Run s = allotment.runs().get(i);
                List<AdPlan.Reserve> assumed = reserves(s, allotment.pages().get(i), allotment.front(i));
                lastNumbers.put(s.key(), List.copyOf(numbering.numbers().get(i)));
                settled &= assumed.equals(reserves(s, allotment.pages().get(i), allotment.front(i)));
            }
            return settled;
        }

        SectionRun.Result run(Run s, int pages, boolean front, Index index) {
            return done.computeIfAbsent(key(s, pages, front, index),
                    k -> runner(index).best(s.stories(), briefs(s), specs(s, pages, front, index.wanted(), k.ads()), s.names()));
        }

        /**
         * Whether the run over so many pages places all its copy: {@code run(s, pages, front, index).left().isEmpty()},
         * found without choosing the best way when it does, or filling last pages that certainly cannot take their
         * copy when it does not ({@link SectionRun#fits}). Finding page counts asks it of too few pages first.
         */
        boolean fits(Run s, int pages, boolean front, Index index) {
            Key key = key(s, pages, front, index);
            SectionRun.Result known = done.get(key);
            if (known != null) return known.left().isEmpty();
            // a story without body rows could be left over uncounted by the best run's bound: there, the best run decides
            boolean rows = java.util.stream.Stream.of(s.stories(), s.briefs(), s.planned().stream().flatMap(p -> p.pieces().stream()).toList())
                    .flatMap(List::stream).allMatch(p -> ModuleBuilder.rowCount(p) > 0);
            if (!rows) return run(s, pages, front, index).left().isEmpty();
            return fits.computeIfAbsent(key,
                    k -> runner(index).fits(s.stories(), briefs(s), specs(s, pages, front, index.wanted(), k.ads()), s.names()));
        }

        private final Map<Key, Boolean> fits = new HashMap<>();

        private Key key(Run s, int pages, boolean front, Index index) {
            boolean carries = front && index.wanted();
            return new Key(s.key(), pages, front, carries ? index.box() : null, reserves(s, pages, front));
        }

        /** The run's briefs, then the pull quotes and fillers that are there to be used where a page needs them. */
        private List<Piece> briefs(Run s) {
            List<Piece> briefs = new ArrayList<>(s.briefs());
            for (List<Piece> list : List.of(s.stories(), s.briefs())) {
                // (a story's quote stands inside its module where that has room; only one that never can waits here)
                for (Piece p : list) {
                    if (!p.story().article().quote().isEmpty() && !builder.quoteCanStandInside(p)) briefs.add(Piece.quoteOf(p.story()));
                }
            }
            briefs.addAll(fillers);
            return briefs;
        }

        /** Runs composed with {@code index}'s 导读 box, sharing the pages filled so far. */
        private SectionRun runner(Index index) {
            return new SectionRun(fills.computeIfAbsent(index.box(), b -> {
                List<PageFiller> made = fillers(b);
                // the first box's fillers fill every pass's pages without the box (PageFills)
                if (boxless == null) boxless = made.stream().map(PageFills::new).toList();
                List<PageFills> out = new ArrayList<>();
                for (int g = 0; g < made.size(); g++) out.add(new PageFills(made.get(g), boxless.get(g)));
                return List.copyOf(out);
            }));
        }

        /** The pages without the 导读 box, for each growth of the headlines: filled alike whatever the box. */
        private List<PageFills> boxless;
    }

    private PageFiller filler(IndexBox box) {
        return new PageFiller(builder, Costs.DEFAULT, box);
    }

    /** A page filler for each growth of the headlines, the plain one first. */
    private List<PageFiller> fillers(IndexBox box) {
        return grown.stream().map(b -> new PageFiller(b, Costs.DEFAULT, box)).toList();
    }

    /**
     * Every ad booked for a page the issue has, and every run composed around its own pages' ads: a run
     * last composed for other numbers is composed again for its own, on as many pages; if its copy no
     * longer fits them, the editor hears which ad to plan for.
     */
    private Composed checkAds(Composed composed, Numbering numbering, Index index, Trials trials) {
        AdPlan ads = trials.ads;
        int total = numbering.total();
        for (int page : ads.pages()) {
            if (page > total) {
                paiban.model.Ad a = ads.first(page);
                throw new PaibanException(a.where() + ": page " + page + ", but the copy fills " + total
                        + " pages; book the ad for one of them, or set 'pages' in issue.yaml");
            }
        }
        if (ads.isEmpty()) return composed;
        Allotment allotment = composed.allotment();
        List<SectionRun.Result> results = new ArrayList<>(composed.results());
        for (int i = 0; i < allotment.runs().size(); i++) {
            Run s = allotment.runs().get(i);
            List<Integer> real = numbering.numbers().get(i);
            trials.lastNumbers.put(s.key(), List.copyOf(real));
            SectionRun.Result own = trials.run(s, allotment.pages().get(i), allotment.front(i), index);
            if (own == results.get(i)) continue;
            results.set(i, own);
            if (own.left().isEmpty()) continue;
            for (int n : real) {
                AdPlan.Reserve want = ads.on(n, grid);
                AdPlan.Frame f = want.band() != null ? want.band() : want.fixed().isEmpty() ? null : want.fixed().getFirst();
                if (f == null) continue;
                throw new PaibanException(f.ad().where() + ": composition could not settle which run's page is page "
                        + n + " around its ad; plan the page (plan: - page: " + n + ", section: …) to fix it");
            }
        }
        return new Composed(allotment, results);
    }

    private static int minPages(Run s, boolean front) {
        return Math.max(1, s.planned().size() + (front && !s.page1Planned() ? 1 : 0));
    }

    /**
     * The fewest pages that hold the run's copy, starting from an estimate by area. Only whether so many pages
     * hold it is asked ({@link Trials#fits}); where four page counts from the estimate up do not, the runs
     * themselves are composed, to see whether more pages place more copy at all.
     */
    private int fitPages(Run s, boolean front, Index index, Trials trials) {
        int min = minPages(s, front);
        int estimate = Math.max(min, estimate(s, front, index));
        int k = estimate;
        while (!trials.fits(s, k, front, index)) {
            // fitPagesStalled gives up after three page counts that place no more copy, the fourth without it at the soonest
            if (++k > estimate + 3) return fitPagesStalled(s, front, index, trials, estimate);
        }
        while (k > min && trials.fits(s, k - 1, front, index)) k--;
        return k;
    }

    /** {@link #fitPages} from {@code k} up, by the runs' copy left over: more pages that take no more copy three times running stop the build. */
    private int fitPagesStalled(Run s, boolean front, Index index, Trials trials, int k) {
        SectionRun.Result r = trials.run(s, k, front, index);
        int stalled = 0;
        while (!r.left().isEmpty()) {
            int before = r.leftRows();
            k++;
            r = trials.run(s, k, front, index);
            // more pages that take no more copy mean the copy left cannot be set on any page: say so, never drop it
            stalled = r.leftRows() < before || r.left().isEmpty() ? 0 : stalled + 1;
            if (stalled == 3) {
                throw new PaibanException("composition cannot place " + r.left().stream().map(p -> "'" + p.slug() + "'")
                        .distinct().collect(java.util.stream.Collectors.joining(", ")) + " of section "
                        + String.join(rules.words().separator(), s.names()) + " on any page of the layout; this is paiban's"
                        + " fault: please report it with the articles");
            }
        }
        return k;
    }

    /** Each run on the fewest pages that hold its copy. */
    private Allotment fit(List<Run> runs, Index index, Trials trials) {
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) pages.add(fitPages(runs.get(i), i == 0, index, trials));
        return new Allotment(runs, pages);
    }

    /** Each run of the allotment composed over its pages. */
    private static Composed composed(Allotment a, Index index, Trials trials) {
        List<SectionRun.Result> results = new ArrayList<>();
        for (int i = 0; i < a.runs().size(); i++) results.add(trials.run(a.runs().get(i), a.pages().get(i), a.front(i), index));
        return new Composed(a, List.copyOf(results));
    }

    /** Pages the copy needs, by area: body rows, headlines at three columns, photos at two. */
    private int estimate(Run s, boolean front, Index index) {
        PageFiller filler = filler(index.box());
        double area = 0;
        List<Piece> all = new ArrayList<>(s.stories());
        all.addAll(s.briefs());
        for (Planned p : s.planned()) all.addAll(p.pieces());
        for (Piece p : all) {
            area += ModuleBuilder.rowCount(p);
            int w = filler.typicalSpan(p);
            area += builder.headLines(p, w, Rank.OTHER) * w;
            int pw = Math.min(grid.columns(), grid.columnsFor(rules.photos().preferredWidth()));
            int ps = p.story().article().photos().isEmpty() ? 0 : pw;
            area += (builder.natural(p, pw, ps, Rank.OTHER) - builder.natural(p, pw, 0, Rank.OTHER)) * pw;
        }
        double page = grid.lines() * grid.columns();
        double first = (grid.lines() - grid.mastheadLines()) * grid.columns() - 40;
        if (front) return area <= first ? 1 : 1 + (int) Math.ceil((area - first) / page - 0.1);
        return Math.max(1, (int) Math.ceil(area / page - 0.1));
    }

    /**
     * Sections short of whole pages share pages with a neighbour, in order, where the shared run fills its
     * pages better on no more pages. A section the plan gives pages keeps them to itself.
     */
    private List<Run> share(List<Run> runs, Index index, Trials trials) {
        List<Run> out = new ArrayList<>(runs);
        List<Integer> pages = new ArrayList<>(fit(out, index, trials).pages());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i + 1 < out.size() && !changed; i++) {
                Run a = out.get(i);
                Run b = out.get(i + 1);
                if (!a.planned().isEmpty() || !b.planned().isEmpty()) continue;
                int apart = trials.run(a, pages.get(i), i == 0, index).totalShort(grid)
                        + trials.run(b, pages.get(i + 1), false, index).totalShort(grid);
                if (apart == 0) continue;
                Run m = a.with(b);
                int k = fitPages(m, i == 0, index, trials);
                SectionRun.Result r = trials.run(m, k, i == 0, index);
                if (r.left().isEmpty() && k <= pages.get(i) + pages.get(i + 1) && r.totalShort(grid) < apart) {
                    out.set(i, m);
                    out.remove(i + 1);
                    pages.set(i, k);
                    pages.remove(i + 1);
                    changed = true;
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Settles the page count: with {@code pages: N} the runs must share exactly N pages; without it
     * the issue takes an even number. Each page more goes to the run that fills best with it.
     */
    private Allotment allot(Allotment fit, List<Run> sections, Optional<Integer> fixed, Issue issue, Index index,
                            Trials trials) {
        Allotment a = fit;
        int planned = issue.plan().stream().mapToInt(PlanPage::page).max().orElse(0);
        if (fixed.isPresent()) {
            int n = fixed.get();
            if (a.total() > n) throw overflow(a, n, index, trials);
            while (a.total() < n) a = addPage(a, sections, index, trials);
            return a;
        }
        while (a.total() < planned) a = addPage(a, sections, index, trials);
        // printed sheets carry an even number of pages
        if (a.total() % 2 == 1) a = addPage(a, sections, index, trials);
        return a;
    }

    /**
     * One page more for the run that fills best with it: all its copy placed, then the fewest short lines. A
     * page that carries no copy at all is never printed while another way exists: where the page more would
     * stand empty, the best way that leaves no page without copy is taken instead, either another run's page
     * more or sections that shared a run parted again at a boundary, each part on its own pages, taking exactly
     * the one page more (broadsheet, 12,000 characters in four sections: 要闻 on page 1, 科普 and 健康 parted
     * onto pages 2 and 3, 农技 on page 4, instead of a blank page 2).
     */
    private Allotment addPage(Allotment a, List<Run> sections, Index index, Trials trials) {
        int pick = a.runs().size() - 1;
        int[] best = null;
        boolean blank = false;
        // the best run with no page left without copy, in case the best of all leaves one
        int full = -1;
        int[] bestFull = null;
        for (int i = 0; i < a.runs().size(); i++) {
            SectionRun.Result r = trials.run(a.runs().get(i), a.pages().get(i) + 1, a.front(i), index);
            int[] key = {r.leftRows(), r.totalShort(grid)};
            boolean empty = blankPage(r);
            if (best == null || java.util.Arrays.compare(key, best) < 0) {
                best = key;
                pick = i;
                blank = empty;
            }
            if (!empty && (bestFull == null || java.util.Arrays.compare(key, bestFull) < 0)) {
                bestFull = key;
                full = i;
            }
        }
        if (blank) {
            Optional<Parting> parted = parted(a, sections, index, trials);
            if (parted.isPresent() && (bestFull == null || java.util.Arrays.compare(parted.get().key(), bestFull) < 0)) {
                return parted.get().allotment();
            }
            if (bestFull != null) return a.with(full, a.pages().get(full) + 1);
        }
        return a.with(pick, a.pages().get(pick) + 1);
    }

    /** An allotment with a shared run parted in two, and how well it fills: copy left, then short lines. */
    private record Parting(Allotment allotment, int[] key) {
    }

    /** True when one of the run's pages carries no article's copy: nothing but furniture, if anything. */
    private static boolean blankPage(SectionRun.Result r) {
        for (List<Slot> page : r.pages()) {
            if (page.stream().map(Slot::piece).noneMatch(p -> !p.furniture() && !p.index() && !p.isAd())) return true;
        }
        return false;
    }

    /**
     * The allotment with one shared run parted in two at a section boundary, each part on the fewest pages that
     * hold it, taking exactly one page more than the shared run and leaving no page without copy; the parting
     * that fills best (all copy placed, then the fewest short lines); empty if none does.
     */
    private Optional<Parting> parted(Allotment a, List<Run> sections, Index index, Trials trials) {
        Map<String, Run> byName = new HashMap<>();
        for (Run s : sections) if (s.names().size() == 1) byName.put(s.names().getFirst(), s);
        Parting out = null;
        int[] best = null;
        for (int i = 0; i < a.runs().size(); i++) {
            Run shared = a.runs().get(i);
            if (shared.names().size() < 2 || !shared.planned().isEmpty()) continue;
            if (!shared.names().stream().allMatch(byName::containsKey)) continue;
            for (int cut = 1; cut < shared.names().size(); cut++) {
                Run first = joined(shared.names().subList(0, cut), byName);
                Run second = joined(shared.names().subList(cut, shared.names().size()), byName);
                int p1 = fitPages(first, a.front(i), index, trials);
                int p2 = fitPages(second, false, index, trials);
                if (p1 + p2 != a.pages().get(i) + 1) continue;
                SectionRun.Result r1 = trials.run(first, p1, a.front(i), index);
                SectionRun.Result r2 = trials.run(second, p2, false, index);
                if (blankPage(r1) || blankPage(r2)) continue;
                int[] key = {r1.leftRows() + r2.leftRows(), r1.totalShort(grid) + r2.totalShort(grid)};
                if (best != null && java.util.Arrays.compare(key, best) >= 0) continue;
                best = key;
                List<Run> runs = new ArrayList<>(a.runs());
                List<Integer> pages = new ArrayList<>(a.pages());
                runs.set(i, first);
                runs.add(i + 1, second);
                pages.set(i, p1);
                pages.add(i + 1, p2);
                out = new Parting(new Allotment(runs, pages), key);
            }
        }
        return Optional.ofNullable(out);
    }

    /** The sections' own runs, in order, as one run sharing pages (as {@link #share} joins them). */
    private static Run joined(List<String> names, Map<String, Run> byName) {
        Run run = byName.get(names.getFirst());
        for (String n : names.subList(1, names.size())) run = run.with(byName.get(n));
        return run;
    }

    /**
     * The copy does not fit {@code pages: N}: the pages go to the runs in order, and whatever the
     * last of them cannot hold, and every run after, is named with its lines.
     */
    private PaibanException overflow(Allotment a, int n, Index index, Trials trials) {
        List<String> missing = new ArrayList<>();
        int left = n;
        for (int i = 0; i < a.runs().size(); i++) {
            Run s = a.runs().get(i);
            int pages = a.pages().get(i);
            int k = Math.min(pages, left);
            left -= k;
            List<Piece> over;
            if (k == pages) continue;
            if (k >= minPages(s, a.front(i))) {
                over = trials.run(s, k, a.front(i), index).left();
            } else {
                over = new ArrayList<>(s.stories());
                over.addAll(s.briefs());
                for (Planned p : s.planned()) over.addAll(p.pieces());
            }
            for (Piece p : over) {
                int all = p.story().rows().size();
                int rows = ModuleBuilder.rowCount(p) - (p.continuation() ? 1 : 0);
                missing.add("'" + p.slug() + "' (" + (rows >= all ? "all " + all + " lines" : rows + " of its " + all + " lines") + ")");
            }
        }
        return new PaibanException("issue.yaml: 'pages: " + n + "' is too few for the copy, which needs " + a.total()
                + " pages. These articles do not fit (lines at one column's width): " + String.join(", ", missing)
                + ". Raise 'pages', shorten these articles, or move them to another issue");
    }

    /**
     * Gives every page its number: planned pages keep theirs, page 1 goes to the first run, and each
     * run's other pages take the first free numbers after its last one, so sections stay together.
     */
    private static Numbering number(Allotment a) {
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        List<List<Integer>> numbers = new ArrayList<>();
        int total = a.total();
        for (Run s : a.runs()) {
            List<Integer> own = new ArrayList<>();
            for (Planned p : s.planned()) own.add(p.entry().page());
            taken.addAll(own);
            numbers.add(own);
        }
        if (!taken.contains(1)) {
            taken.add(1);
            numbers.getFirst().addFirst(1);
        }
        for (int r = 0; r < a.runs().size(); r++) {
            List<Integer> own = numbers.get(r);
            int last = own.stream().mapToInt(Integer::intValue).max().orElse(0);
            while (own.size() < a.pages().get(r)) {
                int page = -1;
                for (int p = last + 1; p <= total && page < 0; p++) if (!taken.contains(p)) page = p;
                for (int p = 1; p <= total && page < 0; p++) if (!taken.contains(p)) page = p;
                taken.add(page);
                own.add(page);
                last = page;
            }
        }
        return new Numbering(numbers.stream().map(List::copyOf).toList());
    }

    // ---- the 导读 box ----------------------------------------------------------------------------

    /** Before any page is numbered, the box lists the other sections' top stories. */
    private List<IndexBox.Item> guessIndex(List<Run> runs) {
        List<IndexBox.Item> items = new ArrayList<>();
        for (Run s : runs.subList(1, runs.size())) {
            for (Piece p : s.stories()) items.add(item(p, 0));
            for (Planned pl : s.planned()) for (Piece p : pl.pieces()) if (!p.brief()) items.add(item(p, 0));
        }
        return top(items);
    }

    /** The top stories that start on a page other than page 1, with their page numbers. */
    private List<IndexBox.Item> indexItems(Composed composed, Numbering numbering) {
        List<IndexBox.Item> items = new ArrayList<>();
        for (int r = 0; r < composed.results().size(); r++) {
            List<List<Slot>> pages = composed.results().get(r).pages();
            for (int i = 0; i < pages.size(); i++) {
                int page = numbering.numbers().get(r).get(i);
                if (page == 1) continue;
                for (Slot s : pages.get(i)) {
                    Piece p = s.piece();
                    if (!p.furniture() && !p.brief() && !p.continuation()) items.add(item(p, page));
                }
            }
        }
        return top(items);
    }

    private static IndexBox.Item item(Piece p, int page) {
        return new IndexBox.Item(p.slug(), p.story().article().title(), p.priority(), page, opening(p.story().article()));
    }

    /** The story's first paragraph, which the 导读 box may set as the item's 提要. */
    private static String opening(Article a) {
        for (Block b : a.body()) if (b instanceof Block.Paragraph p) return p.text();
        return "";
    }

    private List<IndexBox.Item> top(List<IndexBox.Item> items) {
        return items.stream().sorted(Comparator.comparingInt(IndexBox.Item::priority).thenComparing(IndexBox.Item::slug))
                .limit(rules.index().maxItems()).toList();
    }

    // ---- the plan --------------------------------------------------------------------------------

    /** The plan's pages with their articles' pieces and the section each page belongs to. */
    private Plan resolvePlan(Issue issue, Map<String, Piece> pieces) {
        List<Planned> out = new ArrayList<>();
        for (PlanPage p : issue.plan()) {
            String where = "issue.yaml: plan[" + p.entry() + "] (page " + p.page() + ")";
            List<Piece> list = new ArrayList<>();
            Map<Piece, Integer> spans = new HashMap<>();
            for (PlanPage.Placement a : p.articles()) {
                Piece piece = pieces.get(a.article());
                if (a.columns().isPresent()) {
                    int w = a.columns().get();
                    if (w > grid.columns()) {
                        throw new PaibanException(where + ": article '" + a.article() + "' asks for " + w
                                + " columns, but the page has " + grid.columns() + "; give it at most " + grid.columns());
                    }
                    spans.put(piece, w);
                }
                list.add(piece);
            }
            String section = p.section().orElseGet(() -> list.isEmpty() ? null : list.getFirst().story().article().section());
            if (section == null) {
                throw new PaibanException(where + ": give the page a 'section' or some 'articles'");
            }
            out.add(new Planned(p, section, List.copyOf(list), Map.copyOf(spans)));
        }
        return new Plan(List.copyOf(out));
    }

    /** A planned page that could not take all its articles is the plan's error, named by its entry. */
    private void checkPlan(Composed composed, Index index, Trials trials) {
        Allotment a = composed.allotment();
        PageFiller filler = filler(index.box());
        for (int r = 0; r < a.runs().size(); r++) {
            Run s = a.runs().get(r);
            List<SectionRun.PageSpec> specs = specs(s, a.pages().get(r), a.front(r), index.wanted(),
                    trials.reserves(s, a.pages().get(r), a.front(r)));
            for (int i = 0; i < specs.size(); i++) {
                List<Piece> missed = composed.results().get(r).unplaced().get(i);
                if (missed.isEmpty()) continue;
                List<Piece> wanted = specs.get(i).planned();
                Planned p = s.planned().stream().filter(pl -> pl.pieces().equals(wanted)).findFirst().orElseThrow();
                int area = 0;
                for (Piece m : missed) {
                    int w = p.spans().getOrDefault(m, filler.typicalSpan(m));
                    int ps = ModuleBuilder.photoSpans(m, w)[0];
                    area += builder.natural(m, w, ps, Rank.OTHER) * w;
                }
                List<String> names = missed.stream().map(m -> "'" + m.slug() + "'").toList();
                throw new PaibanException("issue.yaml: plan[" + p.entry().entry() + "] (page " + p.entry().page()
                        + "): the page cannot hold its articles: " + String.join(", ", names) + (names.size() == 1 ? " does" : " do")
                        + " not fit (about " + (int) Math.ceil(area / (double) grid.columns()) + " more grid lines across the page"
                        + " would be needed); plan fewer articles for the page, or give them fewer columns");
            }
        }
    }

    // ---- modules ---------------------------------------------------------------------------------

    /**
     * The pages in number order, their modules set now that every page number is known: jump lines and the
     * 导读 box's page numbers. {@code box} is the last pass's box, whose items the final box lists.
     */
    private List<Page> build(Composed composed, Numbering numbering, IndexBox box, AdPlan ads, Issue issue, Optional<Integer> fixed,
                             List<String> warnings) {
        Map<Piece, Integer> pageOf = new HashMap<>();
        Map<Integer, List<Slot>> slotsOf = new TreeMap<>();
        // a run composed with its headlines grown is set with them
        Map<Integer, ModuleBuilder> builderOf = new HashMap<>();
        for (int r = 0; r < composed.results().size(); r++) {
            SectionRun.Result result = composed.results().get(r);
            for (int i = 0; i < result.pages().size(); i++) {
                int page = numbering.numbers().get(r).get(i);
                slotsOf.put(page, result.pages().get(i));
                builderOf.put(page, grown.get(result.grown()));
                for (Slot s : result.pages().get(i)) pageOf.put(s.piece(), page);
            }
        }
        List<IndexBox.Item> items = new ArrayList<>();
        for (IndexBox.Item i : box.items()) {
            Piece first = findFirstPart(pageOf, i.slug());
            Integer page = first == null ? null : pageOf.get(first);
            if (page != null && page != 1) items.add(i.on(page));
        }
        IndexBox finalBox = new IndexBox(grid, styles, rules, items);
        List<Page> pages = new ArrayList<>();
        int total = numbering.total();
        ShapeNotes shapes = new ShapeNotes();
        for (int n = 1; n <= total; n++) {
            List<Module> modules = new ArrayList<>();
            ModuleBuilder builder = builderOf.getOrDefault(n, this.builder);
            for (Slot s : slotsOf.getOrDefault(n, List.of())) {
                Piece p = s.piece();
                if (p.index()) {
                    modules.add(finalBox.build(s.column(), s.span(), s.line(), s.lines()));
                    continue;
                }
                if (p.isFiller()) {
                    modules.add(builder.filler(s));
                    continue;
                }
                if (p.isAd()) {
                    modules.add(AdPlan.module(p.ad(), grid));
                    continue;
                }
                if (p.isQuote()) {
                    modules.add(builder.quote(s));
                    continue;
                }
                int to = s.cut() ? pageOf.getOrDefault(p.rest(s.next()), 0) : 0;
                int from = 0;
                if (p.continuation()) {
                    for (var e : pageOf.entrySet()) {
                        Piece q = e.getKey();
                        if (q.story() == p.story() && q.part() == p.part() - 1) from = e.getValue();
                    }
                }
                modules.add(builder.build(s, to, from));
                shapes.built(s, builder);
            }
            // the 报眼 stands in the masthead's ear, off the grid the copy fills
            for (AdPlan.Frame f : ads.ears(n)) modules.add(AdPlan.module(f, grid));
            // the 中缝 stands in the inner margin, by the fold
            for (AdPlan.Frame f : ads.folds(n)) modules.add(AdPlan.module(f, grid));
            Numbering.RunPage at = numbering.at(n);
            Run run = composed.allotment().runs().get(at.run());
            // a page the run's copy did not reach belongs to the section its copy last reached, not to the
            // run's first: a shared run's spare page must not make its first section come back after another
            int before = at.page() == 0 ? 0 : numbering.numbers().get(at.run()).get(at.page() - 1);
            List<String> reached = before > 0 && before < n ? pages.get(before - 1).sections() : List.of(run.names().getFirst());
            List<String> names = sectionsOn(run, modules, issue, reached.getLast());
            pages.add(new Page(n, names, modules));
            int[] feet = PageFeet.of(pages.getLast(), grid);
            if (SectionRun.Result.shortOf(feet, grid) > 0) {
                int worst = 0;
                int lines = 0;
                for (int f : feet) {
                    worst = Math.max(worst, grid.lines() - f);
                    lines += grid.lines() - f;
                }
                warnings.add("page " + n + " (" + String.join(rules.words().separator(), names) + ") is under-filled: its columns"
                        + " end up to " + worst + " lines short of the foot; about " + lines * grid.charsPerColumn()
                        + " more characters of copy (" + lines + " lines at one column's width) would fill it; "
                        + (fixed.isPresent() ? "add copy or fillers, or lower 'pages'" : "add copy or fillers to "
                        + String.join(rules.words().separator(), names)));
            }
        }
        warnings.addAll(shapes.notes(pages));
        return pages;
    }

    /** The sections a page carries, in the run's order: those of its modules' articles. */
    private static List<String> sectionsOn(Run run, List<Module> modules, Issue issue, String empty) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Module m : modules) {
            if (m.kind().article()) issue.article(m.slug()).ifPresent(a -> seen.add(a.section()));
        }
        List<String> out = run.names().stream().filter(seen::contains).toList();
        return out.isEmpty() ? List.of(empty) : out;
    }

    private static Piece findFirstPart(Map<Piece, Integer> pageOf, String slug) {
        for (Piece p : pageOf.keySet()) if (!p.index() && p.part() == 0 && p.slug().equals(slug)) return p;
        return null;
    }

    /** Sections in the order of their most important story; within a section by priority, then name. */
    static List<Article> order(List<Article> articles) {
        Map<String, Integer> sectionRank = new LinkedHashMap<>();
        articles.stream().sorted(Comparator.comparingInt(Article::priority).thenComparing(Article::slug))
                .forEach(a -> sectionRank.putIfAbsent(a.section(), sectionRank.size()));
        return articles.stream().sorted(Comparator.<Article>comparingInt(a -> sectionRank.get(a.section()))
                .thenComparingInt(Article::priority).thenComparing(Article::slug)).toList();
    }

    private static String describe(java.util.Set<Integer> cps) {
        StringBuilder sb = new StringBuilder();
        for (int cp : cps) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append('\'').appendCodePoint(cp).append("' (").append(Unicode.notation(cp)).append(')');
        }
        return sb.toString();
    }
}
