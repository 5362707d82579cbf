package paiban.typeset;

/**
 * One glyph of a set line.
 *
 * @param codePoint   the character, for the PDF's text layer (a vertical form is drawn for it, but the
 *                    text stays the copy's character)
 * @param face        the face that has it
 * @param x           along the line, in points from the line's start: in a horizontal line the glyph origin;
 *                    in a vertical line the top of the glyph's em box (upright) or of its run (sideways)
 * @param scale       horizontal scale, 1 except for a word too long for its column (then squeezed to fit) and
 *                    for digits set together in one upright cell (纵中横)
 * @param orientation how the glyph stands; always {@link Orientation#UPRIGHT} in a horizontal line
 * @param across      vertical lines only: from the line's left edge to the glyph origin (upright: the left of
 *                    its advance; sideways: its baseline)
 */
public record Glyph(int codePoint, Face face, float x, float scale, Orientation orientation, float across) {

    /** A glyph of a horizontal line. */
    public Glyph(int codePoint, Face face, float x, float scale) {
        this(codePoint, face, x, scale, Orientation.UPRIGHT, 0);
    }

    /** How a glyph stands in a vertical line (clreq §3.3: vertical writing mode). */
    public enum Orientation {
        /** As in horizontal text: Han, kana, digits set together in one cell. */
        UPRIGHT,
        /** Upright, drawn in its vertical form (︐︒︵…), the font's own glyph for vertical writing. */
        VERTICAL_FORM,
        /** Turned 90° clockwise: Latin words and longer runs of digits, read with the head tilted right. */
        SIDEWAYS
    }

    /** The character drawn: the vertical presentation form for {@link Orientation#VERTICAL_FORM}. */
    public int drawn() {
        return orientation == Orientation.VERTICAL_FORM ? VerticalForms.of(codePoint) : codePoint;
    }
}
