package paiban.typeset;

import paiban.model.Block;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The paragraph builder: sets runs of text into lines of a given measure, following clreq's basic
 * level. Breaks fall only between atoms and never before a closing mark or after an opening one
 * ({@link AtomClusters}); the breaks themselves are chosen by total fit ({@link LineBreaker}); each line is
 * then adjusted in clreq's order: squeeze punctuation, and only then spread the slack between
 * characters (or, for a Western word that cannot share its line, scale it).
 */
public final class Typesetter {

    private static final float EPS = LineBreaker.EPS;

    private Typesetter() {
    }

    /** Sets one paragraph (or headline, caption) into lines of {@code measure} points. */
    public static Galley set(List<Block.Run> runs, TextStyle style, float measure) {
        return prepare(runs, style).set(measure);
    }

    /**
     * One paragraph made ready to set at any measure: its atoms, their faces and advances, and where it may
     * break, none of which depend on the measure. Composition sets a story's body at a measure for each module
     * width when the layout sets stories further apart than the gutter; finding all this again for each measure
     * was half of that typesetting.
     */
    public static final class Prepared {
        private final TextStyle style;
        private final Set<Integer> missing;
        private final Set<Integer> fallbacks;
        /** Null for a paragraph without atoms. */
        private final AtomClusters clusters;

        private Prepared(TextStyle style, Set<Integer> missing, Set<Integer> fallbacks, AtomClusters clusters) {
            this.style = style;
            this.missing = missing;
            this.fallbacks = fallbacks;
            this.clusters = clusters;
        }

        /** The paragraph set into lines of {@code measure} points: what {@link Typesetter#set} gives. */
        public Galley set(float measure) {
            float em = measure / style.size();
            if (em < 2 - EPS) {
                throw new IllegalArgumentException("a measure of " + measure + " pt is under two characters");
            }
            if (clusters == null) {
                return new Galley(List.of(new SetLine(List.of(), measure, style.size(), 0, 0, true, true, 0, 0, 1)),
                        missing, fallbacks);
            }
            boolean justify = style.align() == TextStyle.Align.JUSTIFY;
            List<LineBreaker.Line> lines = LineBreaker.breakLines(clusters, em, style.indent(), justify);
            List<SetLine> set = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                set.add(emit(clusters, lines.get(i), style, em, i == 0, i == lines.size() - 1));
            }
            return new Galley(set, missing, fallbacks);
        }

        /**
         * At least how many lines {@link #set} makes at {@code measure} points, found without breaking: the atoms at
         * their narrowest (every mark's blank half squeezed, Western text condensed as far as the line breaker ever
         * condenses it, word spaces dropped) fill every line to at most the measure, or to the width of the one
         * cluster a line holds when that is wider. Composition asks it to know cheaply that copy cannot fit a page.
         */
        public int leastLines(float measure) {
            if (clusters == null) return 1;
            if (least == null) least = least(clusters);
            float em = measure / style.size();
            float line = Math.max(em + EPS, least[1]);
            return Math.max(1, (int) Math.ceil(least[0] / line - 1e-3));
        }

        /** The atoms' narrowest widths added up, and the narrowest of the widest cluster, in em. */
        private float[] least;

        private static float[] least(AtomClusters p) {
            float sum = 0;
            for (Atom a : p.atoms) {
                if (a.kind == CharClass.SPACE) continue;
                float narrowest = a.natural - a.blankLeft - a.blankRight;
                if (a.condensable()) narrowest -= a.natural * (1 - LineBreaker.FORCED_FLOOR);
                sum += narrowest;
            }
            float widest = 0;
            for (int c = 0; c < p.clusters(); c++) {
                widest = Math.max(widest, p.measure(p.start[c], p.end[c]).narrowest(LineBreaker.FORCED_FLOOR));
            }
            return new float[] {sum, widest};
        }
    }

    /** The paragraph ready to be set at any measure ({@link Prepared#set}). */
    public static Prepared prepare(List<Block.Run> runs, TextStyle style) {
        Set<Integer> missing = new LinkedHashSet<>();
        Set<Integer> fallbacks = new LinkedHashSet<>();
        List<Atom> atoms = atomize(runs, style, missing, fallbacks);
        return new Prepared(style, missing, fallbacks, atoms.isEmpty() ? null : new AtomClusters(atoms));
    }

    /** Convenience for plain text. */
    public static Galley set(String text, TextStyle style, float measure) {
        return set(List.of(new Block.Run(text, false)), style, measure);
    }

    // ---- atoms ------------------------------------------------------------------------------

    private static List<Atom> atomize(List<Block.Run> runs, TextStyle style, Set<Integer> missing, Set<Integer> fallbacks) {
        List<Atom> atoms = new ArrayList<>();
        for (Block.Run run : runs) {
            List<Face> chain = run.bold() ? style.bold() : style.regular();
            String s = run.text();
            int i = 0;
            while (i < s.length()) {
                int cp = s.codePointAt(i);
                CharClass k = CharClass.of(cp);
                int j = i + Character.charCount(cp);
                if (k == CharClass.WESTERN) {
                    while (j < s.length() && CharClass.of(s.codePointAt(j)) == CharClass.WESTERN) {
                        j += Character.charCount(s.codePointAt(j));
                    }
                } else if (k == CharClass.SPACE) {
                    while (j < s.length() && CharClass.of(s.codePointAt(j)) == CharClass.SPACE) {
                        j += Character.charCount(s.codePointAt(j));
                    }
                    atoms.add(Atom.space(chain.getFirst()));
                    i = j;
                    continue;
                } else if (k == CharClass.DASH || k == CharClass.ELLIPSIS) {
                    // —— and …… are one mark of two em: never split (clreq §3.1.7)
                    while (j < s.length() && s.codePointAt(j) == cp) j += Character.charCount(cp);
                }
                // most atoms are one character: no substring and stream for those (they were a third of atomizing)
                int[] cps = j - i == Character.charCount(cp) ? new int[] {cp} : s.substring(i, j).codePoints().toArray();
                atoms.add(atom(k, cps, chain, missing, fallbacks));
                i = j;
            }
        }
        // A space typed next to a full-width character is the writer's way of asking for the
        // Han/Western gap, which is ours to set; only spaces between Western words stay.
        List<Atom> kept = new ArrayList<>(atoms.size());
        for (int t = 0; t < atoms.size(); t++) {
            Atom a = atoms.get(t);
            if (a.kind == CharClass.SPACE) {
                boolean westernBefore = !kept.isEmpty() && kept.getLast().kind == CharClass.WESTERN;
                boolean westernAfter = t + 1 < atoms.size() && atoms.get(t + 1).kind == CharClass.WESTERN;
                if (!westernBefore || !westernAfter) continue;
            }
            kept.add(a);
        }
        return kept;
    }

    private static Atom atom(CharClass kind, int[] cps, List<Face> chain, Set<Integer> missing, Set<Integer> fallbacks) {
        Face[] faces = new Face[cps.length];
        float[] adv = new float[cps.length];
        for (int n = 0; n < cps.length; n++) {
            Face f = null;
            for (Face c : chain) {
                if (c.has(cps[n])) {
                    f = c;
                    break;
                }
            }
            if (f == null) {
                missing.add(cps[n]);
                f = chain.getFirst();
                adv[n] = 1f;
            } else {
                if (f != chain.getFirst()) fallbacks.add(cps[n]);
                adv[n] = f.advance(cps[n]);
            }
            faces[n] = f;
        }
        return Atom.of(kind, cps, faces, adv);
    }

    // ---- setting a line -----------------------------------------------------------------------

    private static SetLine emit(AtomClusters p, LineBreaker.Line line, TextStyle style, float em, boolean first, boolean last) {
        float size = style.size();
        float start = first ? style.indent() : 0;
        float avail = em - start;
        int s = line.start();
        int e = line.end();
        int n = e - s;
        AtomClusters.Measure me = p.measure(s, e);
        float[] sqL = new float[n];
        float[] sqR = new float[n];
        for (int t = s; t + 1 < e; t++) {
            if (p.pairSide[t] == 1) sqR[t - s] = p.atoms.get(t).blankRight;
            if (p.pairSide[t] == 2) sqL[t + 1 - s] = p.atoms.get(t + 1).blankLeft;
        }
        sqR[n - 1] = p.atoms.get(e - 1).blankRight;

        float width = me.width();
        float westernScale = 1;
        float lineScale = 1;
        float squeeze = 0;
        if (width > avail + EPS) {
            // clreq: squeeze punctuation first, evenly over every mark that still has a blank half
            squeeze = Math.min(width - avail, me.room());
            float share = me.room() <= 0 ? 0 : squeeze / me.room();
            for (int t = 0; t < n; t++) {
                Atom a = p.atoms.get(s + t);
                if (t > 0 && a.blankLeft > 0 && sqL[t] == 0) sqL[t] = a.blankLeft * share;
                if (t < n - 1 && a.blankRight > 0 && sqR[t] == 0) sqR[t] = a.blankRight * share;
            }
            width -= squeeze;
            if (width > avail + EPS) {
                // a word wider than what is left: condense the Western text rather than break it
                if (me.western() > EPS && (avail - (width - me.western())) / me.western() >= LineBreaker.FORCED_FLOOR) {
                    westernScale = (avail - (width - me.western())) / me.western();
                } else {
                    lineScale = avail / width;
                }
                width = avail;
            }
        }
        float slack = Math.max(0, avail - width);
        boolean justify = style.align() == TextStyle.Align.JUSTIFY && !last;
        float perJunction = 0;
        float offset = start;
        if (justify && slack > EPS) {
            if (me.junctions() > 0) {
                perJunction = slack / me.junctions();
            } else if (me.western() > EPS) {
                // one Western word (or ——) alone on its line: widen it to the measure, never letter-space it
                westernScale = (me.western() + slack) / me.western();
            }
        } else if (style.align() == TextStyle.Align.CENTER) {
            offset += slack / 2;
        } else if (style.align() == TextStyle.Align.RIGHT) {
            offset += slack;
        }

        List<Glyph> glyphs = new ArrayList<>();
        float x = offset;
        float inkStart = -1;
        float extreme = 1;
        for (int t = 0; t < n; t++) {
            Atom a = p.atoms.get(s + t);
            float scale = lineScale * (a.condensable() ? westernScale : 1);
            float origin = x - sqL[t] * lineScale;
            for (int k = 0; k < a.codePoints.length; k++) {
                float gs = scale * a.glyphScale;
                int cp = a.kind == CharClass.SPACE ? ' ' : a.codePoints[k];
                glyphs.add(new Glyph(cp, a.faces[k], (origin + a.offsets[k] * scale) * size, gs));
                float own = gs / a.glyphScale;
                if (a.kind != CharClass.SPACE && Math.abs(own - 1) > Math.abs(extreme - 1)) extreme = own;
            }
            if (inkStart < 0 && a.kind != CharClass.SPACE) inkStart = x * size;
            x += a.natural * scale - (sqL[t] + sqR[t]) * lineScale;
            if (t + 1 < n) x += p.gap[s + t] * lineScale + (p.stretchable[s + t] ? perJunction : 0);
        }
        if (line.spaceAfter()) {
            // the word space at a break stays in the text layer, past the line's end, so that
            // extracted text (and paiban check) can tell two words from one split word
            Atom sp = p.atoms.get(e);
            glyphs.add(new Glyph(' ', sp.faces[0], x * size, 1));
        }
        return new SetLine(glyphs, em * size, size, Math.max(0, inkStart), x * size, first, last,
                perJunction, squeeze, extreme);
    }
}
