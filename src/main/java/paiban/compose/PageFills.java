package paiban.compose;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
final class PageFills {

    /** A page to fill: what it asks for, and the stories and briefs waiting, in their order. */
    private record Key(PageFiller.Spec spec, List<Piece> queue, List<Piece> briefs) {
    }

    /** A filled page and the spec it was filled for. */
    private record Fill(PageFiller.Spec spec, PageFiller.Filled filled) {
    }

    private final PageFiller filler;
    private final Map<Key, Fill> filled = new HashMap<>();

    PageFills(PageFiller filler) {
        this.filler = filler;
    }

    /** The module builder the pages are filled with: its headlines are the run's. */
    ModuleBuilder builder() {
        return filler.builder();
    }

    /** Grid lines the 导读 box takes at {@code span} columns for its items and the layout's air. */
    int indexLines(int span) {
        return filler.indexLines(span);
    }

    PageFiller.Filled fill(PageFiller.Spec spec, List<Piece> queue, List<Piece> briefs) {
        // copies: the caller goes on to change its lists, and the key must not change with them
        Key key = new Key(lastPageAir(spec), List.copyOf(queue), List.copyOf(briefs));
        Fill f = filled.get(key);
        if (f == null) {
            f = new Fill(spec, filler.fill(spec, key.queue(), key.briefs()));
            filled.put(key, f);
        } else {
            assert f.spec().equals(spec) || f.filled().equals(filler.fill(spec, key.queue(), key.briefs()))
                    : "a last page filled differently with another headline air: " + spec.stretch() + " against " + f.spec().stretch();
        }
        return f.filled();
    }

    /** The spec as far as it decides the page: on a last page the stretch's air does not. */
    private static PageFiller.Spec lastPageAir(PageFiller.Spec s) {
        if (s.canCut() || s.stretch().air() == 0) return s;
        return new PageFiller.Spec(s.top(), s.canCut(), s.lead(), s.index(), s.spans(), s.must(),
                new SectionRun.Stretch(s.stretch().photos(), 0), s.sections(), s.ads());
    }
}
