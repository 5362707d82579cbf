package paiban.check;

/**
 * The character classes the proofreader checks against, after clreq (W3C "Requirements for Chinese
 * Text Layout") §3.1.7 and GB/T 15834. Kept apart from the typesetter's own tables on purpose: the
 * check must be able to catch the typesetter's mistakes.
 */
final class Marks {

    /** Never at the start of a line: stops, closing brackets and quotes, the issue's ～ · ・, and units. */
    static final String NO_START = "、，。．：；！？‼⁇⁈⁉”’）》〉】〗〕］｝」』〙〛｠〞〟～·・‧％‰℃";
    /** Never at the end of a line: opening brackets and quotes. */
    static final String NO_END = "“‘（《〈【〖〔［｛「『〘〚｟〝";
    private static final String OPENING = "“‘（《〈【〖〔［｛「『〘〚｟〝";
    private static final String CLOSING = "、，。．：；！？”’）》〉】〗〕］｝」』〙〛｠〞〟";
    /** Han characters that are the unit of the number before them ("12～13级", "5月"). */
    static final String UNITS = "年月日时分秒岁个名位万亿千百十元角米克吨级度倍次项家所场期号版人件条台亩斤升周天届批种只架辆";

    private Marks() {
    }

    static boolean noStart(int cp) {
        return cp < 0x10000 && NO_START.indexOf((char) cp) >= 0;
    }

    static boolean noEnd(int cp) {
        return cp < 0x10000 && NO_END.indexOf((char) cp) >= 0;
    }

    static boolean opening(int cp) {
        return cp < 0x10000 && OPENING.indexOf((char) cp) >= 0;
    }

    static boolean closing(int cp) {
        return cp < 0x10000 && CLOSING.indexOf((char) cp) >= 0;
    }

    static boolean punctuation(int cp) {
        return opening(cp) || closing(cp) || noStart(cp) || cp == '—' || cp == '…' || cp == '⋯';
    }

    static boolean dash(int cp) {
        return cp == '—' || cp == '―';
    }

    static boolean ellipsis(int cp) {
        return cp == '…' || cp == '⋯';
    }

    /** Letters and digits of Western words and numbers (Latin, Greek, μ). */
    static boolean western(int cp) {
        if (cp < 0x80) return Character.isLetterOrDigit(cp);
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.LATIN || s == Character.UnicodeScript.GREEK || cp == 'µ';
    }

    /** What may continue a number at the start of the next line: digits, units and percent signs. */
    static boolean numberTail(int cp) {
        return Character.isDigit(cp) || western(cp) || "%‰℃°′″％".indexOf(cp) >= 0
                || (cp < 0x10000 && UNITS.indexOf((char) cp) >= 0);
    }

    /** Separators inside a number: 3.6, 1,250, 10:30, ±0.3, 12～13. */
    static boolean numberSeparator(int cp) {
        return ".,:/±+-−～~×".indexOf(cp) >= 0;
    }

    /** Unicode's vertical presentation forms (U+FE10–FE48), each with the mark it stands for. */
    private static final String VERTICAL = "︐，︑、︒。︓：︔；︕！︖？︗〖︘〗︙…︰‥︱—︲–︵（︶）︷｛︸｝︹〔︺〕︻【︼】︽《︾》︿〈﹀〉﹁「﹂」﹃『﹄』﹇［﹈］";

    /**
     * The mark a vertical presentation form stands for (︒ is 。), so that a vertical line drawn with the
     * forms and without ActualText reads as its text; any other character as it is.
     */
    static int horizontal(int cp) {
        if (cp < 0xFE10 || cp > 0xFE48) return cp;
        int i = VERTICAL.indexOf((char) cp);
        return i >= 0 && i % 2 == 0 ? VERTICAL.charAt(i + 1) : cp;
    }
}
