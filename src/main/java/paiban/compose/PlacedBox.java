package paiban.compose;

/**
 * A module's box (边框/底纹) on the page, in points from the type area's top-left. Its rule runs through
 * the middle of the module's first grid line, along its columns' outer edges and through the middle of the
 * line below its text (at the lowest, the empty last line every module keeps), so the box never crosses a
 * neighbour and its text keeps the grid.
 *
 * @param cssClass the layout.css class that draws its rule, ornament and tint
 */
public record PlacedBox(String cssClass, float x, float y, float width, float height) {
}
