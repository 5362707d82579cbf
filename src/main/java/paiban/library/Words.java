package paiban.library;

import paiban.typeset.CharClass;
import paiban.typeset.Face;
import paiban.typeset.Glyph;
import paiban.typeset.SetLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a set line into what ALTO calls Strings and SPs, with their extents taken from the typesetter's
 * own glyph positions and advances. A Han character or punctuation mark is a String of its own (Chinese
 * has no word spaces, and a library highlights a search hit character by character); a Western word or
 * number is one String; a doubled dash or ellipsis, one mark, is one String; a word space or an
 * ideographic space is an SP. In a vertical line (a 竖排 headline's column) the extents run down the column.
 */
final class Words {

    /**
     * One String (or, with {@code content} null, one SP) of a line.
     *
     * @param start from the line's start, in points
     * @param end   where the next String may begin, in points
     * @param face  the face its first glyph is set in
     */
    record Word(String content, float start, float end, Face face) {
        boolean space() {
            return content == null;
        }
    }

    private Words() {
    }

    static List<Word> of(SetLine line) {
        List<Glyph> g = line.glyphs();
        List<Word> words = new ArrayList<>();
        int n = g.size();
        int i = 0;
        while (i < n) {
            int cp = g.get(i).codePoint();
            if (blank(cp)) {
                int j = i;
                while (j < n && blank(g.get(j).codePoint())) j++;
                // a space at the line's start or (dropped at the break) at its end separates nothing on the line
                if (!words.isEmpty() && j < n) words.add(new Word(null, 0, 0, g.get(i).face()));
                i = j;
                continue;
            }
            CharClass kind = CharClass.of(cp);
            int j = i + 1;
            if (kind == CharClass.WESTERN || kind == CharClass.DASH || kind == CharClass.ELLIPSIS) {
                while (j < n && !blank(g.get(j).codePoint()) && CharClass.of(g.get(j).codePoint()) == kind) j++;
            }
            StringBuilder content = new StringBuilder();
            float end = 0;
            for (int k = i; k < j; k++) {
                Glyph h = g.get(k);
                content.appendCodePoint(h.codePoint());
                end = Math.max(end, h.x() + along(h, line));
            }
            words.add(new Word(content.toString(), g.get(i).x(), end, g.get(i).face()));
            i = j;
        }
        List<Word> out = settle(words);
        if (!out.isEmpty()) {
            // a closing mark at the line's end gives up its blank half past the measure (clreq): the
            // typesetter's inkEnd is where the line really ends
            Word last = out.getLast();
            if (last.end() > line.inkEnd()) {
                out.set(out.size() - 1, new Word(last.content(), last.start(), Math.max(last.start(), line.inkEnd()),
                        last.face()));
            }
        }
        return out;
    }

    /**
     * How far a glyph reaches along its line from its {@code x}: its advance in a horizontal line or turned
     * sideways in a vertical one; in a vertical line an upright glyph's cell, one em down the column, however
     * narrow the glyph (two digits side by side in one cell, 纵中横, share it).
     */
    private static float along(Glyph h, SetLine line) {
        if (line.vertical() && h.orientation() != Glyph.Orientation.SIDEWAYS) return line.size();
        return h.face().advance(h.codePoint()) * line.size() * h.scale();
    }

    /**
     * Squeezed punctuation overlaps its neighbour's em box by the blank half it lost: an opening mark
     * gives up its left half, any other mark its right half. Where two Strings overlap, the blank half is
     * cut off, so that boxes follow one another as the characters do; an SP fills the gap between its
     * neighbours.
     */
    private static List<Word> settle(List<Word> words) {
        List<Word> out = new ArrayList<>(words);
        for (int k = 0; k + 1 < out.size(); k++) {
            Word a = out.get(k), b = out.get(k + 1);
            if (a.space() || b.space() || a.end() <= b.start()) continue;
            if (CharClass.of(b.content().codePointAt(0)) == CharClass.OPENING) {
                out.set(k + 1, new Word(b.content(), Math.min(a.end(), b.end()), b.end(), b.face()));
            } else {
                out.set(k, new Word(a.content(), a.start(), Math.max(a.start(), b.start()), a.face()));
            }
        }
        for (int k = 0; k < out.size(); k++) {
            Word w = out.get(k);
            if (w.space()) out.set(k, new Word(null, out.get(k - 1).end(), out.get(k + 1).start(), w.face()));
        }
        return out;
    }

    /** A word space, or the ideographic space after a dateline: neither is a character a reader searches for. */
    private static boolean blank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
