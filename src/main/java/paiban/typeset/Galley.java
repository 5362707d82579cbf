package paiban.typeset;

import java.util.List;
import java.util.Set;

/**
 * Set type not yet placed on a page: the lines of one paragraph, headline or caption.
 *
 * @param missing code points that no face in the style's chain has; the caller must report them
 * @param fallbacks code points set in a fallback face because the role's own face lacks them
 */
public record Galley(List<SetLine> lines, Set<Integer> missing, Set<Integer> fallbacks) {

    public Galley {
        lines = List.copyOf(lines);
        missing = Set.copyOf(missing);
        fallbacks = Set.copyOf(fallbacks);
    }

    public int size() {
        return lines.size();
    }
}
