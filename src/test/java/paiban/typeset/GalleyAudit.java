package paiban.typeset;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads set galleys back against their copy, the way a proofreader reads a galley proof, and counts
 * what the rules forbid. It trusts nothing of the typesetter but the glyphs and their x.
 */
public final class GalleyAudit {

    /** The lists (clreq basic level): what may not start, or end, a line. */
    public static final String NO_START = "、，。．：；！？‼⁇”’）》〉】〗〕］｝」』～·・";
    public static final String NO_END = "“‘（《〈【〖〔［｛「『";
    private static final String CLOSING = "、，。．：；！？”’）》〉】〗〕］｝」』";

    public int lines;
    public int paragraphs;
    public int characters;
    public final List<String> startEnd = new ArrayList<>();
    public final List<String> splits = new ArrayList<>();
    public final List<String> ragged = new ArrayList<>();
    public final List<String> lone = new ArrayList<>();
    public final List<String> missing = new ArrayList<>();
    public final List<String> letterSpaced = new ArrayList<>();
    public final List<String> lost = new ArrayList<>();
    /** Looseness, for the record: the widest spacing added at a junction (em), condensed and widened lines. */
    public float maxSpacing;
    public int looseLines;
    public int condensed;
    public int widened;
    public int squeezedLines;

    /** Audits one paragraph set at {@code measure} points with a first-line indent of {@code indent} em. */
    public void audit(StressCopy.Paragraph copy, Galley galley, float measure, float indent) {
        paragraphs++;
        String bare = copy.bare();
        characters += bare.length();
        for (int cp : galley.missing()) missing.add(new String(Character.toChars(cp)));
        StringBuilder got = new StringBuilder();
        List<Integer> breaks = new ArrayList<>();
        List<SetLine> ls = galley.lines();
        for (int i = 0; i < ls.size(); i++) {
            SetLine l = ls.get(i);
            lines++;
            List<Glyph> vis = l.glyphs().stream().filter(g -> g.codePoint() != ' ').toList();
            String t = l.text().replace(" ", "");
            if (t.isEmpty()) {
                ragged.add("empty line in 「" + bare + "」");
                continue;
            }
            got.append(t);
            if (i + 1 < ls.size()) breaks.add(got.length());
            for (Glyph g : vis) {
                if (!g.face().has(g.codePoint())) missing.add(new String(Character.toChars(g.codePoint())));
            }
            if (NO_START.indexOf(t.charAt(0)) >= 0 || (t.charAt(0) == '—' && (t.length() < 2 || t.charAt(1) != '—'))) {
                startEnd.add("starts: 「" + t + "」");
            }
            if (NO_END.indexOf(t.charAt(t.length() - 1)) >= 0) startEnd.add("ends: 「" + t + "」");

            float size = l.size();
            float start = i == 0 ? indent * size : 0;
            Glyph first = vis.getFirst();
            if (Math.abs(first.x() - start) > 0.02f * size && !dashStart(first, start, size)) {
                ragged.add(String.format("starts at %.2f em: 「%s」", first.x() / size, t));
            }
            Glyph last = vis.getLast();
            float right = last.x() + last.face().advance(last.codePoint()) * last.scale() * size;
            if (CLOSING.indexOf(last.codePoint()) >= 0 && halfInk(last)) right -= 0.5f * size;
            boolean lastLine = i == ls.size() - 1;
            if (!lastLine && Math.abs(right - measure) > 0.02f * size) {
                ragged.add(String.format("ends %.2f em short: 「%s」", (measure - right) / size, t));
            }
            if (lastLine && right > measure + 0.02f * size) ragged.add("last line overflows: 「" + t + "」");
            if (lastLine && ls.size() > 1 && t.codePoints().filter(Character::isLetterOrDigit).count() < 2) {
                lone.add("「" + t + "」 ends 「" + bare + "」");
            }
            maxSpacing = Math.max(maxSpacing, l.spacing());
            if (l.spacing() > 0.25f) looseLines++;
            if (l.scale() < 0.999f) condensed++;
            if (l.scale() > 1.001f) widened++;
            if (l.squeeze() > 0) squeezedLines++;
            letterSpacing(l, t);
        }
        if (!got.toString().equals(bare)) lost.add("set 「" + got + "」 for 「" + bare + "」");
        for (int b : breaks) {
            for (int[] s : copy.spans()) {
                if (b > s[0] && b < s[1]) splits.add("「" + bare.substring(s[0], s[1]) + "」 split at " + (b - s[0]));
            }
        }
    }

    /** Inside a Western word, each glyph follows the last at exactly its (scaled) advance. */
    private void letterSpacing(SetLine l, String t) {
        List<Glyph> gs = l.glyphs();
        for (int i = 1; i < gs.size(); i++) {
            Glyph a = gs.get(i - 1);
            Glyph b = gs.get(i);
            if (!latin(a.codePoint()) || !latin(b.codePoint())) continue;
            float expected = a.x() + a.face().advance(a.codePoint()) * a.scale() * l.size();
            if (Math.abs(b.x() - expected) > 0.001f * l.size()) {
                letterSpaced.add(String.format("%c%c %.3f em apart in 「%s」", a.codePoint(), b.codePoint(),
                        (b.x() - expected) / l.size(), t));
            }
        }
    }

    private static boolean latin(int cp) {
        return cp < 0x80 && Character.isLetterOrDigit(cp) || cp == 'μ';
    }

    /** A doubled dash's first glyph is drawn a hair left of its cell so that its ink starts at the cell's margin. */
    private static boolean dashStart(Glyph g, float start, float size) {
        return g.codePoint() == '—' && Math.abs(g.x() - start) < 0.1f * size;
    }

    private static boolean halfInk(Glyph g) {
        float[] ink = g.face().ink(g.codePoint());
        return ink == null || ink[1] <= 0.55f;
    }

    public boolean clean() {
        return startEnd.isEmpty() && splits.isEmpty() && ragged.isEmpty() && lone.isEmpty() && missing.isEmpty()
                && letterSpaced.isEmpty() && lost.isEmpty();
    }

    @Override
    public String toString() {
        return String.format("%d paragraphs, %d lines: start/end %d, splits %d, ragged %d, lone %d, missing %d, "
                        + "letter-spaced %d, lost %d; max spacing %.2f em, %d lines over ¼ em, %d condensed, %d widened, %d squeezed",
                paragraphs, lines, startEnd.size(), splits.size(), ragged.size(), lone.size(), missing.size(),
                letterSpaced.size(), lost.size(), maxSpacing, looseLines, condensed, widened, squeezedLines);
    }

    public String examples() {
        List<String> all = new ArrayList<>();
        for (List<String> l : List.of(startEnd, splits, ragged, lone, missing, letterSpaced, lost)) {
            all.addAll(l.subList(0, Math.min(3, l.size())));
        }
        return String.join("\n", all);
    }
}
