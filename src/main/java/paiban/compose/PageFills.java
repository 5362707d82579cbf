package paiban.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pages a {@link PageFiller} has filled, kept for the composition of one issue. Finding the page counts
 * composes a run over k pages, then k + 1, then with another 导读 box or more pages for the sheet; every such
 * trial fills its first pages with the same copy waiting under the same page spec, and filling a page is a
 * pure function of that spec and copy. So each distinct page is filled once and the others are looked up:
 * the result is the same object the filler would have made again.
 *
 * <p>A section's last page cannot cut, and the headline air of a run's stretch is for pages that can
 * ({@link PageFiller.Spec#pad}): last pages that differ only in that air are one page. With assertions on
 * (as in the tests) each such page is filled again and compared, so that a filler that came to use the air
 * on a last page would fail there instead of composing differently.
 *
 * <p>Sections short of whole pages are tried as one run with the next section, and that run with the one after
 * ({@code Composer.share}): each trial fills its first pages with the earlier sections' copy, the later
 * section's waiting behind it. A page that can cut takes a later section's copy only where its own has run out,
 * so a page filled for the earlier sections alone whose search never reached the end of their copy
 * ({@link PageFiller.Filled#reachedEnd}) is the page the shared run gets, with the later copy still waiting: it
 * is not filled again. Without this every trial would fill the whole shared run anew, and the trials would
 * cost the square of the sections' pages. With assertions on, each such page is filled again and compared.
 */
final class PageFills {

    /** A page to fill: what it asks for, and the stories and briefs waiting, in their order. */
    private record Key(PageFiller.Spec spec, List<Piece> queue, List<Piece> briefs) {
    }

    /** A filled page, the spec it was filled for, and where its search looked past the end of its copy. */
    private record Fill(PageFiller.Spec spec, PageFiller.Filled filled, PageFiller.CopyEnd end) {
    }

    private final PageFiller filler;
    /**
     * Where pages that do not carry the 导读 box are filled, if not here: such a page never looks at the box, so
     * the pages filled with one box serve every other (page 1's run is composed again in each pass with the box
     * its last pass found). Null: here.
     */
    private final PageFills boxless;
    private final Map<Key, Fill> filled = new HashMap<>();
    /** The sections, in their order, of the runs whose pages that can cut were filled here: where a shared run looks. */
    private final Set<List<String>> runs = new HashSet<>();

    PageFills(PageFiller filler) {
        this(filler, null);
    }

    /** Pages filled with {@code filler}, those without the 导读 box by {@code boxless} (null: by this). */
    PageFills(PageFiller filler, PageFills boxless) {
        this.filler = filler;
        this.boxless = boxless;
    }

    /** The module builder the pages are filled with: its headlines are the run's. */
    ModuleBuilder builder() {
        return filler.builder();
    }

    /** Grid lines the 导读 box takes at {@code span} columns for its items and the layout's air. */
    int indexLines(int span) {
        return filler.indexLines(span);
    }

    /** Whether a page that cannot cut certainly leaves some of the copy waiting ({@link PageFiller#cannotHold}). */
    boolean cannotHold(PageFiller.Spec spec, List<Piece> queue, List<Piece> briefs) {
        return filler.cannotHold(spec, queue, briefs);
    }

    PageFiller.Filled fill(PageFiller.Spec spec, List<Piece> queue, List<Piece> briefs) {
        if (boxless != null && !spec.index()) return boxless.fill(spec, queue, briefs);
        // copies: the caller goes on to change its lists, and the key must not change with them
        Key key = new Key(lastPageAir(spec), List.copyOf(queue), List.copyOf(briefs));
        Fill f = filled.get(key);
        if (f == null) {
            f = earlierSections(spec, key.queue(), key.briefs());
            assert f == null || f.filled().equals(filler.fill(spec, key.queue(), key.briefs()))
                    : "a page filled differently with a later section's copy waiting: " + spec.sections();
            if (f == null) f = new Fill(spec, filler.fill(spec, key.queue(), key.briefs()), filler.copyEnd());
            filled.put(key, f);
            if (shareable(spec)) runs.add(spec.sections());
        } else {
            assert f.spec().equals(spec) || f.filled().equals(filler.fill(spec, key.queue(), key.briefs()))
                    : "a last page filled differently with another headline air: " + spec.stretch() + " against " + f.spec().stretch();
        }
        return f.filled();
    }

    /**
     * The page as filled for the run's first sections alone, with what the later sections have waiting put back
     * where it stands; null if no such page was filled, or its search reached the end of their copy.
     */
    private Fill earlierSections(PageFiller.Spec spec, List<Piece> queue, List<Piece> briefs) {
        if (!shareable(spec)) return null;
        for (int last = spec.sections().size() - 2; last >= 0; last--) {
            if (!runs.contains(spec.sections().subList(0, last + 1))) continue;
            List<Piece> q = upTo(queue, spec, last, true);
            List<Piece> b = upTo(briefs, spec, last, false);
            if (q == null || b == null) continue;
            PageFiller.Spec earlier = new PageFiller.Spec(spec.top(), spec.canCut(), spec.lead(), spec.index(), spec.spans(),
                    spec.must(), spec.stretch(), List.copyOf(spec.sections().subList(0, last + 1)), spec.ads());
            Fill f = filled.get(new Key(earlier, q, b));
            if (f == null || f.end().reached()) continue;
            // where the search found no next story beside a band's first, the later sections' first that fits
            // would have been the one, and its height one more band to try
            List<Piece> behind = queue.subList(q.size(), queue.size());
            List<PageFiller.NextHeight> still = new ArrayList<>();
            boolean same = true;
            for (PageFiller.NextHeight n : f.end().nextHeights()) {
                int h = -1;
                for (int i = 0; i < behind.size() && h < 0; i++) h = filler.nextHeight(behind.get(i), n.columns(), spec);
                if (h < 0) still.add(n);
                same &= h <= n.above() || h >= n.below();
            }
            if (!same) continue;
            PageFiller.Filled e = f.filled();
            Set<Piece> placed = new HashSet<>(q);
            placed.addAll(b);
            e.queue().forEach(placed::remove);
            e.briefs().forEach(placed::remove);
            return new Fill(spec, new PageFiller.Filled(e.slots(), without(queue, placed), without(briefs, placed),
                    e.carried(), e.indexPlaced(), e.cost()), new PageFiller.CopyEnd(false, List.copyOf(still)));
        }
        return null;
    }

    /** A section's last page weighs all the copy waiting, and the plan's pages name their pieces. */
    private static boolean shareable(PageFiller.Spec spec) {
        return spec.canCut() && spec.must().isEmpty() && spec.spans().isEmpty();
    }

    /**
     * The pieces of the sections up to {@code last} (by their place in the run) and the furniture, in their order;
     * null if a later section's copy stands before theirs, which the page filler would meet first, or a later
     * section's pull quote is waiting.
     * {@code all}: every piece counts (the stories waiting, where the first fitting one is looked at), else
     * only the copy (the briefs, where pull quotes and fillers stand after it).
     */
    private static List<Piece> upTo(List<Piece> pieces, PageFiller.Spec spec, int last, boolean all) {
        List<Piece> out = new ArrayList<>(pieces.size());
        boolean later = false;
        for (Piece p : pieces) {
            boolean after = p.story() != null && spec.sections().indexOf(p.story().article().section()) > last;
            if (after) {
                // a pull quote waiting counts against every piece of a later section placed before it (as if
                // it were copy of the first section): one of the later sections' changes the page's costs
                if (p.isQuote()) return null;
                later |= all || !p.furniture();
                continue;
            }
            if (later && (all || !p.furniture())) return null;
            out.add(p);
        }
        return out;
    }

    private static List<Piece> without(List<Piece> pieces, Set<Piece> placed) {
        List<Piece> out = new ArrayList<>(pieces.size());
        for (Piece p : pieces) if (!placed.contains(p)) out.add(p);
        return List.copyOf(out);
    }

    /** The spec as far as it decides the page: on a last page the stretch's air does not. */
    private static PageFiller.Spec lastPageAir(PageFiller.Spec s) {
        if (s.canCut() || s.stretch().air() == 0) return s;
        return new PageFiller.Spec(s.top(), s.canCut(), s.lead(), s.index(), s.spans(), s.must(),
                new SectionRun.Stretch(s.stretch().photos(), 0), s.sections(), s.ads());
    }
}
