package paiban.web;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A layout's web look, from {@code layouts/<name>/web/}: {@code frame.xhtml}, the shell of every web page
 * (head, masthead strip, footer), and {@code web.css}. paiban fills in the frame:
 * <ul>
 * <li>{@code data-field="…"}: text fields (title, paper, date, weekday, number, publisher, serial), always
 *     as text;</li>
 * <li>{@code data-slot="content"}: where each page's own content goes;</li>
 * <li>{@code data-root="href"} (or "src"): the named attribute is relative to the edition's top folder,
 *     and gets "../" on pages one folder down.</li>
 * </ul>
 */
final class WebLayout {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String FRAME = "frame.xhtml";
    static final String CSS = "web.css";

    private final Path folder;
    private final Path frameFile;
    private final Document frame;
    private final byte[] css;

    private WebLayout(Path folder, Path frameFile, Document frame, byte[] css) {
        this.folder = folder;
        this.frameFile = frameFile;
        this.frame = frame;
        this.css = css;
    }

    /** Reads {@code layouts/<name>/web/}; names the missing or broken file. */
    static WebLayout load(Path layoutFolder) {
        return load(layoutFolder, FRAME);
    }

    /** As {@link #load(Path)}, with another frame: the back catalogue's pages have their own. */
    static WebLayout load(Path layoutFolder, String frameName) {
        Path web = layoutFolder.resolve("web");
        Path frameFile = web.resolve(frameName);
        Path cssFile = web.resolve(CSS);
        for (Path p : List.of(frameFile, cssFile)) {
            if (!Files.isRegularFile(p)) {
                throw new PaibanException(p + ": missing; the web edition takes its look from the layout's web/ folder "
                        + "(" + FRAME + " and " + CSS + ")");
            }
        }
        try {
            return new WebLayout(web, frameFile, paiban.render.XmlDocuments.parse(frameFile, frameFile.toString()), Files.readAllBytes(cssFile));
        } catch (IOException e) {
            throw new PaibanException(cssFile + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    Path folder() {
        return folder;
    }

    byte[] css() {
        return css.clone();
    }

    /** A web page being made: its document and the element its content goes into. */
    record Sheet(Document doc, Element html, Element content) {

        Element add(Element parent, String tag, String cssClass) {
            Element e = doc.createElementNS(XHTML, tag);
            if (cssClass != null && !cssClass.isEmpty()) e.setAttribute("class", cssClass);
            parent.appendChild(e);
            return e;
        }

        Element add(Element parent, String tag, String cssClass, String text) {
            Element e = add(parent, tag, cssClass);
            e.setTextContent(text);
            return e;
        }

        Element link(Element parent, String href, String cssClass, String text) {
            Element a = add(parent, "a", cssClass, text);
            a.setAttribute("href", href);
            return a;
        }

        String text() {
            return HtmlText.of(html);
        }
    }

    /**
     * A fresh copy of the frame with its fields filled.
     *
     * @param root "" for pages in the edition's top folder, "../" one folder down
     */
    Sheet sheet(Map<String, String> fields, String root) {
        Document doc = (Document) frame.cloneNode(true);
        Element html = doc.getDocumentElement();
        Element content = null;
        List<Element> all = new ArrayList<>();
        collect(html, all);
        for (Element e : all) {
            String field = e.getAttribute("data-field");
            if (!field.isEmpty()) {
                String value = fields.get(field);
                if (value == null) {
                    throw new PaibanException(frameFile + ": unknown data-field \"" + field + "\"; known: "
                            + String.join(", ", fields.keySet()));
                }
                e.setTextContent(value);
            }
            String rooted = e.getAttribute("data-root");
            if (!rooted.isEmpty() && e.hasAttribute(rooted)) e.setAttribute(rooted, root + e.getAttribute(rooted));
            if ("content".equals(e.getAttribute("data-slot"))) content = e;
        }
        if (content == null) {
            throw new PaibanException(frameFile + ": no element with data-slot=\"content\"");
        }
        return new Sheet(doc, html, content);
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof Element k) collect(k, out);
        }
    }
}
