package paiban.compose;

/**
 * The layout's grid, in points, measured from the top-left of the type area. Body text is set on
 * it: every body line's baseline is {@code lineTop(n) + baseline}; everything else occupies whole
 * grid lines so that the body after it returns to the grid.
 *
 * @param columns       how many columns the type area has
 * @param columnWidth   a whole number of body characters
 * @param gutter        one body character
 * @param pitch         the line pitch (行距 + 字高)
 * @param lines         grid lines in the type area
 * @param baseline      from a grid line's top to its baseline
 * @param bodySize      the body font size
 * @param mastheadLines grid lines the masthead takes at the top of page 1
 * @param storyGap      between the text of two stories side by side (块间距): the gutter or more. Wider than the
 *                      gutter, every story's module stands in by half the difference on each side, so its columns
 *                      are narrower than the grid's ({@link #measure}) and its inner gutters stay the gutter
 */
public record Grid(float width, float height, int columns, float columnWidth, float gutter, float pitch,
                   int lines, float baseline, float bodySize, int mastheadLines, float storyGap) {

    /** A grid whose stories stand apart by the gutter, as the columns inside one do. */
    public Grid(float width, float height, int columns, float columnWidth, float gutter, float pitch,
                int lines, float baseline, float bodySize, int mastheadLines) {
        this(width, height, columns, columnWidth, gutter, pitch, lines, baseline, bodySize, mastheadLines, gutter);
    }

    /** paiban composes pages of this many columns at least, and at most {@link #MAX_COLUMNS}. */
    public static final int MIN_COLUMNS = 3;
    public static final int MAX_COLUMNS = 10;
    /** Body lines below a headline that make a story worth its place: page 1 must have room for them under its lead. */
    public static final int MIN_STORY_LINES = 12;

    public float columnX(int column) {
        return column * (columnWidth + gutter);
    }

    public float spanWidth(int span) {
        return span * columnWidth + (span - 1) * gutter;
    }

    /** What a story's module gives up on each side so that two stories side by side stand {@link #storyGap} apart. */
    public float storyInset() {
        return (storyGap - gutter) / 2;
    }

    /**
     * The body measure of a story {@code span} columns wide: its columns share the two insets, so that its
     * inner gutters stay the gutter (方正's 块间距). The grid's column width when the gap is the gutter.
     */
    public float measure(int span) {
        return storyGap == gutter ? columnWidth : columnWidth - (storyGap - gutter) / span;
    }

    public float lineTop(int line) {
        return line * pitch;
    }

    public int charsPerColumn() {
        return Math.round(columnWidth / bodySize);
    }

    /** Columns that come nearest to {@code chars} body characters, at least one and at most the page's. */
    public int columnsFor(int chars) {
        int cpc = charsPerColumn();
        return Math.max(1, Math.min(columns, Math.round(chars / (float) cpc)));
    }

    /** A span's width in body characters, gutters counted as characters. */
    public int charsFor(int span) {
        return span * charsPerColumn() + span - 1;
    }

    /** Grid lines needed to hold {@code points} of height. */
    public int linesFor(float points) {
        return (int) Math.ceil(points / pitch - 1e-3);
    }
}
