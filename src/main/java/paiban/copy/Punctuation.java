package paiban.copy;

/**
 * Sets punctuation full-width where it stands among Chinese, as the printed paper does.
 * Copy often arrives with ASCII ",:;!?()" typed on a Western keyboard; next to a Han character
 * they become their full-width forms. ASCII between Latin letters or digits ("3.6", "a, b") stays.
 */
public final class Punctuation {

    private Punctuation() {
    }

    public static String fullWidth(String s) {
        int n = s.length();
        // the nearest character on each side that is not an ASCII bracket, found in two passes:
        // scanning from each character would make a run of 40,000 ')' take 800 million steps
        int[] before = new int[n];
        int[] after = new int[n];
        for (int i = 0, last = -1; i < n; i++) {
            before[i] = last;
            if (!isBracket(s.charAt(i))) last = i;
        }
        for (int i = n - 1, next = n; i >= 0; i--) {
            after[i] = next;
            if (!isBracket(s.charAt(i))) next = i;
        }
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char wide = wideForm(c);
            if (wide != 0 && touchesHan(s, before[i], after[i], c)) {
                out.append(wide);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isBracket(char c) {
        return c == '(' || c == ')';
    }

    private static char wideForm(char c) {
        return switch (c) {
            case ',' -> '，';
            case ';' -> '；';
            case ':' -> '：';
            case '!' -> '！';
            case '?' -> '？';
            case '(' -> '（';
            case ')' -> '）';
            default -> 0;
        };
    }

    /**
     * Brackets look past other brackets to the nearest character on either side; the rest look at the
     * character before, or at the one after when they open the text.
     */
    private static boolean touchesHan(String s, int before, int after, char c) {
        boolean hanBefore = before >= 0 && isCjk(s.charAt(before));
        boolean hanAfter = after < s.length() && isCjk(s.charAt(after));
        if (c == '(' || c == ')') return hanBefore || hanAfter;
        return hanBefore || (before < 0 && hanAfter);
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(c);
        return sc == Character.UnicodeScript.HAN
                || (c >= '\u3000' && c <= '\u303f') || (c >= '\uff00' && c <= '\uffef')
                || c == '“' || c == '”' || c == '‘' || c == '’';
    }
}
