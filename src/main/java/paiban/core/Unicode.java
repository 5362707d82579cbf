package paiban.core;

/** How paiban names characters in its messages, and the one rule for joining copy across a line. */
public final class Unicode {

    private Unicode() {
    }

    /** "U+1F600", the way Unicode charts and font tools name a character. */
    public static String notation(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    /**
     * Whether two pieces of copy joined where a line ended need a space between them: between two Latin
     * letters or digits they do (a word or number went on over the line), next to Chinese they do not
     * (Chinese is written without spaces, and a line break inside it is not a word break).
     */
    public static boolean spaceBetween(char before, char after) {
        return isLatinWordChar(before) && isLatinWordChar(after);
    }

    /** A letter or digit before the CJK blocks (U+2E80 on): part of a Latin, Greek or Cyrillic word. */
    private static boolean isLatinWordChar(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    /**
     * The text without white space of any kind: how copy is compared with what was set, since a line break
     * may take the space between two Latin words.
     */
    public static String withoutSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
