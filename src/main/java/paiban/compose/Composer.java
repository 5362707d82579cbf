package paiban.compose;

import paiban.core.Unicode;
import paiban.core.PaibanException;
import paiban.model.Article;
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
 * <p>Stories go by section, then priority, and a page carries one section: sections are ordered by
 * their most important story, and the section of the lead story opens the paper. Each section gets as
 * few pages as hold its copy (see {@link SectionRun}); without {@code pages} the issue takes the sum,
 * rounded up to an even number. With {@code pages: N} the copy must fit N pages, else the build fails
 * naming what does not fit. The editor's {@code plan} fixes pages' sections and articles; composition
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

    /** The 导读 box lists at most this many stories. */
    static final int INDEX_ITEMS = 8;

    private final Grid grid;
    private final Styles styles;
    private final ModuleBuilder builder;
    private final PageFiller filler;
    private final SectionRun runner;

    public Composer(Grid grid, Styles styles) {
        this.grid = grid;
        this.styles = styles;
        this.builder = new ModuleBuilder(grid, styles);
        this.filler = new PageFiller(builder);
        this.runner = new SectionRun(filler, builder);
    }

    /** A section's copy: its stories and briefs by priority, and the planned pages it owns. */
    private static final class Section {
        final String name;
        final List<Piece> stories = new ArrayList<>();
        final List<Piece> briefs = new ArrayList<>();
        final List<Planned> planned = new ArrayList<>();
        int pages;
        SectionRun.Result result;

        Section(String name) {
            this.name = name;
        }
    }

    /** A page the plan fixes. */
    private record Planned(PlanPage entry, String section, List<Piece> pieces, Map<Piece, Integer> spans) {
    }

    public Composition compose(Issue issue) {
        List<String> warnings = new ArrayList<>();
        Map<String, Piece> pieces = new LinkedHashMap<>();
        for (Article a : order(issue.articles())) {
            Story s = new Story(a, grid, styles);
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
        filler.index(new IndexBox(grid, styles, guessIndex(sections)));
        Map<Integer, Section> numbering = null;
        for (int pass = 0; pass < 3; pass++) {
            for (Section s : sections) {
                s.pages = fitPages(s, sections, wantIndex);
            }
            allot(sections, fixed, issue, wantIndex);
            numbering = number(sections, plan);
            List<IndexBox.Item> items = indexItems(numbering);
            IndexBox box = new IndexBox(grid, styles, items);
            boolean same = box.minLines(2) == filler.indexBox().minLines(2) && box.minLines(6) == filler.indexBox().minLines(6);
            filler.index(box);
            if (!wantIndex) break;
            if (items.isEmpty()) {
                // nothing starts on another page: the paper has nothing to point to
                wantIndex = false;
                same = false;
            }
            if (same) break;
            // only page 1's section sees the box
            cache.keySet().removeIf(RunKey::front);
        }
        checkPlan(sections, plan, wantIndex);
        return new Composition(build(numbering, issue, fixed, warnings), warnings);
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
        if (front && !page1Planned) out.add(new SectionRun.PageSpec(true, wantIndex, List.of(), Map.of()));
        for (Planned p : s.planned) {
            boolean f = p.entry().page() == 1;
            out.add(new SectionRun.PageSpec(f, f && wantIndex, p.pieces(), p.spans()));
        }
        while (out.size() < pages) out.add(new SectionRun.PageSpec(false, false, List.of(), Map.of()));
        return out;
    }

    /** A section's run over so many pages, as page 1's section or not, with or without the 导读 box. */
    private record RunKey(String section, int pages, boolean front, boolean index) {
    }

    private final Map<RunKey, SectionRun.Result> cache = new HashMap<>();

    private SectionRun.Result run(Section s, int pages, boolean front, boolean wantIndex) {
        RunKey key = new RunKey(s.name, pages, front, front && wantIndex);
        return cache.computeIfAbsent(key, k -> runner.best(s.stories, s.briefs, specs(s, pages, front, wantIndex)));
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
        while (!r.left().isEmpty() && k < 400) {
            k++;
            r = run(s, k, front, wantIndex);
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
            int w = p.brief() ? 2 : 3;
            area += builder.headLines(p, w, false) * w;
            int ps = p.story().article().photos().isEmpty() ? 0 : 2;
            area += (builder.natural(p, 2, ps, false) - builder.natural(p, 2, 0, false)) * 2;
        }
        double page = grid.lines() * grid.columns();
        double first = (grid.lines() - grid.mastheadLines()) * grid.columns() - 40;
        if (front) return area <= first ? 1 : 1 + (int) Math.ceil((area - first) / page - 0.1);
        return Math.max(1, (int) Math.ceil(area / page - 0.1));
    }

    /**
     * Settles the page count: with {@code pages: N} the sections must share exactly N pages; without it
     * the issue takes an even number, the extra page going where it fills best, at the end.
     */
    private void allot(List<Section> sections, Optional<Integer> fixed, Issue issue, boolean wantIndex) {
        int total = sections.stream().mapToInt(s -> s.pages).sum();
        int planned = issue.plan().stream().mapToInt(PlanPage::page).max().orElse(0);
        if (fixed.isPresent()) {
            int n = fixed.get();
            if (total > n) throw overflow(sections, n, total, wantIndex);
            if (total < n) grow(sections.getLast(), n - total, sections, wantIndex);
            return;
        }
        if (total < planned) grow(sections.getLast(), planned - total, sections, wantIndex);
        if (issue.plan().isEmpty() && sections.size() > 2) {
            // a section that cannot fill its last page goes last, where a short page is allowed
            Section worst = null;
            for (Section s : sections.subList(1, sections.size())) {
                int gap = s.result.lastShort(grid);
                if (gap > 0 && (worst == null || gap > worst.result.lastShort(grid))) worst = s;
            }
            if (worst != null) {
                sections.remove(worst);
                sections.add(worst);
            }
        }
        total = sections.stream().mapToInt(s -> s.pages).sum();
        if (total % 2 == 1) {
            // printed sheets carry an even number of pages: the section that spreads best over one more
            // page takes it, and closes the paper, where a short last page is allowed
            Section pick = sections.getLast();
            int[] best = null;
            for (Section s : sections) {
                if (s == sections.getFirst() && sections.size() > 1 || !issue.plan().isEmpty() && s != sections.getLast()) continue;
                SectionRun.Result r = run(s, s.pages + 1, s == sections.getFirst(), wantIndex);
                int[] key = {r.leftRows(), r.totalShort(grid) - r.lastShort(grid), r.lastShort(grid)};
                if (best == null || java.util.Arrays.compare(key, best) < 0) {
                    best = key;
                    pick = s;
                }
            }
            grow(pick, 1, sections, wantIndex);
            if (pick != sections.getLast()) {
                sections.remove(pick);
                sections.add(pick);
            }
        }
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
                    if (!p.index() && !p.brief() && !p.continuation()) items.add(item(p, page));
                }
            }
        }
        return top(items);
    }

    private static IndexBox.Item item(Piece p, int page) {
        return new IndexBox.Item(p.slug(), p.story().article().title(), p.priority(), page);
    }

    private static List<IndexBox.Item> top(List<IndexBox.Item> items) {
        return items.stream().sorted(Comparator.comparingInt(IndexBox.Item::priority).thenComparing(IndexBox.Item::slug))
                .limit(INDEX_ITEMS).toList();
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
                    int w = p.spans().getOrDefault(m, 3);
                    int ps = ModuleBuilder.photoSpans(m, w)[0];
                    area += builder.natural(m, w, ps, false) * w;
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
        Map<Integer, int[]> feetOf = new HashMap<>();
        for (var e : pageNumbers.entrySet()) {
            SectionRun.Result r = e.getKey().result;
            for (int i = 0; i < r.pages().size(); i++) {
                int page = e.getValue().get(i);
                slotsOf.put(page, r.pages().get(i));
                feetOf.put(page, r.feet().get(i));
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
        IndexBox finalBox = new IndexBox(grid, styles, items);
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
            Section section = numbering.get(n);
            pages.add(new Page(n, section.name, modules));
            boolean last = n == total;
            int[] feet = feetOf.get(n);
            int empty = SectionRun.Result.shortOf(feet, grid);
            if (empty > 0 && (!last || fixed.isPresent())) {
                int worst = 0;
                for (int f : feet) worst = Math.max(worst, grid.lines() - f);
                warnings.add("page " + n + " (" + section.name + ") is under-filled: its columns end up to " + worst
                        + " lines short of the foot (" + empty + " column lines more than the 3 allowed); "
                        + (fixed.isPresent() ? "add copy or lower 'pages'" : "add copy or briefs to section " + section.name));
            }
        }
        return pages;
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
