package paiban.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ways a band across the page may be split into column groups, derived from the column count alone.
 * A make-up editor splits a page into two or three groups of two columns or more, or four on wide pages,
 * and sets a one-column group only at an edge beside one wide group (a 5+1 on six columns). On six columns
 * this gives 6, 4+2, 2+4, 3+3, 2+2+2, 5+1, 1+5.
 */
final class BandShapes {

    /** More shapes make the page search slower for little gain: keep the most even ones. */
    static final int MAX_SHAPES = 16;

    private BandShapes() {
    }

    static List<int[]> of(int columns) {
        List<int[]> out = new ArrayList<>();
        out.add(new int[] {columns});
        int maxGroups = columns >= 8 ? 4 : 3;
        for (int groups = 2; groups <= maxGroups; groups++) compositions(columns, groups, new ArrayList<>(), out);
        if (columns >= 3) {
            out.add(new int[] {columns - 1, 1});
            out.add(new int[] {1, columns - 1});
        }
        // the fewest groups first, then the most even: what the search tries first and keeps if it has to cut
        List<int[]> sorted = new ArrayList<>(out.subList(1, out.size()));
        sorted.sort(Comparator.<int[]>comparingInt(a -> a.length).thenComparingInt(BandShapes::unevenness));
        List<int[]> result = new ArrayList<>();
        result.add(out.getFirst());
        for (int[] s : sorted) if (result.size() < MAX_SHAPES) result.add(s);
        return List.copyOf(result);
    }

    /** Every split of {@code left} columns into {@code groups} groups of two columns or more. */
    private static void compositions(int left, int groups, List<Integer> prefix, List<int[]> out) {
        if (groups == 1) {
            if (left >= 2) {
                List<Integer> all = new ArrayList<>(prefix);
                all.add(left);
                out.add(all.stream().mapToInt(Integer::intValue).toArray());
            }
            return;
        }
        for (int w = 2; w <= left - 2 * (groups - 1); w++) {
            prefix.add(w);
            compositions(left - w, groups - 1, prefix, out);
            prefix.removeLast();
        }
    }

    private static int unevenness(int[] shape) {
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int w : shape) {
            max = Math.max(max, w);
            min = Math.min(min, w);
        }
        return max - min;
    }
}
