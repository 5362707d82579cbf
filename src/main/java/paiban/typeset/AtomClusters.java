package paiban.typeset;

import java.util.ArrayList;
import java.util.List;

/**
 * A paragraph's atoms grouped into clusters (runs with no break opportunity inside), with the prefix
 * sums the line breaker needs to measure any candidate line in constant time.
 *
 * <p>Junction {@code k} lies between atom {@code k} and atom {@code k + 1}. Its fixed gap (¼ em between
 * Han and Western), the squeeze clreq always makes there (½ em between two adjacent marks) and whether
 * justification may widen it are fixed by the two atoms alone, so sums over a line's inner junctions
 * are differences of prefix sums.
 */
final class AtomClusters {

    /** clreq §3.2: Western text among Han is set a quarter em apart. */
    static final float WESTERN_GAP = 0.25f;

    /** Han characters that read as the unit of a preceding number, and so stay with it ("12～13级", "5月"). */
    private static final String UNITS = "年月日时分秒岁个名位万亿千百十元角米克吨级度倍次项家所场期号版人件条台亩斤升周天届批种只架辆";

    final List<Atom> atoms;
    /** Cluster c holds atoms [start[c], end[c]); space clusters are where Western words may break. */
    final int[] start;
    final int[] end;
    final boolean[] space;

    /*
     * The sums and the atoms' blank halves are read directly by the line breaker's inner loop, which the
     * launcher's quick compiler (C1) does not inline width(s, e) and room(s, e) into: called for every
     * candidate line, with a bounds-checked List.get for the last atom's blank, they were about a quarter of
     * a broadsheet composition's CPU under C1. LineBreaker computes the same float expressions from them.
     */
    /** Prefix sums over atoms: natural width, blank halves, condensable width, letters. */
    final float[] natural;
    final float[] blanks;
    final float[] western;
    final int[] letters;
    /** Prefix sums over junctions: gaps, mandatory squeezes, stretchable junctions. */
    final float[] gaps;
    final float[] pairs;
    final int[] stretch;
    /** Each atom's blank left and right half (an opening or closing mark's), as {@link Atom} has them. */
    final float[] blankLeft;
    final float[] blankRight;
    /** Per junction: 1 when the pair squeeze takes the left atom's right half, 2 the right atom's left half. */
    final byte[] pairSide;
    final float[] gap;
    final boolean[] stretchable;

    AtomClusters(List<Atom> atoms) {
        this.atoms = atoms;
        int n = atoms.size();
        boolean[] glue = new boolean[Math.max(0, n - 1)];
        for (int k = 0; k + 1 < n; k++) glue[k] = !breakAllowed(k);
        List<int[]> clusters = new ArrayList<>();
        int s = 0;
        for (int t = 0; t < n; t++) {
            Atom a = atoms.get(t);
            if (a.kind == CharClass.SPACE && !glueSpace(t)) {
                if (s < t) clusters.add(new int[] {s, t, 0});
                clusters.add(new int[] {t, t + 1, 1});
                s = t + 1;
            } else if (t + 1 < n && !glue[t] && atoms.get(t + 1).kind != CharClass.SPACE
                    && a.kind != CharClass.SPACE) {
                clusters.add(new int[] {s, t + 1, 0});
                s = t + 1;
            }
        }
        if (s < n) clusters.add(new int[] {s, n, 0});
        int m = clusters.size();
        start = new int[m];
        end = new int[m];
        space = new boolean[m];
        for (int c = 0; c < m; c++) {
            start[c] = clusters.get(c)[0];
            end[c] = clusters.get(c)[1];
            space[c] = clusters.get(c)[2] == 1;
        }
        boolean[] boundary = new boolean[Math.max(0, n - 1)];
        for (int c = 0; c + 1 < m; c++) boundary[end[c] - 1] = true;
        for (int c = 0; c < m; c++) if (space[c]) {
            if (start[c] > 0) boundary[start[c] - 1] = true;
        }

        natural = new float[n + 1];
        blanks = new float[n + 1];
        western = new float[n + 1];
        letters = new int[n + 1];
        blankLeft = new float[n];
        blankRight = new float[n];
        for (int t = 0; t < n; t++) {
            Atom a = atoms.get(t);
            blankLeft[t] = a.blankLeft;
            blankRight[t] = a.blankRight;
            natural[t + 1] = natural[t] + a.natural;
            blanks[t + 1] = blanks[t] + a.blankLeft + a.blankRight;
            western[t + 1] = western[t] + (a.condensable() ? a.natural : 0);
            letters[t + 1] = letters[t] + a.letters;
        }
        int j = Math.max(0, n - 1);
        gap = new float[j];
        pairSide = new byte[j];
        stretchable = new boolean[j];
        gaps = new float[j + 1];
        pairs = new float[j + 1];
        stretch = new int[j + 1];
        for (int k = 0; k < j; k++) {
            Atom a = atoms.get(k);
            Atom b = atoms.get(k + 1);
            gap[k] = gap(a, b);
            float used = 0;
            if (a.blankRight > 0 && (b.blankLeft > 0 || b.blankRight > 0)) {
                pairSide[k] = 1;
                used = a.blankRight;
            } else if (b.blankLeft > 0 && (a.blankLeft > 0 || a.blankRight > 0)) {
                pairSide[k] = 2;
                used = b.blankLeft;
            }
            // justification widens every junction but those that hold a number or word together
            stretchable[k] = boundary[k] || (a.wide() && b.wide());
            gaps[k + 1] = gaps[k] + gap[k];
            pairs[k + 1] = pairs[k] + used;
            stretch[k + 1] = stretch[k] + (stretchable[k] ? 1 : 0);
        }
    }

    int clusters() {
        return start.length;
    }

    /**
     * What a line of atoms [s, e) measures, in em: {@code western} is the part that may be condensed
     * (Western text, dashes and ellipses), {@code junctions} the places justification may widen.
     */
    record Measure(float width, float room, float western, int junctions, int letters, float firstBlank) {
        /** The narrowest it can be set: every mark squeezed, Western text condensed to {@code floor}. */
        float narrowest(float floor) {
            return AtomClusters.narrowest(width, room, western, floor);
        }
    }

    Measure measure(int s, int e) {
        return new Measure(width(s, e), room(s, e), western(s, e), junctions(s, e), letters(s, e), atoms.get(s).blankLeft);
    }

    /*
     * The parts of measure(s, e) one at a time, for the line breaker's inner loop, which would otherwise make
     * a Measure for every candidate line: some 40 MB in a cold build, where the quick compiler does not
     * take such an object apart. Each figure is the same float expression that measure(s, e) gives.
     */

    /** {@link Measure#width()} of atoms [s, e). */
    float width(int s, int e) {
        float inner = pairs[e - 1] - pairs[s];
        float end = blankRight[e - 1];
        return natural[e] - natural[s] + gaps[e - 1] - gaps[s] - inner - end;
    }

    /** {@link Measure#room()} of atoms [s, e). */
    float room(int s, int e) {
        float inner = pairs[e - 1] - pairs[s];
        float end = blankRight[e - 1];
        // line-start opening marks stay full width, so the line's left edge is the column's
        float firstBlank = blankLeft[s];
        float room = blanks[e] - blanks[s] - inner - end - firstBlank;
        return Math.max(0, room);
    }

    /** {@link Measure#western()} of atoms [s, e). */
    float western(int s, int e) {
        return western[e] - western[s];
    }

    /** {@link Measure#junctions()} of atoms [s, e). */
    int junctions(int s, int e) {
        return stretch[e - 1] - stretch[s];
    }

    /** {@link Measure#letters()} of atoms [s, e). */
    int letters(int s, int e) {
        return letters[e] - letters[s];
    }

    /** {@link Measure#narrowest(float)} from a line's width, room and Western part. */
    static float narrowest(float width, float room, float western, float floor) {
        return width - room - western * (1 - floor);
    }

    /** clreq §3.1.7 line-start and line-end prohibitions, plus numbers kept with their units. */
    private boolean breakAllowed(int k) {
        Atom before = atoms.get(k);
        Atom after = atoms.get(k + 1);
        if (before.kind == CharClass.SPACE || after.kind == CharClass.SPACE) return true;
        if (before.kind == CharClass.OPENING || CharClass.noEnd(before.last())) return false;
        if (after.kind == CharClass.CLOSING || after.kind == CharClass.MIDDLE || after.kind == CharClass.ELLIPSIS) {
            return false;
        }
        if (CharClass.noStart(after.first())) return false;
        // a single dash never starts a line; a doubled one may
        if (after.kind == CharClass.DASH && after.codePoints.length == 1 && after.first() != '⸺') return false;
        if (before.kind == CharClass.MIDDLE && before.first() == '～' && after.kind == CharClass.WESTERN) return false;
        if (Character.isDigit(before.last()) && after.kind == CharClass.HAN && UNITS.indexOf(after.first()) >= 0) {
            return false;
        }
        return true;
    }

    /** A Han unit that stays with the number before it (年, 月, 万, 级 …). */
    static boolean unit(int cp) {
        return cp < 0x10000 && UNITS.indexOf((char) cp) >= 0;
    }

    /** A space between a number and its unit ("5 km", "0.3 μm") holds them together. */
    private boolean glueSpace(int t) {
        if (t == 0 || t + 1 >= atoms.size()) return false;
        Atom before = atoms.get(t - 1);
        Atom after = atoms.get(t + 1);
        return before.isNumber() && after.kind == CharClass.WESTERN && after.toString().matches("[μµ]?[A-Za-z°]{1,3}(/[A-Za-z]{1,3})?");
    }

    /** The fixed space between two neighbours: a quarter em between Han letters and Western text, else none. */
    static float gap(Atom a, Atom b) {
        boolean westernHan = (a.kind == CharClass.WESTERN && b.kind == CharClass.HAN && b.letters > 0)
                || (a.kind == CharClass.HAN && a.letters > 0 && b.kind == CharClass.WESTERN);
        return westernHan ? WESTERN_GAP : 0;
    }
}
