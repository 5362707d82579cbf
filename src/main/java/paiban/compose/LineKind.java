package paiban.compose;

/** What a placed line is. {@link #word()} is the name text.json and the text layer use. */
public enum LineKind {
    KICKER("kicker"),
    TITLE("title"),
    SUBTITLE("subtitle"),
    BODY("body"),
    SUBHEAD("subhead"),
    CAPTION("caption"),
    CREDIT("credit"),
    /** （上接第N版）, opening a continuation. */
    JUMP_FROM("jump"),
    /** （下转第N版）, at the foot of a cut story's last column. */
    JUMP_TO("jump"),
    /** The 导读 box's title and items. */
    INDEX("index"),
    QUOTE("quote");

    private final String word;

    LineKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The headline group: 引题, 主题, 副题. */
    public boolean headline() {
        return this == KICKER || this == TITLE || this == SUBTITLE;
    }
}
