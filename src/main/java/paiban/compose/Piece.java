package paiban.compose;

/**
 * Copy waiting for a place on a page: a whole story, a brief, the rest of a cut story, or the 导读 box.
 *
 * @param story   the story, or null for the 导读 box
 * @param fromRow the first body row still to be placed
 * @param part    0 for a story's first part, n for its n-th continuation (上接 part)
 */
record Piece(Story story, int fromRow, int part) {

    /** The 导读 box on page 1: it lists the stories on the other pages. */
    static final Piece INDEX = new Piece(null, 0, 0);

    boolean index() {
        return story == null;
    }

    boolean continuation() {
        return part > 0;
    }

    /** Briefs are placed whole, never cut, and fill gaps. */
    boolean brief() {
        return story != null && part == 0 && story.brief();
    }

    String slug() {
        return story == null ? "" : story.article().slug();
    }

    int priority() {
        return story == null ? 0 : story.article().priority();
    }

    /** The rest of this story after a cut before {@code row}, skipping blank rows that would open it. */
    Piece rest(int row) {
        int r = row;
        while (r < story.rows().size() && story.rows().get(r).blank()) r++;
        return new Piece(story, r, part + 1);
    }

    @Override
    public String toString() {
        return index() ? "导读" : slug() + (part > 0 ? "#" + part + "@" + fromRow : "");
    }
}
