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
 */
final class PageFills {

    /** A page to fill: what it asks for, and the stories and briefs waiting, in their order. */
    private record Key(PageFiller.Spec spec, List<Piece> queue, List<Piece> briefs) {
    }

    private final PageFiller filler;
    private final Map<Key, PageFiller.Filled> filled = new HashMap<>();

    PageFills(PageFiller filler) {
        this.filler = filler;
    }

    PageFiller.Filled fill(PageFiller.Spec spec, List<Piece> queue, List<Piece> briefs) {
        // copies: the caller goes on to change its lists, and the key must not change with them
        Key key = new Key(spec, List.copyOf(queue), List.copyOf(briefs));
        PageFiller.Filled f = filled.get(key);
        if (f == null) {
            f = filler.fill(spec, key.queue(), key.briefs());
            filled.put(key, f);
        }
        return f;
    }
}
