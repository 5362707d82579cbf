package paiban.web;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Writes a DOM as HTML5 text. Text and attribute values are always escaped here, so copy put into the DOM
 * as text can never become markup; attributes come out in name order and nothing depends on the platform,
 * so the same DOM gives the same bytes.
 */
final class HtmlText {

    /** Elements HTML writes without an end tag. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private HtmlText() {
    }

    static String of(Element html) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n");
        write(html, sb);
        return sb.append('\n').toString();
    }

    private static void write(Node node, StringBuilder sb) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element e = (Element) node;
                String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
                sb.append('<').append(name);
                NamedNodeMap attrs = e.getAttributes();
                List<Attr> list = new ArrayList<>();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Attr a = (Attr) attrs.item(i);
                    String an = a.getName();
                    // the template's XML namespace declarations and paiban's own instructions stay behind
                    if (an.equals("xmlns") || an.startsWith("xmlns:") || an.startsWith("data-field")
                            || an.equals("data-slot") || an.equals("data-root")) continue;
                    list.add(a);
                }
                list.sort(Comparator.comparing(Attr::getName));
                for (Attr a : list) {
                    sb.append(' ').append(a.getName()).append("=\"");
                    escape(a.getValue(), sb, true);
                    sb.append('"');
                }
                sb.append('>');
                if (VOID.contains(name)) return;
                NodeList kids = e.getChildNodes();
                for (int i = 0; i < kids.getLength(); i++) write(kids.item(i), sb);
                sb.append("</").append(name).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(node.getNodeValue(), sb, false);
            default -> {
                // comments and processing instructions of the template are the designer's notes, not output
            }
        }
    }

    private static void escape(String s, StringBuilder sb, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }
}
