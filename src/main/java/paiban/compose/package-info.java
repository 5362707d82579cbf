/**
 * Stage 3, compose: takes the issue, the layout's {@link paiban.compose.Grid}, {@link paiban.compose.Styles}
 * and {@link paiban.compose.LayoutRules} (its layout.yaml), and the fillers (补白) at hand; typesets each story
 * through paiban.typeset, and gives {@link paiban.compose.Page}s of {@link paiban.compose.Module}s whose
 * lines and photos have their final positions on the grid: stories by section and priority on any grid of
 * 3 to 10 columns, sections short of a page sharing pages in order, modules tiling each page, 下转/上接 jump
 * lines with the right page numbers, the 导读 box on page 1, pull quotes and fillers where a page must come
 * out even, the editor's plan honoured. {@link paiban.compose.Composer} runs it; see docs/composition.md.
 * It never draws (render does) and never changes the copy: text is never cut, only continued, and
 * {@link paiban.compose.FullTextCheck} stops the build if any of it would be lost.
 */
package paiban.compose;
