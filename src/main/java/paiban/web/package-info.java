/**
 * Stage 6, web (after finish): the issue as a 数字报 in {@code out/<id>/web/}: index.html with the masthead
 * data, the pages as pictures and page 1's 导读; NN.html per page, the page picture with every story part's
 * real area on it as a link; articles/&lt;slug&gt;.html with each article whole, joined across 下转/上接.
 *
 * <p>It is a stage of its own rather than an edition inside finish because it needs what no PDF carries:
 * compose's geometry (every module's rectangle, every photo's frame, which line is a jump) and the copy's
 * structure (subheads, photos with captions and credits); and it builds on finish's own output, the
 * previews/NN.png page pictures it links to. It draws nothing: the pictures are finish's, the look is the
 * layout's ({@code layouts/<name>/web/frame.xhtml} and {@code web.css}); this package decides only the
 * structure and the coordinates. The pages are static HTML, navigable with links alone (no script), and
 * {@link paiban.web.CatalogueSite} gathers many issues' web editions into a searchable back catalogue.
 */
package paiban.web;
