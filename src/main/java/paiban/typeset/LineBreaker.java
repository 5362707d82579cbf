package paiban.typeset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses a paragraph's line breaks by total fit: of all ways to break it at legal points, the one
 * with the least total cost, found by dynamic programming over the cluster boundaries.
 *
 * <p>The costs follow clreq's order of adjustment. Squeezing punctuation is cheap; pushing a piece
 * down when squeezing would have pulled it back onto the line costs a fixed penalty, so a line is
 * filled the way a compositor fills it unless that would leave a much looser line further on (a long
 * Western word that does not fit, a paragraph ending on a single character). Spreading slack costs
 * the square of the space added at each junction. Condensing Western text costs more than any
 * reasonable spread (and steeply more below 80%), so it is chosen only where the spread would gape:
 * a column too narrow for a long word and the text before it. A word that can share its line with
 * nothing is widened to the measure at the same price. Letter-spacing is never done; a line that
 * could be made flush only by it is the last resort and is left flush left.
 */
final class LineBreaker {

    static final float EPS = 1e-4f;
    /** Condensing Western text further than this costs steeply more. */
    static final float CONDENSE_FLOOR = 0.8f;
    /** The least a word wider than its column may be condensed to; past that the line overflows. */
    static final float FORCED_FLOOR = 0.2f;

    private static final double LINE = 20;
    private static final double RAGGED = 1;
    private static final double SQUEEZE = 4;
    private static final double STRETCH = 1000;
    private static final double PUSH_DOWN = 30;
    private static final double CONDENSE = 300;
    private static final double CONDENSE_PER_UNIT = 3000;
    private static final double DEEP_CONDENSE = 30_000;
    private static final double LETTER_SPACE = 100_000;
    private static final double LONE = 1_000_000;
    private static final double OVERFLOW = 10_000_000;

    private LineBreaker() {
    }

    /** A line as the breaker chose it: atoms [start, end), and whether a word space was dropped at its end. */
    record Line(int start, int end, boolean spaceAfter) {
    }

    /**
     * @param em     the measure in em
     * @param indent the first line's indent in em
     * @param stretchCounts true when lines are justified, so that slack costs; false for ragged styles
     */
    static List<Line> breakLines(AtomClusters p, float em, float indent, boolean stretchCounts) {
        int m = p.clusters();
        double[] best = new double[m + 1];
        int[] from = new int[m + 1];
        int[] lineEnd = new int[m + 1];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        // AtomClusters' arrays, read here as its width(s, e), room(s, e) … compute them: the same float
        // expressions in the same order, so the same lines (see the note on its fields)
        final float[] natural = p.natural, gaps = p.gaps, pairs = p.pairs, blanks = p.blanks, west = p.western;
        final float[] blankRight = p.blankRight;
        final int[] stretch = p.stretch, letters = p.letters, starts = p.start, ends = p.end;
        final boolean[] space = p.space;
        for (int s = 0; s < m; s++) {
            if (best[s] == Double.POSITIVE_INFINITY || space[s]) continue;
            float avail = s == 0 ? em - indent : em;
            int a = starts[s];
            float naturalA = natural[a], gapsA = gaps[a], pairsA = pairs[a], blanksA = blanks[a], westA = west[a];
            float firstBlank = p.blankLeft[a];
            int stretchA = stretch[a], lettersA = letters[a];
            for (int e = s + 1; e <= m; e++) {
                if (space[e - 1]) continue;
                int b = ends[e - 1];
                float inner = pairs[b - 1] - pairsA;
                float end = blankRight[b - 1];
                float width = natural[b] - naturalA + gaps[b - 1] - gapsA - inner - end;
                float room = Math.max(0, blanks[b] - blanksA - inner - end - firstBlank);
                float western = west[b] - westA;
                if (e > s + 1 && AtomClusters.narrowest(width, room, western, FORCED_FLOOR) > avail + EPS) break;
                int next = e < m && space[e] ? e + 1 : e;
                boolean last = next >= m;
                double cost = best[s] + LINE + cost(width, room, western, stretch[b - 1] - stretchA, letters[b] - lettersA,
                        avail, last, s == 0, stretchCounts);
                if (!last) {
                    int after = next + 1;
                    if (after <= m && !space[after - 1]) {
                        int c = ends[after - 1];
                        float innerC = pairs[c - 1] - pairsA;
                        float endC = blankRight[c - 1];
                        float widthC = natural[c] - naturalA + gaps[c - 1] - gapsA - innerC - endC;
                        float roomC = Math.max(0, blanks[c] - blanksA - innerC - endC - firstBlank);
                        if (widthC - roomC <= avail + EPS) cost += PUSH_DOWN;
                    }
                }
                if (cost < best[next]) {
                    best[next] = cost;
                    from[next] = s;
                    lineEnd[next] = e;
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        int at = m;
        while (at > 0) {
            int s = from[at];
            int e = lineEnd[at];
            lines.addFirst(new Line(p.start[s], p.end[e - 1], e < at));
            at = s;
        }
        return lines;
    }

    /** The cost of a line of the width, room, Western part, junctions and letters {@link AtomClusters.Measure} names. */
    private static double cost(float w, float room, float western, int junctions, int letters, float avail,
                               boolean last, boolean first, boolean stretchCounts) {
        double c = 0;
        if (last && !first && letters < 2) c += LONE;
        if (w <= avail + EPS) {
            float slack = avail - w;
            // ragged styles (headlines, centred or flush) are balanced: every line, the last
            // included, pays for its slack, so a two-line headline splits near the middle
            if (!stretchCounts) return c + RAGGED * slack * slack;
            if (last || slack <= EPS) return c;
            if (junctions > 0) {
                double e = slack / junctions;
                return c + STRETCH * e * e;
            }
            if (western > EPS) {
                // a lone word: widened to the measure, priced like condensing it by as much
                double scale = (western + slack) / western;
                double deep = Math.max(0, scale - 2 + CONDENSE_FLOOR);
                return c + CONDENSE + CONDENSE_PER_UNIT * (scale - 1) + DEEP_CONDENSE * deep * deep;
            }
            return c + LETTER_SPACE + slack;
        }
        float squeezed = w - room;
        if (squeezed <= avail + EPS) return c + SQUEEZE * (w - avail);
        if (western <= EPS) return c + OVERFLOW;
        double scale = (avail - (squeezed - western)) / western;
        if (scale < FORCED_FLOOR) return c + OVERFLOW;
        double deep = Math.max(0, CONDENSE_FLOOR - scale);
        return c + CONDENSE + CONDENSE_PER_UNIT * (1 - scale) + DEEP_CONDENSE * deep * deep;
    }
}
