package paiban.typeset;

/**
 * The clreq character classes that line breaking and punctuation compression need
 * (W3C "Requirements for Chinese Text Layout", §3.1 and Appendix A).
 */
public enum CharClass {
    /** Opening brackets and quotes: never end a line (clreq §3.1.7); their blank left half may be squeezed. */
    OPENING,
    /** Closing brackets, quotes, commas and stops: never start a line; their blank right half may be squeezed. */
    CLOSING,
    /** Middle dots and the wave dash: never start a line, never squeezed. */
    MIDDLE,
    /** — : a single dash never starts a line, and a doubled one is never split. */
    DASH,
    /** … : never split, never starts a line. */
    ELLIPSIS,
    /** Han ideographs, kana and other full-width characters: a break is allowed on either side. */
    HAN,
    /** Latin letters, digits and Western punctuation: set as words, never split or letter-spaced. */
    WESTERN,
    /** White space between Western words. */
    SPACE;

    /**
     * Characters that must not start a line: clreq's list (§3.1.7), the additions (～ · ・ ‼ ⁇),
     * and the full-width units that belong to the number before them.
     */
    static final String NO_START = "、，。．：；！？‼⁇⁈⁉”’）》〉】〗〕］｝」』〙〛｠〞〟％‰℃";
    /** Characters that must not end a line. */
    static final String NO_END = "“‘（《〈【〖〔［｛「『〘〚｟〝";
    static final String MIDDLES = "～·・‧";

    public static CharClass of(int cp) {
        if (cp != 0x3000 && (Character.isWhitespace(cp) || cp == 0xA0)) return SPACE;
        if (cp == '—' || cp == '―' || cp == '⸺') return DASH;
        if (cp == '…' || cp == '⋯') return ELLIPSIS;
        if (cp < 0x10000) {
            char c = (char) cp;
            if (NO_END.indexOf(c) >= 0) return OPENING;
            if (MIDDLES.indexOf(c) >= 0) return MIDDLE;
            if (NO_START.indexOf(c) >= 0) return CLOSING;
        }
        return isWide(cp) ? HAN : WESTERN;
    }

    static boolean noStart(int cp) {
        return cp < 0x10000 && (NO_START.indexOf((char) cp) >= 0 || MIDDLES.indexOf((char) cp) >= 0
                || cp == '%' || cp == '…' || cp == '⋯');
    }

    static boolean noEnd(int cp) {
        return cp < 0x10000 && NO_END.indexOf((char) cp) >= 0;
    }

    /** Full-width scripts: Han, kana, Hangul, CJK symbols and full-width forms (but not ASCII). */
    static boolean isWide(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        if (sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL
                || sc == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3200 && cp <= 0x33FF) || (cp >= 0xFE30 && cp <= 0xFE4F);
    }

    /** Set on a full em (or two), as opposed to Western text and word spaces. */
    boolean isWideClass() {
        return this != WESTERN && this != SPACE;
    }
}
