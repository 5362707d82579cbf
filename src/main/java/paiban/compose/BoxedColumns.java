package paiban.compose;

/**
 * The columns of a module set in a box (边框/底纹). Each column gives up the box's inset, so the text stands
 * clear of the box's rule and tint while keeping whole characters to the line; what the columns give up goes
 * to the box's two sides and, evenly, to its inner gutters. Lines keep their grid lines: only their measure and
 * their left edges change.
 *
 * @param side        from the module's left edge to its first column
 * @param columnWidth the measure of one column inside the box
 * @param gutter      between two columns inside the box
 */
record BoxedColumns(float side, float columnWidth, float gutter) {

    /** The columns of a {@code span}-column module in {@code box}: a column of 12 characters sets 11 at inset 1. */
    static BoxedColumns of(Grid grid, LayoutRules.Box box, int span) {
        float d = box.inset() * grid.bodySize();
        float width = grid.columnWidth() - d;
        // one column: half the inset each side; more: a whole inset each side, the rest to the inner gutters
        if (span == 1) return new BoxedColumns(d / 2, width, grid.gutter());
        float gutter = (grid.spanWidth(span) - 2 * d - span * width) / (span - 1);
        return new BoxedColumns(d, width, gutter);
    }

    /** Column {@code c}'s left edge, from the module's left edge. */
    float columnX(int c) {
        return side + c * (columnWidth + gutter);
    }

    /** The width of {@code n} columns side by side inside the box. */
    float spanWidth(int n) {
        return n * columnWidth + (n - 1) * gutter;
    }
}
