package paiban.model;

/**
 * How a story's headline group is set: across the top of its module (the default), or as a column down
 * its right edge (竖排标题), from the article's {@code headline:} field.
 */
public enum HeadlineShape {
    /** Across the module's columns, above the body (横排). */
    HORIZONTAL,
    /** A column at the module's right edge, set top to bottom, the body to its left (竖排). */
    VERTICAL;

    /** The word the front matter uses: "horizontal", "vertical". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
