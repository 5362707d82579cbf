package paiban.typeset;

/**
 * The smallest piece the line breaker moves: one full-width character, one Western word or number
 * with its units, a space, or a doubled dash or ellipsis. Nothing inside an atom is ever broken or
 * letter-spaced; a Western atom may only be condensed (or, alone on a line, widened) as a whole.
 */
final class Atom {

    /** clreq punctuation compression: a mark may lose its blank half, no more. */
    static final float HALF = 0.5f;
    /** A doubled dash is drawn as one rule this far in from its cell's ends (em). */
    private static final float DASH_MARGIN = 0.05f;
    /** ... and its glyphs overlap by this much so that no seam shows between them (em). */
    private static final float DASH_OVERLAP = 0.02f;

    final CharClass kind;
    final int[] codePoints;
    final Face[] faces;
    /** Where each glyph's origin sits from the atom's start, in em at scale 1. */
    final float[] offsets;
    /** Horizontal scale of every glyph of the atom (1 except for doubled dashes). */
    final float glyphScale;
    /** The em the atom takes in a line before any squeeze. */
    final float natural;
    /** Em a squeeze may take off the left (opening marks) or right (closing marks): 0 or ½. */
    final float blankLeft;
    final float blankRight;
    /** Characters a reader counts as letters: Han, Latin letters and digits, never punctuation. */
    final int letters;

    private Atom(CharClass kind, int[] codePoints, Face[] faces, float[] offsets, float glyphScale, float natural,
                 float blankLeft, float blankRight) {
        this.kind = kind;
        this.codePoints = codePoints;
        this.faces = faces;
        this.offsets = offsets;
        this.glyphScale = glyphScale;
        this.natural = natural;
        this.blankLeft = blankLeft;
        this.blankRight = blankRight;
        int n = 0;
        for (int cp : codePoints) if (Character.isLetterOrDigit(cp)) n++;
        this.letters = n;
    }

    /** An atom of glyphs with their advances (em), laid out the way clreq wants its kind set. */
    static Atom of(CharClass kind, int[] cps, Face[] faces, float[] advances) {
        if (kind == CharClass.DASH && (cps.length >= 2 || cps[0] == '⸺')) return dashes(cps, faces, advances);
        float[] offsets = new float[cps.length];
        float w = 0;
        for (int k = 0; k < cps.length; k++) {
            offsets[k] = w;
            w += advances[k];
        }
        if (kind == CharClass.MIDDLE && cps.length == 1 && advances[0] < 0.9f) {
            // 间隔号: a proportional middle dot (Noto's · is 0.33 em) is centred in a full em
            offsets[0] = (1 - advances[0]) / 2;
            return new Atom(kind, cps, faces, offsets, 1, 1, 0, 0);
        }
        float left = 0;
        float right = 0;
        if (cps.length == 1 && advances[0] > 0.9f) {
            float[] ink = faces[0].ink(cps[0]);
            float adv = advances[0];
            if (kind == CharClass.CLOSING && (ink == null || ink[1] <= 0.55f * adv)) right = HALF * adv;
            if (kind == CharClass.OPENING && (ink == null || ink[0] >= 0.45f * adv)) left = HALF * adv;
        }
        return new Atom(kind, cps, faces, offsets, 1, w, left, right);
    }

    /**
     * —— is one mark two em long (GB/T 15834). Noto SC's U+2014 is only 0.89 em with side bearings, so
     * two of them would show a gap: each glyph is widened so that their ink joins into one rule.
     */
    private static Atom dashes(int[] cps, Face[] faces, float[] advances) {
        int n = cps.length;
        float target = cps[0] == '⸺' ? 2f * n : n;
        float[] ink = faces[0].ink(cps[0]);
        float a = ink == null ? 0 : ink[0];
        float b = ink == null ? advances[0] : ink[1];
        float step = (target - 2 * DASH_MARGIN) / n;
        float scale = (step + DASH_OVERLAP) / Math.max(0.05f, b - a);
        float[] offsets = new float[n];
        for (int k = 0; k < n; k++) offsets[k] = DASH_MARGIN + k * step - DASH_OVERLAP / 2 - a * scale;
        offsets[0] += DASH_OVERLAP / 2;
        return new Atom(CharClass.DASH, cps, faces, offsets, scale, target, 0, 0);
    }

    static Atom space(Face face) {
        return new Atom(CharClass.SPACE, new int[] {' '}, new Face[] {face}, new float[] {0}, 1, face.advance(' '), 0, 0);
    }

    boolean isNumber() {
        if (kind != CharClass.WESTERN) return false;
        int c = codePoints[0];
        boolean digit = false;
        for (int cp : codePoints) digit |= Character.isDigit(cp);
        return digit && (Character.isDigit(c) || c == '±' || c == '+' || c == '-' || c == '−' || c == '.');
    }

    /**
     * What may be condensed as a last resort: Western text (never letter-spaced instead), and the rules
     * and dots of —— and …… (a few per cent do not show, and spare a paragraph its lone last character).
     */
    boolean condensable() {
        return kind == CharClass.WESTERN || kind == CharClass.DASH || kind == CharClass.ELLIPSIS;
    }

    boolean wide() {
        return kind.isWideClass();
    }

    int first() {
        return codePoints[0];
    }

    int last() {
        return codePoints[codePoints.length - 1];
    }

    @Override
    public String toString() {
        return new String(codePoints, 0, codePoints.length);
    }
}
