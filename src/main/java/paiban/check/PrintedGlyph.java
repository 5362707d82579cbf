package paiban.check;

/**
 * One glyph as a PDF draws it, in points on a top-down page.
 *
 * @param text     its Unicode text (from the font's ToUnicode map), one or two chars
 * @param x        the glyph origin's left edge
 * @param baseline the baseline, measured down from the top of the page
 * @param advance  the advance width as drawn (font size and horizontal scale applied)
 * @param size     the font size as drawn (the vertical scale of the text matrix)
 * @param font     the font's name, subset tag removed
 * @param family   the font's name without its weight, so that bold and regular of one face agree
 * @param inkLeft  where the ink begins, as a fraction of the advance (punctuation only, else 0)
 * @param inkRight where the ink ends, as a fraction of the advance (punctuation only, else 1)
 * @param missing  why the glyph cannot print, or null: a font without the glyph, or an unembedded font
 * @param sideways turned 90° clockwise (Latin in a vertical line): {@code x} is then its baseline, {@code baseline}
 *                 the top of its advance, and the advance runs down the page
 */
public record PrintedGlyph(String text, float x, float baseline, float advance, float size, String font,
                           String family, float inkLeft, float inkRight, String missing, boolean sideways) {

    /** A glyph drawn upright. */
    public PrintedGlyph(String text, float x, float baseline, float advance, float size, String font,
                        String family, float inkLeft, float inkRight, String missing) {
        this(text, x, baseline, advance, size, font, family, inkLeft, inkRight, missing, false);
    }

    /** The same glyph read as {@code t} (an ActualText span says what it stands for). */
    PrintedGlyph withText(String t) {
        return new PrintedGlyph(t, x, baseline, advance, size, font, family, inkLeft, inkRight, missing, sideways);
    }

    public int codePoint() {
        return text.isEmpty() ? 0xFFFD : text.codePointAt(0);
    }

    public boolean blank() {
        return text.isBlank();
    }

    public float right() {
        return x + advance;
    }

    /** A closing mark whose ink keeps to the left half of its em: a typesetter may set it half-width. */
    public boolean halfWidthAtEnd() {
        return Marks.closing(codePoint()) && inkRight <= 0.55f;
    }

    /** An opening mark whose ink keeps to the right half of its em. */
    public boolean halfWidthAtStart() {
        return Marks.opening(codePoint()) && inkLeft >= 0.45f;
    }
}
