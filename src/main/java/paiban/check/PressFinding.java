package paiban.check;

/**
 * One thing a printing plant's preflight would stop a file for.
 *
 * @param page   1-based
 * @param object what on the page: "image /Im3 (object 54)", "text 「本报讯」 in F2 8.0 pt", "page"
 * @param detail what is wrong, with the figures
 */
public record PressFinding(Rule rule, int page, String object, String detail) {

    /** The rules, as newspaper plants state them (ISO 12647-3, WAN-IFRA's newspaper preflight). */
    public enum Rule {
        INK_LIMIT("ink limit"),
        LOW_RESOLUTION("low resolution"),
        RGB("RGB colour"),
        SPOT("spot colour"),
        FONT_NOT_EMBEDDED("font not embedded"),
        RICH_BLACK_TEXT("four-colour black text"),
        SMALL_COLOUR_TEXT("small four-colour text"),
        SMALL_REVERSED_TEXT("small reversed text"),
        BOXES("trim and bleed");

        final String label;

        Rule(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return "p" + page + ": " + rule.label + ": " + object + ": " + detail;
    }
}
