package paiban.compose;

import paiban.typeset.SetLine;

/**
 * A set line at its place on the page.
 *
 * @param x        the line's left edge, in points from the type area's left
 * @param baseline in points from the type area's top
 * @param kind     what the line is
 * @param cssClass the style it was set in, which also gives its colour
 * @param color    0xRRGGBB
 * @param part     which paragraph of its kind the line belongs to within its module (a body paragraph's or
 *                 subhead's block number, a caption's photo number, an index item's number), so that the
 *                 text layer can be rebuilt paragraph by paragraph: lines of one (kind, part) are one paragraph
 * @param onGrid   true for body lines, which must sit on the baseline grid
 */
public record PlacedLine(SetLine line, float x, float baseline, LineKind kind, String cssClass, int color,
                         int part, boolean onGrid) {
}
