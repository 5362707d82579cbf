package paiban.compose;

import paiban.core.Unicode;
import paiban.core.PaibanException;
import paiban.model.Article;
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
 */
public final class Composer {

    /** The composed issue and anything the editor should hear about. */
    public record Composition(List<Page> pages, List<String> warnings) {
    }

    private final Grid grid;
    private final Styles styles;
    private final LayoutRules rules;
    private final ModuleBuilder builder;
    private final PageFiller filler;
    private final SectionRun runner;

    public Composer(Grid grid, Styles styles, LayoutRules rules) {
        this.grid = grid;
        this.styles = styles;
        this.rules = rules;
        this.builder = new ModuleBuilder(grid, styles, rules);
        this.filler = new PageFiller(builder, Costs.DEFAULT);
        this.runner = new SectionRun(filler, builder);
    }

    /**
     * A run of pages and the copy it carries: one section's stories and briefs by priority and the planned
     * pages it owns, or several sections short of whole pages that share pages, in their order.
     */
    private static final class Section {
        final List<String> names = new ArrayList<>();
        final List<Piece> stories = new ArrayList<>();
        final List<Piece> briefs = new ArrayList<>();
        final List<Planned> planned = new ArrayList<>();
        int pages;
        SectionRun.Result result;

        Section(String name) {
            names.add(name);
        }

        /** This run followed by {@code next}, sharing pages. */
        Section with(Section next) {
            Section m = new Section(names.getFirst());
            m.names.addAll(names.subList(1, names.size()));
            m.names.addAll(next.names);
            m.stories.addAll(stories);
            m.stories.addAll(next.stories);
            m.briefs.addAll(briefs);
            m.briefs.addAll(next.briefs);
            return m;
        }

        String key() {
            return String.join("\u0000", names);
        }
    }

    /** A page the plan fixes. */
    private record Planned(PlanPage entry, String section, List<Piece> pieces, Map<Piece, Integer> spans) {
    }

    public Composition compose(Issue issue) {
        return compose(issue, List.of());
    }

    /** The fillers (补白) the make-up may use on pages that must come out even: the issue's and the layout's. */
    private List<Piece> fillers = List.of();

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
        this.fillers = fillers.stream().map(Piece::of).toList();
        List<String> warnings = new ArrayList<>();
        this.ads = AdPlan.of(issue.ads(), grid, rules, warnings::add);
        Map<String, Piece> pieces = new LinkedHashMap<>();
        for (Article a : order(issue.articles())) {
            Story s = new Story(a, grid, styles, rules);
            if (!s.fallbacks().isEmpty()) {
                warnings.add("articles/" + a.file().getFileName() + " (article '" + a.slug() + "'): "
                        + describe(s.fallbacks()) + " set in a fallback font; add a font with "
                        + (s.fallbacks().size() == 1 ? "it" : "them") + " to the role's font to match");
            }
            pieces.put(a.slug(), new Piece(s, 0, 0));
        }
        List<Planned> plan = resolvePlan(issue, pieces);
        List<Section> sections = sections(pieces, plan);
        Optional<Integer> fixed = issue.pages();
        boolean wantIndex = fixed.map(n -> n > 1).orElse(true);

        // pass 1 guesses the 导读 items from the other sections; pass 2 knows them
        filler.index(new IndexBox(grid, styles, rules, guessIndex(sections)));
        sections = share(sections, wantIndex);
        Map<Integer, Section> numbering = null;
        // ads are booked by page number, which is known only once the pages are numbered: runs are composed
        // with the ads of the numbers they last had, and again until every run has its own pages' ads
        for (int pass = 0; pass < (ads.isEmpty() ? 3 : 8); pass++) {
            for (Section s : sections) {
                s.pages = fitPages(s, sections, wantIndex);
            }
            allot(sections, fixed, issue, wantIndex);
            numbering = number(sections, plan);
            List<IndexBox.Item> items = indexItems(numbering);
            IndexBox box = new IndexBox(grid, styles, rules, items);
            boolean same = box.minLines(box.lane()) == filler.indexBox().minLines(box.lane())
                    && box.minLines(grid.columns()) == filler.indexBox().minLines(grid.columns());
            filler.index(box);
            boolean settled = settleAds(sections);
            if (!wantIndex) {
                if (settled) break;
                continue;
            }
            if (items.isEmpty()) {
                // nothing starts on another page: the paper has nothing to point to
                wantIndex = false;
                same = false;
            }
            if (same && settled) break;
            // only page 1's section sees the box
            if (!same) cache.keySet().removeIf(RunKey::front);
        }
        checkAds(sections, numbering.size(), wantIndex);
        checkPlan(sections, plan, wantIndex);
        List<Page> pages = build(numbering, issue, fixed, warnings);
        FullTextCheck.verify(issue, pages);
        return new Composition(pages, warnings);
    }

    // ---- sections and pages --------------------------------------------------------------------

    private List<Section> sections(Map<String, Piece> pieces, List<Planned> plan) {
        Map<String, Section> byName = new LinkedHashMap<>();
        Optional<Planned> page1 = plan.stream().filter(p -> p.entry().page() == 1).findFirst();
        page1.ifPresent(p -> byName.put(p.section(), new Section(p.section())));
        for (Piece p : pieces.values()) byName.computeIfAbsent(p.story().article().section(), Section::new);
        for (Planned p : plan) byName.computeIfAbsent(p.section(), Section::new).planned.add(p);
        java.util.Set<Piece> inPlan = new java.util.HashSet<>();
        for (Planned p : plan) inPlan.addAll(p.pieces());
        for (Piece p : pieces.values()) {
            Section s = byName.get(p.story().article().section());
            if (inPlan.contains(p)) continue;
            (p.brief() ? s.briefs : s.stories).add(p);
        }
        List<Section> out = new ArrayList<>();
        for (Section s : byName.values()) {
            s.planned.sort(Comparator.comparingInt(p -> p.entry().page()));
            if (!s.stories.isEmpty() || !s.briefs.isEmpty() || !s.planned.isEmpty()) out.add(s);
        }
        return out;
    }

    /** The section's pages in run order: page 1 first if it is the section's, then planned pages, then free ones. */
    private List<SectionRun.PageSpec> specs(Section s, int pages, boolean front, boolean wantIndex) {
        List<SectionRun.PageSpec> out = new ArrayList<>();
        boolean page1Planned = s.planned.stream().anyMatch(p -> p.entry().page() == 1);
        List<AdPlan.Reserve> reserved = reserves(s, pages, front);
        if (front && !page1Planned) out.add(new SectionRun.PageSpec(true, wantIndex, List.of(), Map.of(), reserved.get(out.size())));
        for (Planned p : s.planned) {
            boolean f = p.entry().page() == 1;
            out.add(new SectionRun.PageSpec(f, f && wantIndex, p.pieces(), p.spans(), reserved.get(out.size())));
        }
        while (out.size() < pages) out.add(new SectionRun.PageSpec(false, false, List.of(), Map.of(), reserved.get(out.size())));
        return out;
    }

    /** A section's run over so many pages, as page 1's section or not, with or without the 导读 box, around its pages' ads. */
    private record RunKey(String sections, int pages, boolean front, boolean index, List<AdPlan.Reserve> ads) {
    }

    // ---- ads ---------------------------------------------------------------------------------------

    /** The issue's ads, each with its frame on the page it is booked for. */
    private AdPlan ads = AdPlan.NONE;

    /** Each run's page numbers as last numbered, in run order: the pages whose ads its composition keeps free. */
    private final Map<String, List<Integer>> lastNumbers = new HashMap<>();

    /**
     * What a run's pages keep for ads: those of the numbers the run had when last numbered (page 1's
     * section starts at page 1), continuing upwards; no ads before a run is first numbered.
     */
    private List<AdPlan.Reserve> reserves(Section s, int pages, boolean front) {
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
    private boolean settleAds(List<Section> sections) {
        boolean settled = true;
        for (Section s : sections) {
            boolean front = s == sections.getFirst();
            List<AdPlan.Reserve> assumed = reserves(s, s.pages, front);
            lastNumbers.put(s.key(), List.copyOf(pageNumbers.get(s)));
            settled &= assumed.equals(reserves(s, s.pages, front));
        }
        return settled;
    }

    /**
     * Every ad booked for a page the issue has, and every run composed around its own pages' ads: a run
     * last composed for other numbers is composed again for its own, on as many pages; if its copy no
     * longer fits them, the editor hears which ad to plan for.
     */
    private void checkAds(List<Section> sections, int total, boolean wantIndex) {
        for (int page : ads.pages()) {
            if (page > total) {
                paiban.model.Ad a = ads.on(page, grid).fixed().stream().map(AdPlan.Frame::ad).findFirst()
                        .orElseGet(() -> ads.on(page, grid).band() != null ? ads.on(page, grid).band().ad() : ads.ears(page).getFirst().ad());
                throw new PaibanException(a.where() + ": page " + page + ", but the copy fills " + total
                        + " pages; book the ad for one of them, or set 'pages' in issue.yaml");
            }
        }
        if (ads.isEmpty()) return;
        for (Section s : sections) {
            boolean front = s == sections.getFirst();
            List<Integer> real = pageNumbers.get(s);
            lastNumbers.put(s.key(), List.copyOf(real));
            SectionRun.Result own = run(s, s.pages, front, wantIndex);
            if (own == s.result) continue;
            s.result = own;
            if (own.left().isEmpty()) continue;
            for (int n : real) {
                AdPlan.Reserve want = ads.on(n, grid);
                AdPlan.Frame f = want.band() != null ? want.band() : want.fixed().isEmpty() ? null : want.fixed().getFirst();
                if (f == null) continue;
                throw new PaibanException(f.ad().where() + ": composition could not settle which section's page is page "
                        + n + " around its ad; plan the page (plan: - page: " + n + ", section: …) to fix it");
            }
        }
    }

    private final Map<RunKey, SectionRun.Result> cache = new HashMap<>();

    private SectionRun.Result run(Section s, int pages, boolean front, boolean wantIndex) {
        RunKey key = new RunKey(s.key(), pages, front, front && wantIndex, reserves(s, pages, front));
        return cache.computeIfAbsent(key, k -> {
            List<Piece> briefs = new ArrayList<>(s.briefs);
            // pull quotes and fillers are there to be used where a page needs them
            for (List<Piece> list : List.of(s.stories, s.briefs)) {
                for (Piece p : list) if (!p.story().article().quote().isEmpty()) briefs.add(Piece.quoteOf(p.story()));
            }
            briefs.addAll(fillers);
            return runner.best(s.stories, briefs, specs(s, pages, front, wantIndex), s.names);
        });
    }

    private int minPages(Section s, boolean front) {
        boolean page1Planned = s.planned.stream().anyMatch(p -> p.entry().page() == 1);
        return Math.max(1, s.planned.size() + (front && !page1Planned ? 1 : 0));
    }

    /** The fewest pages that hold the section's copy, starting from an estimate by area. */
    private int fitPages(Section s, List<Section> all, boolean wantIndex) {
        boolean front = s == all.getFirst();
        int min = minPages(s, front);
        int k = Math.max(min, estimate(s, front));
        SectionRun.Result r = run(s, k, front, wantIndex);
        int stalled = 0;
        while (!r.left().isEmpty()) {
            int before = r.leftRows();
            k++;
            r = run(s, k, front, wantIndex);
            // more pages that take no more copy mean the copy left cannot be set on any page: say so, never drop it
            stalled = r.leftRows() < before || r.left().isEmpty() ? 0 : stalled + 1;
            if (stalled == 3) {
                throw new PaibanException("composition cannot place " + r.left().stream().map(p -> "'" + p.slug() + "'")
                        .distinct().collect(java.util.stream.Collectors.joining(", ")) + " of section "
                        + String.join(rules.words().separator(), s.names) + " on any page of the layout; this is paiban's"
                        + " fault: please report it with the articles");
            }
        }
        while (k > min) {
            SectionRun.Result fewer = run(s, k - 1, front, wantIndex);
            if (!fewer.left().isEmpty()) break;
            k--;
            r = fewer;
        }
        s.result = r;
        return k;
    }

    /** Pages the copy needs, by area: body rows, headlines at three columns, photos at two. */
    private int estimate(Section s, boolean front) {
        double area = 0;
        List<Piece> all = new ArrayList<>(s.stories);
        all.addAll(s.briefs);
        for (Planned p : s.planned) all.addAll(p.pieces());
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
    private List<Section> share(List<Section> sections, boolean wantIndex) {
        List<Section> out = new ArrayList<>(sections);
        for (Section s : out) s.pages = fitPages(s, out, wantIndex);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i + 1 < out.size() && !changed; i++) {
                Section a = out.get(i);
                Section b = out.get(i + 1);
                if (!a.planned.isEmpty() || !b.planned.isEmpty()) continue;
                int apart = a.result.totalShort(grid) + b.result.totalShort(grid);
                if (apart == 0) continue;
                List<Section> trial = new ArrayList<>(out);
                Section m = a.with(b);
                trial.set(i, m);
                trial.remove(i + 1);
                m.pages = fitPages(m, trial, wantIndex);
                if (m.result.left().isEmpty() && m.pages <= a.pages + b.pages && m.result.totalShort(grid) < apart) {
                    out = trial;
                    changed = true;
                }
            }
        }
        return out;
    }

    /**
     * Settles the page count: with {@code pages: N} the sections must share exactly N pages; without it
     * the issue takes an even number. Each page more goes to the run that fills best with it.
     */
    private void allot(List<Section> sections, Optional<Integer> fixed, Issue issue, boolean wantIndex) {
        int total = sections.stream().mapToInt(s -> s.pages).sum();
        int planned = issue.plan().stream().mapToInt(PlanPage::page).max().orElse(0);
        if (fixed.isPresent()) {
            int n = fixed.get();
            if (total > n) throw overflow(sections, n, total, wantIndex);
            for (; total < n; total++) addPage(sections, wantIndex);
            return;
        }
        for (; total < planned; total++) addPage(sections, wantIndex);
        // printed sheets carry an even number of pages
        if (total % 2 == 1) addPage(sections, wantIndex);
    }

    /** One page more for the run that fills best with it: all its copy placed, then the fewest short lines. */
    private void addPage(List<Section> sections, boolean wantIndex) {
        Section pick = sections.getLast();
        int[] best = null;
        for (Section s : sections) {
            SectionRun.Result r = run(s, s.pages + 1, s == sections.getFirst(), wantIndex);
            int[] key = {r.leftRows(), r.totalShort(grid)};
            if (best == null || java.util.Arrays.compare(key, best) < 0) {
                best = key;
                pick = s;
            }
        }
        grow(pick, 1, sections, wantIndex);
    }

    private void grow(Section s, int more, List<Section> sections, boolean wantIndex) {
        s.pages += more;
        s.result = run(s, s.pages, s == sections.getFirst(), wantIndex);
    }

    /**
     * The copy does not fit {@code pages: N}: the pages go to the sections in order, and whatever the
     * last of them cannot hold, and every section after, is named with its lines.
     */
    private PaibanException overflow(List<Section> sections, int n, int needed, boolean wantIndex) {
        List<String> missing = new ArrayList<>();
        int left = n;
        for (Section s : sections) {
            boolean front = s == sections.getFirst();
            int k = Math.min(s.pages, left);
            left -= k;
            List<Piece> over;
            if (k == s.pages) continue;
            if (k >= minPages(s, front)) {
                over = run(s, k, front, wantIndex).left();
            } else {
                over = new ArrayList<>(s.stories);
                over.addAll(s.briefs);
                for (Planned p : s.planned) over.addAll(p.pieces());
            }
            for (Piece p : over) {
                int all = p.story().rows().size();
                int rows = ModuleBuilder.rowCount(p) - (p.continuation() ? 1 : 0);
                missing.add("'" + p.slug() + "' (" + (rows >= all ? "all " + all + " lines" : rows + " of its " + all + " lines") + ")");
            }
        }
        return new PaibanException("issue.yaml: 'pages: " + n + "' is too few for the copy, which needs " + needed
                + " pages. These articles do not fit (lines at one column's width): " + String.join(", ", missing)
                + ". Raise 'pages', shorten these articles, or move them to another issue");
    }

    /**
     * Gives every page its number: planned pages keep theirs, page 1 goes to the first section, and each
     * section's other pages take the first free numbers after its last one, so sections stay together.
     */
    private Map<Integer, Section> number(List<Section> sections, List<Planned> plan) {
        Map<Integer, Section> owner = new TreeMap<>();
        Map<Section, List<Integer>> numbers = new LinkedHashMap<>();
        int total = sections.stream().mapToInt(s -> s.pages).sum();
        for (Section s : sections) numbers.put(s, new ArrayList<>());
        for (Section s : sections) {
            for (Planned p : s.planned) {
                owner.put(p.entry().page(), s);
                numbers.get(s).add(p.entry().page());
            }
        }
        Section first = sections.getFirst();
        if (!owner.containsKey(1)) {
            owner.put(1, first);
            numbers.get(first).addFirst(1);
        }
        for (Section s : sections) {
            int last = numbers.get(s).stream().mapToInt(Integer::intValue).max().orElse(0);
            while (numbers.get(s).size() < s.pages) {
                int page = -1;
                for (int p = last + 1; p <= total && page < 0; p++) if (!owner.containsKey(p)) page = p;
                for (int p = 1; p <= total && page < 0; p++) if (!owner.containsKey(p)) page = p;
                owner.put(page, s);
                numbers.get(s).add(page);
                last = page;
            }
        }
        pageNumbers.clear();
        pageNumbers.putAll(numbers);
        return owner;
    }

    /** Each section's page numbers, in run order. */
    private final Map<Section, List<Integer>> pageNumbers = new HashMap<>();

    // ---- the 导读 box ----------------------------------------------------------------------------

    private List<IndexBox.Item> guessIndex(List<Section> sections) {
        List<IndexBox.Item> items = new ArrayList<>();
        for (Section s : sections.subList(1, sections.size())) {
            for (Piece p : s.stories) items.add(item(p, 0));
            for (Planned pl : s.planned) for (Piece p : pl.pieces()) if (!p.brief()) items.add(item(p, 0));
        }
        return top(items);
    }

    private List<IndexBox.Item> indexItems(Map<Integer, Section> numbering) {
        List<IndexBox.Item> items = new ArrayList<>();
        for (var e : pageNumbers.entrySet()) {
            List<List<Slot>> pages = e.getKey().result.pages();
            for (int i = 0; i < pages.size(); i++) {
                int page = e.getValue().get(i);
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
        return new IndexBox.Item(p.slug(), p.story().article().title(), p.priority(), page);
    }

    private List<IndexBox.Item> top(List<IndexBox.Item> items) {
        return items.stream().sorted(Comparator.comparingInt(IndexBox.Item::priority).thenComparing(IndexBox.Item::slug))
                .limit(rules.index().maxItems()).toList();
    }

    // ---- the plan --------------------------------------------------------------------------------

    private List<Planned> resolvePlan(Issue issue, Map<String, Piece> pieces) {
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
        return out;
    }

    /** A planned page that could not take all its articles is the plan's error, named by its entry. */
    private void checkPlan(List<Section> sections, List<Planned> plan, boolean wantIndex) {
        for (Section s : sections) {
            List<SectionRun.PageSpec> specs = specs(s, s.pages, s == sections.getFirst(), wantIndex);
            for (int i = 0; i < specs.size(); i++) {
                List<Piece> missed = s.result.unplaced().get(i);
                if (missed.isEmpty()) continue;
                List<Piece> wanted = specs.get(i).planned();
                Planned p = plan.stream().filter(pl -> pl.pieces().equals(wanted)).findFirst().orElseThrow();
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

    private List<Page> build(Map<Integer, Section> numbering, Issue issue, Optional<Integer> fixed, List<String> warnings) {
        Map<Piece, Integer> pageOf = new HashMap<>();
        Map<Integer, List<Slot>> slotsOf = new TreeMap<>();
        for (var e : pageNumbers.entrySet()) {
            SectionRun.Result r = e.getKey().result;
            for (int i = 0; i < r.pages().size(); i++) {
                int page = e.getValue().get(i);
                slotsOf.put(page, r.pages().get(i));
                for (Slot s : r.pages().get(i)) pageOf.put(s.piece(), page);
            }
        }
        IndexBox box = filler.indexBox();
        List<IndexBox.Item> items = new ArrayList<>();
        for (IndexBox.Item i : box.items()) {
            Piece first = findFirstPart(pageOf, i.slug());
            Integer page = first == null ? null : pageOf.get(first);
            if (page != null && page != 1) items.add(new IndexBox.Item(i.slug(), i.title(), i.priority(), page));
        }
        IndexBox finalBox = new IndexBox(grid, styles, rules, items);
        List<Page> pages = new ArrayList<>();
        int total = numbering.size();
        for (int n = 1; n <= total; n++) {
            List<Module> modules = new ArrayList<>();
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
                int to = s.cut() ? pageOf.getOrDefault(p.rest(s.nextRow()), 0) : 0;
                int from = 0;
                if (p.continuation()) {
                    for (var e : pageOf.entrySet()) {
                        Piece q = e.getKey();
                        if (q.story() == p.story() && q.part() == p.part() - 1) from = e.getValue();
                    }
                }
                modules.add(builder.build(s, to, from));
            }
            // the 报眼 stands in the masthead's ear, off the grid the copy fills
            for (AdPlan.Frame f : ads.ears(n)) modules.add(AdPlan.module(f, grid));
            Section section = numbering.get(n);
            List<String> names = sectionsOn(section, modules, issue);
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
        return pages;
    }

    /** The sections a page carries, in the run's order: those of its modules' articles. */
    private static List<String> sectionsOn(Section run, List<Module> modules, Issue issue) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Module m : modules) {
            if (m.kind().article()) issue.article(m.slug()).ifPresent(a -> seen.add(a.section()));
        }
        List<String> out = run.names.stream().filter(seen::contains).toList();
        return out.isEmpty() ? List.of(run.names.getFirst()) : out;
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
