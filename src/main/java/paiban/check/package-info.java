/**
 * {@code paiban check}: proofreads the Chinese line setting of any PDF from its positioned glyphs alone.
 * It takes a PDF file and gives a {@link paiban.check.Report}: findings (line-start and line-end
 * violations, split pairs, ragged lines, body lines off the grid, lone last characters, missing glyphs)
 * and the figures it inferred. It never changes the PDF, and it knows nothing of how paiban set it:
 * its rule tables ({@code Marks}) are its own, so that it can catch the typesetter's mistakes.
 *
 * <h2>Heuristics</h2>
 * <ul>
 * <li><b>Glyphs.</b> Every glyph's origin, advance, size and font come from the text rendering matrix
 *   (a {@code PDFTextStripper} subclass that keeps every {@code TextPosition}, merges and reorders
 *   nothing). The advance is the font's width times the matrix's horizontal scale, so condensed and
 *   widened words measure as drawn. Glyphs outside the crop box print nowhere: they are counted, not
 *   proofread.</li>
 * <li><b>Body text</b> is the most common font size (by glyph count), and within it the most common
 *   font family: the font name without subset tag, {@code -Identity-H} and weight, so that a bold
 *   dateline is body and a kai caption of the same size is not. A line is body when most of its
 *   glyphs are.</li>
 * <li><b>Columns</b>, page by page: the union of the em boxes of body glyphs, merged across gaps under
 *   0.4 em. What remains between them is a gutter. A closing mark with nothing right after it is a
 *   squeezed line end, and only its inked half counts, so that it does not bridge the gutter. A column's
 *   left and right edges are the values most of its lines agree on (a line ending in a closing mark
 *   votes for both its full and its half-width end). Limits: a page whose modules use different column
 *   grids in the same x range, or a sparse page whose only line is very loose, can be misread.</li>
 * <li><b>Lines</b>: the body-size glyphs of one column whose baselines lie within 0.2 em, left to right.
 *   A blank glyph after the last visible one is a word space kept at a break (paiban keeps it).</li>
 * <li><b>Pitch</b>: the most common distance between neighbouring body lines of a column (or
 *   {@code --pitch}). <b>Grid</b>: per page, the baseline residue modulo the pitch that most body lines
 *   share is the page's first baseline; a body line is on the grid within 0.1 pt (or 1% of the pitch).
 *   One page, one grid: columns side by side must line up.</li>
 * <li><b>Edges</b>: a line is flush left at the column's left edge, indented at 2 em from it, flush right
 *   at the right edge, each within 0.1 em. A closing mark at the end counts as half-width or full
 *   width (clreq allows both); an opening mark at the start may be set half-width.</li>
 * <li><b>Reading order</b>: down a run of body lines one pitch apart, then at the run's foot either
 *   (a) text set within the column just below it (a subhead, a jump line) ends the paragraph, or
 *   (b) the text goes on at the head of the run in the next column to the right that overlaps this run
 *   vertically and starts highest, or (c) nothing follows on the page: the paragraph is taken to end
 *   (a story jumping to another page is not followed).</li>
 * <li><b>Paragraphs</b>: a line ends its paragraph when the line read next is indented 2 em, or when
 *   nothing follows. A line that does not end its paragraph must be flush right, else it is
 *   <b>ragged</b>; a line that is neither flush left nor indented is ragged too. A paragraph's last
 *   line that is not also its first and holds fewer than two letters (Han, Latin letters, digits;
 *   punctuation does not count) is a <b>lone</b> last character.</li>
 * <li><b>Line start and end</b>: the first visible character in the no-start list
 *   (、，。．：；！？‼⁇”’）》〉】〗〕］｝」』～·・ and ％‰℃), or a single — ; the last in the no-end list.</li>
 * <li><b>Split pairs</b>, across a break to a line that is not a new paragraph: an odd run of — or …
 *   on both sides; and, unless a word space was kept at the break, a digit before digits, units, % or a
 *   Han unit (年月日级…), a number separator (. , : / ± ～) between digits, or Latin letters on both sides.</li>
 * <li><b>Missing glyphs</b>: a glyph from a font that is not embedded, whose code maps to glyph 0
 *   (.notdef), or that the embedded font program does not have ({@code PDVectorFont.hasGlyph}).</li>
 * </ul>
 */
package paiban.check;
