/**
 * {@code paiban check}: proofreads the Chinese line setting of any PDF from its positioned glyphs alone.
 * It takes a PDF file and gives a {@link paiban.check.Report}: findings (line-start and line-end
 * violations, split pairs, ragged lines, body lines off the grid, lone last characters, missing glyphs)
 * and the figures it inferred. It never changes the PDF, and it knows nothing of how paiban set it:
 * its rule tables ({@code Marks}) are its own, so that it can catch the typesetter's mistakes.
 * With {@code --furniture}, {@link paiban.check.FurnitureCheck} reads the same glyphs into lines and
 * gives a {@link paiban.check.FurnitureReport}: which items the rules require on page 1, the last page
 * and every page are missing or wrong, and whether each ad the outline marks is labelled 广告.
 *
 * <h2>Heuristics</h2>
 * <ul>
 * <li><b>Glyphs.</b> Every glyph's origin, advance, size and font come from the text rendering matrix
 *   (a {@code PDFTextStripper} subclass that keeps every {@code TextPosition}, merges and reorders
 *   nothing). The advance is the font's width times the matrix's horizontal scale, so condensed and
 *   widened words measure as drawn. Glyphs outside the crop box print nowhere: they are counted, not
 *   proofread. A glyph's text is its ActualText when a marked-content span gives one per glyph
 *   (Chromium wraps each glyph whose ToUnicode entry is a radical, ⼴ for 广, in such a span), else its
 *   ToUnicode entry with Kangxi radicals and compatibility ideographs put through NFKC and the CJK
 *   radicals supplement mapped to its equivalent ideographs ({@code Radicals}); nothing else is
 *   normalised, so full-width ！ and ％ stay full-width. A Type 3 font, which has no BaseFont, is named by
 *   its font descriptor (Chromium cuts one face into many Type 3 fonts of up to 256 glyphs each), and
 *   its marks' ink comes from each glyph's {@code d1} box.</li>
 * <li><b>Body text</b> is the most common font size (by glyph count), and within it the most common
 *   font family: the font name without subset tag, {@code -Identity-H} and weight, so that a bold
 *   dateline is body and a kai caption of the same size is not. A line is body when most of its
 *   glyphs are.</li>
 * <li><b>Lines</b>: the glyphs of the body size whose baselines lie within 0.2 em, left to right, cut
 *   where a gap wider than 0.5 em opens (0.75 em after a closing mark whose ink keeps to its left half:
 *   it may be squeezed, its em box reaching into the gutter). A word space bridges its gap. A blank glyph
 *   after the last visible one is a word space kept at a break (paiban keeps it).</li>
 * <li><b>Columns</b>, per module, never per page: (1) two body lines on neighbouring baselines (0.8–2.5
 *   em apart, overlapping by half the narrower) that share both edges within 0.1 em, each at least
 *   4 em wide, are full lines of one column; (2) each such column grows up and down, one pitch at a
 *   time (its own median step, give or take 0.15 em or a tenth of it), by the line of the body size
 *   there that keeps within its edges and is flush left, indented 2 em or flush right (a first line,
 *   a short last line, a right-aligned source, a line opening with a dateline in another face), by the pieces of a loose line that came
 *   apart at wide gaps, and by a column within its edges whose lines all keep to them; (3) body lines
 *   left over form columns with the edges of a column of the module within three pitches above or
 *   below them (after a subhead or a blank line), or else with their widest line's edges. A column's
 *   left and right edges are the values most of its lines agree on (a line ending in a closing mark
 *   votes for its full, half-width and hung end). Nothing assumes a number of columns or a measure.</li>
 * <li><b>Vertical lines</b> ({@code VerticalLines}, a vertical headline's columns, any size): cells stacked
 *   top to bottom on one axis (within 0.25 em), each at most 0.25 em below the last, at least three of them.
 *   A cell is an upright glyph with nothing within 0.2 em beside it on its baseline, two or three glyphs
 *   that touch on one baseline within 1.05 em (纵中横), or a glyph whose text matrix turns it 90° clockwise
 *   (Latin set sideways). Lines of one size, tops level within 0.2 em, axes 0.5–2.2 em apart follow one
 *   another right to left. Vertical presentation forms read as their marks. The line-start, line-end and
 *   split-pair rules apply; grid, edges and lone characters do not.</li>
 * <li><b>Modules</b>: columns side by side (the next to the right within 3 em, of the same measure,
 *   starting or ending within 1.2 lines of each other) or one above the other with the same edges less
 *   than three pitches apart share a baseline grid. Two modules side by side whose tops and feet both
 *   differ are two modules even when their measures agree.</li>
 * <li><b>Pitch</b>: the mean of the distances between neighbouring lines of a column within 0.1 em of
 *   the most common one (or {@code --pitch}); each module fits its own pitch over its height (least
 *   squares of baseline on line number) where it is within 0.2% of that. <b>Grid</b>: per module, the
 *   grid line that most of its baselines lie within the tolerance of; a line is on the grid within
 *   0.1 pt (or 1% of the pitch), or half the module's <b>rounding step</b>: Chromium rounds every
 *   baseline to a whole CSS pixel (0.75 pt), so a 12.6 pt pitch comes out as steps of 12.75 and 12.0 pt.
 *   A step is taken as rounding when a module's neighbouring distances take two values less than 0.1 em
 *   apart and 90% of its baselines are whole multiples of their difference from the page's top; a single
 *   displaced line makes a step of its own displacement, so it is never excused.</li>
 * <li><b>Edges</b>: a line is flush left at the column's left edge, indented at 2 em from it, flush right
 *   at the right edge, each within 0.1 em. A closing mark at the end counts as half-width or full
 *   width (clreq allows both), or as hung past the edge; an opening mark at the start may be set
 *   half-width. A line that starts more than 2 em in and is flush right, or centred, is set apart (a
 *   source, a credit, a centred head), as is a line wholly in another face (a jump line).</li>
 * <li><b>Reading order</b>: down a column, then at its foot either (a) the same column goes on one
 *   pitch below (cut off by a line that did not keep to it, such as an overfull one), or (b) text set
 *   within the column up to three pitches below (a subhead, a jump line) ends the paragraph, unless it
 *   runs on across a gutter (the head of the next module), or (c) the text goes on at the head of the
 *   next column of its module to the right, unless that column and this one stand under heads of their
 *   own (text 1.1 × the body size or more up to six pitches above both first lines: a run over this
 *   column that ends before the gutter between them, another over that one that starts after it: another
 *   story beside this one, cut to the same height), or (d) nothing follows: the paragraph is taken to
 *   end (a story jumping to another page is not followed).</li>
 * <li><b>Paragraphs</b>: a line ends its paragraph when the line read next is indented 2 em or set
 *   apart, when it is set apart itself, or when nothing follows. A line that does not end its paragraph
 *   must be flush right, else it is <b>ragged</b>; a line that is neither flush left nor indented nor set
 *   apart is ragged too. A paragraph's last line that is not also its first and holds fewer than two
 *   letters (Han, Latin letters, digits; punctuation does not count) is a <b>lone</b> last
 *   character.</li>
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
