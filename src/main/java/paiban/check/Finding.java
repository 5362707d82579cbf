package paiban.check;

/**
 * One thing a proofreader would mark.
 *
 * @param page   1-based
 * @param column 1-based, left to right, or 0 when the finding is not about a line
 * @param line   the line's text (or the character, for a missing glyph)
 * @param detail what is wrong, in a few words
 */
public record Finding(Kind kind, int page, int column, float baseline, String line, String detail) {

    public enum Kind {
        LINE_START("line start"),
        LINE_END("line end"),
        SPLIT("split pair"),
        RAGGED("ragged"),
        OFF_GRID("off grid"),
        LONE("lone character"),
        MISSING_GLYPH("missing glyph");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Override
    public String toString() {
        String where = column > 0 ? String.format("p%d col %d y %.2f", page, column, baseline) : "p" + page;
        return where + ": " + kind.label + ": " + detail + (line.isEmpty() ? "" : "  「" + line + "」");
    }
}
