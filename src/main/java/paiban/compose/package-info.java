/**
 * Stage 3, compose: takes the issue, the layout's {@link paiban.compose.Grid} and
 * {@link paiban.compose.Styles}, typesets each story through paiban.typeset, and gives
 * {@link paiban.compose.Page}s of {@link paiban.compose.Module}s whose lines and photos have their
 * final positions on the grid: stories by section and priority, modules tiling each page, 下转/上接
 * jump lines with the right page numbers, the 导读 box on page 1, the editor's plan honoured.
 * {@link paiban.compose.Composer} runs it; see docs/composition.md for the algorithm.
 * It never draws (render does) and never changes the copy: text is never cut, only continued.
 */
package paiban.compose;
