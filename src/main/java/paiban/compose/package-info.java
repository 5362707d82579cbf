/**
 * Stage 3, compose: takes the issue, the layout's {@link paiban.compose.Grid} and
 * {@link paiban.compose.Styles}, typesets each story through paiban.typeset, and gives
 * {@link paiban.compose.Page}s of {@link paiban.compose.Module}s whose lines and photos have their
 * final positions on the grid, with 下转/上接 jump lines. It never draws: render does.
 */
package paiban.compose;
