package paiban.copy;

import paiban.core.Unicode;
/**
 * Copy quoted back in an error message. The value came from an untrusted file and goes to a terminal,
 * so control and format characters (an ESC that repaints the screen, a U+202E that reverses the line)
 * are shown as their code points, and a long value is cut short so the message stays one line.
 */
final class Quoted {

    private static final int MAX_CODE_POINTS = 60;

    private Quoted() {
    }

    static String of(String value) {
        StringBuilder sb = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (shown++ == MAX_CODE_POINTS) {
                sb.append('…');
                break;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                sb.append(Unicode.notation(cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.append('\'').toString();
    }
}
