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
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char wide = wideForm(c);
            if (wide != 0 && touchesHan(s, i, c)) {
                out.append(wide);
            } else {
                out.append(c);
            }
        }
        return out.toString();
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

    /** An opening bracket looks ahead past other openers; the rest look on both sides. */
    private static boolean touchesHan(String s, int i, char c) {
        int before = i - 1;
        while (before >= 0 && (s.charAt(before) == ')' || s.charAt(before) == '(')) before--;
        int after = i + 1;
        while (after < s.length() && (s.charAt(after) == '(' || s.charAt(after) == ')')) after++;
        boolean hanBefore = before >= 0 && isCjk(s.charAt(before));
        boolean hanAfter = after < s.length() && isCjk(s.charAt(after));
        if (c == '(') return hanAfter || hanBefore;
        if (c == ')') return hanBefore || hanAfter;
        return hanBefore || (before < 0 && hanAfter);
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(c);
        return sc == Character.UnicodeScript.HAN
                || (c >= '\u3000' && c <= '\u303f') || (c >= '\uff00' && c <= '\uffef')
                || c == '“' || c == '”' || c == '‘' || c == '’';
    }
}
