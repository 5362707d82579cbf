package paiban.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import paiban.core.PaibanException;
import paiban.compose.Grid;
import paiban.compose.LayoutRules;
import paiban.compose.Module;
import paiban.compose.Page;
import paiban.compose.ModuleKind;
import paiban.compose.PlacedBox;
import paiban.compose.PlacedLine;
import paiban.compose.PlacedPhoto;
import paiban.model.Issue;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills the layout's page template once per page: the text fields (always as text, so copy can
 * never become markup), the masthead or the running head, and in the type area one box per module,
 * one per photo, and the galley that carries the page's set text.
 */
final class PageDocument {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private PageDocument() {
    }

    static Document build(Layout layout, Issue issue, List<Page> pages) {
        Document doc = (Document) layout.template().cloneNode(true);
        Element repeat = find(doc.getDocumentElement(), "data-repeat", "page");
        if (repeat == null) {
            throw new PaibanException("layouts/" + layout.name() + "/page.xhtml: no element with data-repeat=\"page\"");
        }
        Node parent = repeat.getParentNode();
        Node next = repeat.getNextSibling();
        parent.removeChild(repeat);
        for (Page page : pages) {
            Element copy = (Element) repeat.cloneNode(true);
            if (page.number() == pages.size()) copy.setAttribute("class", copy.getAttribute("class") + " last");
            fill(copy, issue, page, layout.rules().words());
            Element area = find(copy, "data-slot", "type-area");
            if (area == null) {
                throw new PaibanException("layouts/" + layout.name() + "/page.xhtml: no element with data-slot=\"type-area\"");
            }
            addModules(doc, area, layout.grid(), page);
            parent.insertBefore(copy, next);
        }
        return doc;
    }

    private static void fill(Element page, Issue issue, Page p, LayoutRules.Words words) {
        List<Element> all = new ArrayList<>();
        collect(page, all);
        for (Element e : all) {
            String show = e.getAttribute("data-show");
            if ((show.equals("front") && !p.front()) || (show.equals("inner") && p.front())) {
                e.getParentNode().removeChild(e);
            }
        }
        all.clear();
        collect(page, all);
        for (Element e : all) {
            String field = e.getAttribute("data-field");
            if (field.isEmpty()) continue;
            String value = switch (field) {
                case "paper" -> issue.paper();
                case "date" -> issue.date().getYear() + "年" + issue.date().getMonthValue() + "月"
                        + issue.date().getDayOfMonth() + "日";
                case "weekday" -> issue.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
                case "number" -> words.number(issue.number());
                case "publisher" -> issue.publisher();
                case "serial" -> issue.serial();
                case "page" -> words.page(p.number());
                case "section" -> p.section(words.separator());
                case "editor" -> words.editor(issue.editor());
                default -> throw new PaibanException("page template: unknown data-field \"" + field + "\"; known: "
                        + "paper, date, weekday, number, publisher, serial, page, section, editor");
            };
            e.setTextContent(value);
        }
    }

    private static void addModules(Document doc, Element area, Grid grid, Page page) {
        int top = page.front() ? grid.mastheadLines() : 0;
        for (Module m : page.modules()) {
            Element box = doc.createElementNS(XHTML, "div");
            String cls = "module " + m.kind().word();
            float x = grid.columnX(m.column());
            float y = grid.lineTop(m.line());
            float w = grid.spanWidth(m.span());
            float h = m.lines() * grid.pitch();
            if (m.line() > top) {
                cls += " below";
                y -= grid.pitch() / 2;
                h += grid.pitch() / 2;
            }
            if (m.column() > 0) {
                cls += " beside";
                x -= grid.gutter() / 2;
                w += grid.gutter() / 2;
            }
            if (m.box().isPresent()) cls += " boxed";
            box.setAttribute("class", cls);
            box.setAttribute("style", String.format(Locale.ROOT, "left: %.3fpt; top: %.3fpt; width: %.3fpt; height: %.3fpt;",
                    x, y, w, h));
            area.appendChild(box);
            m.box().ifPresent(b -> area.appendChild(frame(doc, b)));
            if (m.kind() == ModuleKind.QUOTE && !m.text().isEmpty()) area.appendChild(quoteMark(doc, grid, m));
            for (PlacedPhoto p : m.photos()) area.appendChild(photo(doc, p));
        }
        Element galley = doc.createElementNS(XHTML, "div");
        galley.setAttribute("class", "galley");
        galley.setAttribute("data-page", String.valueOf(page.number()));
        galley.setAttribute("style", String.format(Locale.ROOT,
                "position: absolute; left: 0; top: 0; width: %.3fpt; height: %.3fpt;", grid.width(), grid.height()));
        area.appendChild(galley);
    }

    /**
     * A boxed story's box (边框/底纹), where compose put it; the layout's class draws its rule, ornament and
     * tint. It comes before the galley, so the text prints over the tint.
     */
    private static Element frame(Document doc, PlacedBox b) {
        Element e = doc.createElementNS(XHTML, "div");
        e.setAttribute("class", "box " + b.cssClass());
        e.setAttribute("style", String.format(Locale.ROOT, "left: %.3fpt; top: %.3fpt; width: %.3fpt; height: %.3fpt;",
                b.x(), b.y(), b.width(), b.height()));
        return e;
    }

    /**
     * The place for a pull quote's ornament (a large quotation mark, a rule: the layout's
     * {@code .quote-mark} draws it): the grid line above the sentence, which compose keeps free and centres
     * the sentence under, so the ornament stays with the words however tall the module is.
     */
    private static Element quoteMark(Document doc, Grid grid, Module m) {
        PlacedLine first = m.text().getFirst();
        Element e = doc.createElementNS(XHTML, "div");
        e.setAttribute("class", "quote-mark");
        e.setAttribute("style", String.format(Locale.ROOT, "left: %.3fpt; top: %.3fpt; width: %.3fpt; height: %.3fpt;",
                grid.columnX(m.column()), first.baseline() - first.line().size() - grid.pitch(), grid.spanWidth(m.span()),
                grid.pitch()));
        return e;
    }

    /**
     * The photo at its frame's size. Compose gave the frame the photo's own proportions, so it is never
     * distorted and never needs cropping (Flying Saucer 10.3 misplaces overflow clips on positioned boxes).
     */
    private static Element photo(Document doc, PlacedPhoto p) {
        Element frame = doc.createElementNS(XHTML, "div");
        frame.setAttribute("class", "photo");
        frame.setAttribute("style", String.format(Locale.ROOT, "left: %.3fpt; top: %.3fpt; width: %.3fpt; height: %.3fpt;",
                p.x(), p.y(), p.width(), p.height()));
        Element img = doc.createElementNS(XHTML, "img");
        img.setAttribute("src", p.photo().file().toUri().toString());
        img.setAttribute("data-photo", p.photo().id()); // drawn by PhotoElement, upright
        img.setAttribute("alt", "");
        img.setAttribute("style", String.format(Locale.ROOT, "width: %.3fpt; height: %.3fpt;", p.width(), p.height()));
        frame.appendChild(img);
        return frame;
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof Element k) collect(k, out);
        }
    }

    private static Element find(Element root, String attr, String value) {
        List<Element> all = new ArrayList<>();
        collect(root, all);
        for (Element e : all) if (value.equals(e.getAttribute(attr))) return e;
        return null;
    }
}
