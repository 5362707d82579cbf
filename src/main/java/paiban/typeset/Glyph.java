package paiban.typeset;

/**
 * One glyph of a set line.
 *
 * @param codePoint the character, for the PDF's text layer
 * @param face      the face that has it
 * @param x         the glyph origin in points from the line's start
 * @param scale     horizontal scale, 1 except for a word too long for its column (then squeezed to fit)
 */
public record Glyph(int codePoint, Face face, float x, float scale) {
}
