package paiban.compose;

import paiban.typeset.SetLine;

/**
 * A set line at its place on the page.
 *
 * @param x        the line's left edge, in points from the type area's left
 * @param baseline in points from the type area's top
 * @param kind     what the line is: title, kicker, subtitle, body, subhead, caption, credit, jump, index
 * @param cssClass the style it was set in, which also gives its colour
 * @param color    0xRRGGBB
 * @param part     identifies the paragraph (or caption) the line belongs to within its module, so that
 *                 the text layer can be rebuilt paragraph by paragraph
 * @param onGrid   true for body lines, which must sit on the baseline grid
 */
public record PlacedLine(SetLine line, float x, float baseline, String kind, String cssClass, int color,
                         int part, boolean onGrid) {
}
