package paiban.typeset;

import org.openpdf.text.pdf.BaseFont;

/**
 * One font face in a typographic role. The typesetter measures with the same OpenPDF {@link BaseFont}
 * that the renderer embeds, so advance widths and the printed glyphs cannot disagree.
 */
public final class Face {

    private final String role;
    private final String name;
    private final String file;
    private final BaseFont font;

    Face(String role, String name, String file, BaseFont font) {
        this.role = role;
        this.name = name;
        this.file = file;
        this.font = font;
    }

    /** The role name, which is also the CSS font-family the layout uses for it. */
    public String role() {
        return role;
    }

    /** The face's own name, e.g. "Noto Serif CJK SC". */
    public String name() {
        return name;
    }

    public String file() {
        return file;
    }

    public BaseFont baseFont() {
        return font;
    }

    public boolean has(int codePoint) {
        return font.charExists(codePoint);
    }

    /** The advance width in em. */
    public float advance(int codePoint) {
        return font.getWidth(codePoint) / 1000f;
    }

    /** Distance from the baseline to the top of the em box, in em (0.88 for Noto CJK). */
    public float emTop() {
        float asc = font.getFontDescriptor(BaseFont.ASCENT, 1000f);
        float desc = font.getFontDescriptor(BaseFont.DESCENT, 1000f);
        float em = asc - desc;
        return em <= 0 ? 0.88f : asc / em;
    }

    @Override
    public String toString() {
        return role + " (" + name + ")";
    }
}
