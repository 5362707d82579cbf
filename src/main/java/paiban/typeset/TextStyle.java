package paiban.typeset;

import java.util.List;

/**
 * How a kind of text is set: faces, size and alignment, as the layout's CSS gives them.
 *
 * @param regular faces tried in order for plain runs (the role's face first, then the fallbacks)
 * @param bold    faces tried in order for bold runs
 * @param size    the font size in points
 * @param pitch   the line pitch in points (body text: the grid's)
 * @param align   how lines sit in the measure
 * @param indent  first-line indent in em (2 for body paragraphs)
 * @param color   0xRRGGBB as the CSS gives it; the print edition turns black into pure K
 */
public record TextStyle(List<Face> regular, List<Face> bold, float size, float pitch, Align align, float indent,
                        int color) {

    public TextStyle {
        regular = List.copyOf(regular);
        bold = List.copyOf(bold);
    }

    public enum Align {
        /** Flush both edges; the paragraph's last line flush left. */
        JUSTIFY,
        LEFT,
        CENTER,
        RIGHT
    }

    public Face primary() {
        return regular.getFirst();
    }

    public TextStyle withAlign(Align a) {
        return new TextStyle(regular, bold, size, pitch, a, indent, color);
    }

    public TextStyle withIndent(float em) {
        return new TextStyle(regular, bold, size, pitch, align, em, color);
    }
}
