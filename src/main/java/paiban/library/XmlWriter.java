package paiban.library;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes indented XML into a string, attributes in the order given, so that the same content always gives
 * the same bytes (a StAX writer would do, but its indentation and escaping differ between implementations).
 * Text and attribute values are escaped here; copy can never become markup.
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder(1 << 16);
    private final Deque<String> open = new ArrayDeque<>();
    /** Whether the innermost open element has had a child element yet. */
    private boolean children = true;

    XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** Opens {@code name}; {@code attributes} are name, value pairs, a null value leaving the attribute out. */
    XmlWriter start(String name, String... attributes) {
        tag(name, attributes);
        out.append('>');
        open.push(name);
        children = false;
        return this;
    }

    /** An element with no content. */
    XmlWriter empty(String name, String... attributes) {
        tag(name, attributes);
        out.append("/>");
        children = true;
        return this;
    }

    /** An element holding only text. */
    XmlWriter text(String name, String text, String... attributes) {
        tag(name, attributes);
        out.append('>');
        escape(text, false);
        out.append("</").append(name).append('>');
        children = true;
        return this;
    }

    XmlWriter end() {
        String name = open.pop();
        if (children) newline(open.size());
        out.append("</").append(name).append('>');
        children = true;
        return this;
    }

    /** The document; every element must be closed. */
    String finish() {
        if (!open.isEmpty()) throw new IllegalStateException("unclosed " + open.peek());
        return out.append('\n').toString();
    }

    private void tag(String name, String[] attributes) {
        if (attributes.length % 2 != 0) throw new IllegalArgumentException(name + ": attributes come in pairs");
        if (out.charAt(out.length() - 1) != '\n') newline(open.size());
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) continue;
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], true);
            out.append('"');
        }
    }

    private void newline(int depth) {
        out.append('\n');
        out.repeat(' ', 2 * depth);
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                // a line end or tab inside an attribute would be read back as a space
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("U+" + Integer.toHexString(c) + " cannot stand in XML: " + s);
                    }
                    out.append(c);
                }
            }
        }
    }
}
