package paiban.typeset;

/**
 * The smallest piece the line breaker moves: one full-width character, one Western word or number
 * with its units, a space, or a doubled dash or ellipsis. Nothing inside an atom is ever broken or
 * letter-spaced (except, as a last resort, a lone word that cannot otherwise fill its line).
 */
final class Atom {

    final CharClass kind;
    final int[] codePoints;
    final Face[] faces;
    final float[] advances;
    final float natural;

    /** Em taken off the glyph's blank half on this line (标点挤压); reset each time a line is measured. */
    float squeezeLeft;
    float squeezeRight;

    Atom(CharClass kind, int[] codePoints, Face[] faces, float[] advances) {
        this.kind = kind;
        this.codePoints = codePoints;
        this.faces = faces;
        this.advances = advances;
        float w = 0;
        for (float a : advances) w += a;
        this.natural = w;
    }

    /** Full-width punctuation whose blank half can go: only glyphs set on a whole em. */
    boolean squeezable() {
        return kind.squeezable() && codePoints.length == 1 && advances[0] > 0.9f;
    }

    boolean isNumber() {
        int c = codePoints[0];
        return kind == CharClass.WESTERN && (Character.isDigit(c) || c == '±' || c == '+' || c == '-' || c == '−');
    }

    float width() {
        return natural - squeezeLeft - squeezeRight;
    }

    /** Characters a reader counts: everything but punctuation and spaces. */
    int letters() {
        if (kind.isPunctuation() || kind == CharClass.SPACE) return 0;
        int n = 0;
        for (int cp : codePoints) if (Character.isLetterOrDigit(cp)) n++;
        return Math.max(n, 1);
    }

    @Override
    public String toString() {
        return new String(codePoints, 0, codePoints.length);
    }
}
