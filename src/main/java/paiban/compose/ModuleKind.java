package paiban.compose;

/** What a module on the page is. Only the first three carry an article's copy; the rest are page furniture. */
public enum ModuleKind {
    /** An article's first (or only) part, under its headline group. */
    STORY,
    /** The rest of a cut story on a later page, opening with （上接第N版）. */
    CONTINUATION,
    /** A short article (简讯) under a small title. */
    BRIEF,
    /** The 导读 box on page 1. */
    INDEX,
    /** A pull quote (引语): a sentence of a story set large, chosen by the editor with {@code quote:}. */
    QUOTE,
    /** A house notice or 公益广告 picture from a fillers folder. */
    FILLER,
    /** An advertisement (广告) booked for the page, placed before the copy; never an article, never in the 导读. */
    AD;

    /** True for modules that hold an article's own copy; the 导读 box, quotes, fillers and ads do not. */
    public boolean article() {
        return this == STORY || this == CONTINUATION || this == BRIEF;
    }

    /** The word the layout's CSS and text.json use: "story", "continuation", … */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
