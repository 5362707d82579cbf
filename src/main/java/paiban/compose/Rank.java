package paiban.compose;

/** A module's standing on its page, which decides its headline. */
enum Rank {
    /** The lead story, under the masthead on page 1: the largest headline. */
    LEAD,
    /** A page's first story (头条): a full headline group at least the layout's page-lead level, even for a brief. */
    PAGE_LEAD,
    /** Every other module: its headline by weight and width; a brief its small title. */
    OTHER;

    /** Leads set their whole headline group, a brief's too. */
    boolean leads() {
        return this != OTHER;
    }
}
