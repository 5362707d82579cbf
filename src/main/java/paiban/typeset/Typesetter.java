package paiban.typeset;

import paiban.model.Block;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The paragraph builder: sets runs of text into lines of a given measure, following clreq's basic
 * level. Breaks fall only between atoms and never before a closing mark or after an opening one.
 * When the next piece does not fit, the line is adjusted in clreq's order: squeeze punctuation
 * first, then pull the piece back onto the line, and only then push it down and spread the line.
 */
public final class Typesetter {

    /** clreq §3.2: Western text among Han is set a quarter em apart. */
    static final float WESTERN_GAP = 0.25f;
    private static final float EPS = 1e-4f;

    /** Han characters that read as the unit of a preceding number, and so stay with it ("12～13级", "5月"). */
    private static final String UNITS = "年月日时分秒岁个名位万亿千百十元角米克吨级度倍次项家所场期号版人件条台亩斤升周天届批种只架辆";

    private Typesetter() {
    }

    /** Sets one paragraph (or headline, caption) into lines of {@code measure} points. */
    public static Galley set(List<Block.Run> runs, TextStyle style, float measure) {
        Set<Integer> missing = new LinkedHashSet<>();
        Set<Integer> fallbacks = new LinkedHashSet<>();
        List<Atom> atoms = atomize(runs, style, missing, fallbacks);
        float em = measure / style.size();
        if (em < 2 - EPS) {
            throw new IllegalArgumentException("a measure of " + measure + " pt is under two characters");
        }
        List<List<Atom>> clusters = cluster(atoms);
        List<List<Atom>> lines = breakLines(clusters, em, style.indent());
        avoidLoneLastCharacter(lines, em, style.indent());
        List<SetLine> set = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            set.add(emit(lines.get(i), style, em, i == 0, i == lines.size() - 1));
        }
        return new Galley(set, missing, fallbacks);
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
                    atoms.add(space(chain));
                    i = j;
                    continue;
                } else if (k == CharClass.DASH || k == CharClass.ELLIPSIS) {
                    // —— and …… are one mark of two em: never split (clreq §3.1.7)
                    while (j < s.length() && s.codePointAt(j) == cp) j += Character.charCount(cp);
                }
                int[] cps = s.substring(i, j).codePoints().toArray();
                atoms.add(atom(k, cps, chain, missing, fallbacks));
                i = j;
            }
        }
        // a space next to a full-width character is a typing slip, not a word space: it goes
        while (!atoms.isEmpty() && atoms.getFirst().kind == CharClass.SPACE) atoms.removeFirst();
        while (!atoms.isEmpty() && atoms.getLast().kind == CharClass.SPACE) atoms.removeLast();
        return atoms;
    }

    private static Atom space(List<Face> chain) {
        Face f = chain.getFirst();
        return new Atom(CharClass.SPACE, new int[] {' '}, new Face[] {f}, new float[] {f.advance(' ')});
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
        return new Atom(kind, cps, faces, adv);
    }

    // ---- clusters: runs of atoms with no break opportunity inside -----------------------------

    private static List<List<Atom>> cluster(List<Atom> atoms) {
        List<List<Atom>> clusters = new ArrayList<>();
        List<Atom> current = new ArrayList<>();
        for (int i = 0; i < atoms.size(); i++) {
            Atom a = atoms.get(i);
            if (a.kind == CharClass.SPACE) {
                if (!current.isEmpty()) clusters.add(current);
                clusters.add(List.of(a));
                current = new ArrayList<>();
                continue;
            }
            if (!current.isEmpty() && breakAllowed(current.getLast(), a)) {
                clusters.add(current);
                current = new ArrayList<>();
            }
            current.add(a);
        }
        if (!current.isEmpty()) clusters.add(current);
        return clusters;
    }

    /** clreq §3.1.7 line-start and line-end prohibitions, plus numbers kept with their units. */
    static boolean breakAllowed(Atom before, Atom after) {
        CharClass a = before.kind;
        CharClass b = after.kind;
        if (a == CharClass.OPENING) return false;
        if (b == CharClass.CLOSING || b == CharClass.MIDDLE || b == CharClass.ELLIPSIS) return false;
        if (b == CharClass.DASH && after.codePoints.length == 1) return false;
        if (a == CharClass.DASH && b == CharClass.DASH) return false;
        if (a == CharClass.MIDDLE && before.codePoints[0] == '～' && b != CharClass.HAN) return false;
        if (before.isNumber() && b == CharClass.HAN && UNITS.indexOf(after.codePoints[0]) >= 0) return false;
        return true;
    }

    // ---- line breaking ------------------------------------------------------------------------

    private static List<List<Atom>> breakLines(List<List<Atom>> clusters, float em, float indent) {
        List<List<Atom>> lines = new ArrayList<>();
        List<Atom> line = new ArrayList<>();
        Atom pendingSpace = null;
        for (List<Atom> c : clusters) {
            if (c.size() == 1 && c.getFirst().kind == CharClass.SPACE) {
                if (!line.isEmpty()) pendingSpace = c.getFirst();
                continue;
            }
            List<Atom> candidate = new ArrayList<>(line);
            if (pendingSpace != null) candidate.add(pendingSpace);
            candidate.addAll(c);
            pendingSpace = null;
            float start = lines.isEmpty() ? indent : 0;
            if (line.isEmpty() || fits(candidate, em - start)) {
                line = candidate;
            } else {
                lines.add(line);
                line = new ArrayList<>(c);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) lines.add(line);
        return lines;
    }

    /** A line fits when its width, with every squeezable mark squeezed, is within the measure. */
    static boolean fits(List<Atom> line, float em) {
        float natural = measure(line);
        return natural - squeezeRoom(line) <= em + EPS;
    }

    /**
     * The natural width of a line in em, after the squeezes clreq always makes: of two adjacent marks
     * the first closing one (or else the second opening one) goes half-width, and a closing mark at the
     * line's end goes half-width. Sets each atom's squeeze as a side effect.
     */
    static float measure(List<Atom> line) {
        for (Atom a : line) {
            a.squeezeLeft = 0;
            a.squeezeRight = 0;
        }
        int n = line.size();
        for (int i = 0; i + 1 < n; i++) {
            Atom a = line.get(i);
            Atom b = line.get(i + 1);
            if (!a.squeezable() || !b.squeezable()) continue;
            if (a.kind == CharClass.CLOSING) {
                a.squeezeRight = 0.5f;
            } else if (b.kind == CharClass.OPENING) {
                b.squeezeLeft = 0.5f;
            }
        }
        if (n > 0 && line.getLast().squeezable() && line.getLast().kind == CharClass.CLOSING) {
            line.getLast().squeezeRight = 0.5f;
        }
        float w = 0;
        for (int i = 0; i < n; i++) {
            w += line.get(i).width();
            if (i + 1 < n) w += gap(line.get(i), line.get(i + 1));
        }
        return w;
    }

    /** How much more the line's squeezable marks could give, in em. Call after {@link #measure}. */
    static float squeezeRoom(List<Atom> line) {
        float room = 0;
        for (Atom a : line) {
            if (!a.squeezable()) continue;
            if (a.kind == CharClass.CLOSING && a.squeezeRight == 0) room += 0.5f;
            if (a.kind == CharClass.OPENING && a.squeezeLeft == 0) room += 0.5f;
        }
        return room;
    }

    /** The fixed space between two neighbours: a quarter em between Han and Western, else none. */
    static float gap(Atom a, Atom b) {
        boolean westernHan = (a.kind == CharClass.WESTERN && b.kind == CharClass.HAN)
                || (a.kind == CharClass.HAN && b.kind == CharClass.WESTERN);
        return westernHan ? WESTERN_GAP : 0;
    }

    /**
     * clreq: a paragraph should not end on a line holding a single character. Pull it up by squeezing
     * the line above, or else push the line above's last piece down to keep it company.
     */
    private static void avoidLoneLastCharacter(List<List<Atom>> lines, float em, float indent) {
        if (lines.size() < 2) return;
        List<Atom> last = lines.getLast();
        int letters = 0;
        for (Atom a : last) letters += a.letters();
        if (letters > 1) return;
        List<Atom> above = lines.get(lines.size() - 2);
        float start = lines.size() == 2 ? indent : 0;
        List<Atom> joined = new ArrayList<>(above);
        joined.addAll(last);
        if (fits(joined, em - start)) {
            lines.set(lines.size() - 2, joined);
            lines.removeLast();
            return;
        }
        List<List<Atom>> pieces = cluster(above);
        if (pieces.size() < 3) return;
        List<Atom> moved = new ArrayList<>(pieces.getLast());
        int keep = above.size() - moved.size();
        List<Atom> newAbove = new ArrayList<>(above.subList(0, keep));
        while (!newAbove.isEmpty() && newAbove.getLast().kind == CharClass.SPACE) newAbove.removeLast();
        moved.addAll(last);
        lines.set(lines.size() - 2, newAbove);
        lines.set(lines.size() - 1, moved);
    }

    // ---- setting a line -----------------------------------------------------------------------

    private static SetLine emit(List<Atom> line, TextStyle style, float em, boolean first, boolean last) {
        float size = style.size();
        float start = first ? style.indent() : 0;
        float avail = em - start;
        float natural = measure(line);
        float scale = 1f;
        if (natural > avail + EPS) {
            float over = natural - avail;
            float room = squeezeRoom(line);
            if (room + EPS >= over) {
                squeezeOptional(line, over, room);
                natural = avail;
            } else {
                // a single piece wider than the whole column: squeeze it horizontally rather than split it
                squeezeOptional(line, room, room);
                natural -= room;
                scale = avail / natural;
                natural = avail;
            }
        }
        float slack = Math.max(0, avail - natural);
        boolean justify = style.align() == TextStyle.Align.JUSTIFY && !last;
        int junctions = Math.max(0, line.size() - 1);
        float perJunction = 0;
        float perLetter = 0;
        float offset = start;
        if (justify && slack > EPS) {
            if (junctions > 0) {
                perJunction = slack / junctions;
            } else if (!line.isEmpty() && line.getFirst().codePoints.length > 1) {
                // nothing to spread but one word: a last resort, letter-space it
                perLetter = slack / (line.getFirst().codePoints.length - 1);
            }
        } else if (style.align() == TextStyle.Align.CENTER) {
            offset += slack / 2;
        } else if (style.align() == TextStyle.Align.RIGHT) {
            offset += slack;
        }

        List<Glyph> glyphs = new ArrayList<>();
        float x = offset;
        float inkStart = -1;
        for (int i = 0; i < line.size(); i++) {
            Atom a = line.get(i);
            float gx = x - a.squeezeLeft;
            for (int k = 0; k < a.codePoints.length; k++) {
                if (a.kind != CharClass.SPACE) {
                    glyphs.add(new Glyph(a.codePoints[k], a.faces[k], gx * size, scale));
                    if (inkStart < 0) inkStart = (gx + a.squeezeLeft) * size;
                } else {
                    glyphs.add(new Glyph(' ', a.faces[k], gx * size, scale));
                }
                gx += a.advances[k] * scale + perLetter;
            }
            x += a.width() * scale + perLetter * (a.codePoints.length - 1);
            if (i + 1 < line.size()) x += gap(a, line.get(i + 1)) * scale + perJunction;
        }
        return new SetLine(glyphs, em * size, size, Math.max(0, inkStart), x * size, first, last);
    }

    /** Takes {@code amount} em off the squeezable marks not yet squeezed, evenly. */
    private static void squeezeOptional(List<Atom> line, float amount, float room) {
        float share = room <= 0 ? 0 : amount / room * 0.5f;
        for (Atom a : line) {
            if (!a.squeezable()) continue;
            if (a.kind == CharClass.CLOSING && a.squeezeRight == 0) a.squeezeRight = share;
            if (a.kind == CharClass.OPENING && a.squeezeLeft == 0) a.squeezeLeft = share;
        }
    }
}
