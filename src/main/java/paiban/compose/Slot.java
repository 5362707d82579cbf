package paiban.compose;

/**
 * Where a piece goes and how it is set there, as the page filler decides it before any line is placed.
 *
 * @param column    first column (0-based)
 * @param line      first grid line
 * @param lines     the module's height in grid lines
 * @param photoSpan columns each photo takes (0: no photos)
 * @param headAir   grid lines added around the headline to make the module its height
 * @param next      the body position after the last row placed here ({@link Story.Row#start} of the first row not
 *                  placed): before the story's {@link Story#end} when it is cut
 * @param rank      the module's standing on the page, which decides its headline
 */
record Slot(Piece piece, int column, int span, int line, int lines, int photoSpan, int headAir, int next,
            Rank rank) {

    boolean cut() {
        return !piece.furniture() && next < piece.story().end();
    }

    int bottom() {
        return line + lines;
    }

    Slot at(int column, int line) {
        return new Slot(piece, column, span, line, lines, photoSpan, headAir, next, rank);
    }
}
