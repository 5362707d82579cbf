package paiban.compose;

import paiban.model.Filler;

/**
 * Something waiting for a place on a page: a whole story, a brief, the rest of a cut story, the 导读 box,
 * a filler (补白), or an ad booked for the page. The last three are page furniture: they carry no article's copy.
 *
 * @param story   the story, or null for furniture
 * @param from    where the body still to be placed starts: a body position ({@link Story.Row#start}), 0 for the
 *                whole story; a continuation resumes there at whatever measure its module has
 * @param part    0 for a story's first part, n for its n-th continuation (上接 part)
 * @param filler  the filler, or null
 * @param ad      the ad and its frame, or null: reserved before the copy is placed
 */
record Piece(Story story, int from, int part, Filler filler, boolean pullQuote, AdPlan.Frame ad) {

    /** The 导读 box on page 1: it lists the stories on the other pages. */
    static final Piece INDEX = new Piece(null, 0, 0, null, false, null);

    Piece(Story story, int from, int part) {
        this(story, from, part, null, false, null);
    }

    static Piece of(Filler f) {
        return new Piece(null, 0, 0, f, false, null);
    }

    static Piece of(AdPlan.Frame ad) {
        return new Piece(null, 0, 0, null, false, ad);
    }

    /** The story's pull quote (引语), which may stand on a page that carries the story. */
    static Piece quoteOf(Story s) {
        return new Piece(s, 0, 0, null, true, null);
    }

    boolean index() {
        return story == null && filler == null && ad == null;
    }

    boolean isAd() {
        return ad != null;
    }

    boolean isFiller() {
        return filler != null;
    }

    boolean isQuote() {
        return pullQuote;
    }

    /** The 导读 box, a filler or a pull quote: placed by the make-up, but no article's copy. */
    boolean furniture() {
        return story == null || pullQuote;
    }

    boolean continuation() {
        return part > 0;
    }

    /** Briefs are placed whole, never cut, and fill gaps. */
    boolean brief() {
        return story != null && !pullQuote && part == 0 && story.brief();
    }

    String slug() {
        return story == null ? "" : story.article().slug();
    }

    int priority() {
        return story == null ? 9 : story.article().priority();
    }

    /**
     * The rest of this story after a cut before body position {@code next} (the first row not placed); the
     * blank row before a subhead never opens it, since it starts with the subhead's own position.
     */
    Piece rest(int next) {
        return new Piece(story, next, part + 1);
    }

    /**
     * The record's equality, component by component, written out: composition compares pieces in every
     * lookup of its caches, and the story (which has no equality of its own) is compared by reference
     * directly. {@link #hashCode()} likewise.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Piece q && story == q.story && from == q.from && part == q.part
                && pullQuote == q.pullQuote && java.util.Objects.equals(filler, q.filler) && java.util.Objects.equals(ad, q.ad);
    }

    @Override
    public int hashCode() {
        int h = System.identityHashCode(story);
        h = 31 * h + from;
        h = 31 * h + part;
        h = 31 * h + (pullQuote ? 1 : 0);
        h = 31 * h + java.util.Objects.hashCode(filler);
        return 31 * h + java.util.Objects.hashCode(ad);
    }

    @Override
    public String toString() {
        return isAd() ? "广告 " + ad.ad().advertiser() : isFiller() ? "补白 " + filler.name() : pullQuote ? "引语 " + slug() : index() ? "导读" : slug() + (part > 0 ? "#" + part + "@" + from : "");
    }
}
