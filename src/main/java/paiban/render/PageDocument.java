package paiban.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import paiban.core.PaibanException;
import paiban.compose.Grid;
import paiban.compose.LayoutRules;
import paiban.compose.LineKind;
import paiban.compose.Module;
import paiban.compose.ModuleKind;
import paiban.compose.Page;
import paiban.compose.ModuleKind;
import paiban.compose.PlacedBox;
import paiban.compose.PlacedLine;
import paiban.compose.PlacedPhoto;
import paiban.model.Furniture;
import paiban.model.Issue;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills the layout's page template once per page: the text fields (always as text, so copy can
 * never become markup), the masthead or the running head, the last page's 报尾, and in the type area one box per module,
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
            // a 报眼 ad takes the masthead's ear: the layout's CSS moves what stood there (.with-ear-ad)
            if (page.modules().stream().anyMatch(m -> m.kind() == ModuleKind.AD && page.front()
                    && m.bottom() <= layout.grid().mastheadLines())) {
                copy.setAttribute("class", copy.getAttribute("class") + " with-ear-ad");
            }
            fill(copy, issue, page, pages.size(), layout.rules().words());
            Element area = find(copy, "data-slot", "type-area");
            if (area == null) {
                throw new PaibanException("layouts/" + layout.name() + "/page.xhtml: no element with data-slot=\"type-area\"");
            }
            addModules(doc, area, layout.grid(), page, layout.rules().ads().label());
            parent.insertBefore(copy, next);
        }
        return doc;
    }

    /**
     * @param count the issue's page count, known only now that composition is done: the nameplate's 今日N版
     */
    private static void fill(Element page, Issue issue, Page p, int count, LayoutRules.Words words) {
        List<Element> all = new ArrayList<>();
        collect(page, all);
        for (Element e : all) {
            String show = e.getAttribute("data-show");
            boolean last = p.number() == count;
            if ((show.equals("front") && !p.front()) || (show.equals("inner") && p.front())
                    || (show.equals("last") && !last) || (show.equals("not-last") && last)) {
                e.getParentNode().removeChild(e);
            }
        }
        all.clear();
        collect(page, all);
        for (Element e : all) {
            // a label and its field go together: "主管：" without a 主管 would print an empty promise
            String needs = e.getAttribute("data-if");
            if (!needs.isEmpty() && value(needs, issue, p, count, words).isBlank() && e.getParentNode() != null) {
                e.getParentNode().removeChild(e);
            }
        }
        all.clear();
        collect(page, all);
        for (Element e : all) {
            String field = e.getAttribute("data-field");
            if (field.isEmpty()) continue;
            e.setTextContent(value(field, issue, p, count, words));
        }
    }

    /** The text of a template field on page {@code p} of {@code count}. */
    private static String value(String field, Issue issue, Page p, int count, LayoutRules.Words words) {
        Furniture f = issue.furniture();
        return switch (field) {
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
            case "lunar-date" -> f.lunarDate() ? LunarDate.of(issue.date()) : "";
            case "pages" -> String.valueOf(count);
            case "cn" -> f.cn();
            case "postal-code" -> f.postalCode();
            case "supervisor" -> f.supervisor();
            case "sponsor" -> f.sponsor();
            case "address" -> f.address();
            case "telephone" -> f.telephone();
            case "printer" -> f.printer();
            case "price" -> f.price();
            default -> throw new PaibanException("page template: unknown data-field \"" + field + "\"; known: "
                    + "paper, date, weekday, number, publisher, serial, page, section, editor, lunar-date, pages, "
                    + "cn, postal-code, supervisor, sponsor, address, telephone, printer, price");
        };
    }

    private static void addModules(Document doc, Element area, Grid grid, Page page, String adLabel) {
        int top = page.front() ? grid.mastheadLines() : 0;
        // Painted in three layers, in this order: the modules' boxes, whose edges are the column rules
        // (栏线); then the frames (the 导读 box, boxed stories), which knock out the rules that meet them, so
        // a black rule stops at a coloured frame instead of overprinting it (300 % ink and more on the
        // crossing); then what stands in the modules (photos, ads and their labels, quote ornaments).
        List<Element> rules = new ArrayList<>();
        List<Element> frames = new ArrayList<>();
        List<Element> contents = new ArrayList<>();
        for (Module m : page.modules()) {
            if (m.foldStrip()) {
                // a 中缝 stands in the inner margin, off the grid: no module box, whose rules divide columns
                for (PlacedPhoto p : m.photos()) {
                    contents.add(photo(doc, p));
                    contents.add(adLabel(doc, p, adLabel));
                }
                continue;
            }
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
            // a 报眼 stands in the masthead's ear, where no column rule runs
            boolean ear = m.kind() == ModuleKind.AD && m.bottom() <= top;
            if (m.column() > 0 && !ear) {
                cls += " beside";
                x -= grid.gutter() / 2;
                w += grid.gutter() / 2;
            }
            if (m.box().isPresent()) cls += " boxed";
            box.setAttribute("class", cls);
            box.setAttribute("style", String.format(Locale.ROOT, "left: %.3fpt; top: %.3fpt; width: %.3fpt; height: %.3fpt;",
                    x, y, w, h));
            // the 导读 box draws its frame on its own module box
            (m.kind() == ModuleKind.INDEX ? frames : rules).add(box);
            m.box().ifPresent(b -> frames.add(frame(doc, b)));
            if (m.kind() == ModuleKind.QUOTE && !m.text().isEmpty()) contents.add(quoteMark(doc, grid, m));
            if (m.kind().article()) inlineQuote(doc, grid, m, contents);
            for (PlacedPhoto p : m.photos()) contents.add(photo(doc, p));
            if (m.kind() == ModuleKind.AD) for (PlacedPhoto p : m.photos()) contents.add(adLabel(doc, p, adLabel));
        }
        for (List<Element> layer : List.of(rules, frames, contents)) for (Element e : layer) area.appendChild(e);
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
     * A pull quote that compose set inside its story's module: a frame over its columns (the layout's
     * {@code .quote-frame} draws its rules) from the grid line above the sentence, which compose keeps free,
     * to the one below it, and the ornament ({@code .quote-mark}) in the line above.
     */
    private static void inlineQuote(Document doc, Grid grid, Module m, List<Element> contents) {
        List<PlacedLine> lines = m.text().stream().filter(l -> l.kind() == LineKind.QUOTE).toList();
        if (lines.isEmpty()) return;
        PlacedLine first = lines.getFirst();
        PlacedLine last = lines.getLast();
        // compose insets the sentence a body character each side of its columns
        float left = first.x() - grid.bodySize();
        float inkEnd = 0;
        for (PlacedLine l : lines) inkEnd = Math.max(inkEnd, l.x() + l.line().inkEnd());
        int column = m.column();
        while (column + 1 < m.column() + m.span() && grid.columnX(column + 1) < inkEnd) column++;
        float right = grid.columnX(column) + grid.columnWidth();
        float top = first.baseline() - first.line().size() - grid.pitch();
        float bottom = last.baseline() + grid.pitch() * 0.75f;
        Element frame = doc.createElementNS(XHTML, "div");
        frame.setAttribute("class", "quote-frame");
        frame.setAttribute("style", String.format(Locale.ROOT, "left: %.3fpt; top: %.3fpt; width: %.3fpt; height: %.3fpt;",
                left, top, right - left, bottom - top));
        contents.add(frame);
        Element mark = doc.createElementNS(XHTML, "div");
        mark.setAttribute("class", "quote-mark");
        mark.setAttribute("style", String.format(Locale.ROOT, "left: %.3fpt; top: %.3fpt; width: %.3fpt; height: %.3fpt;",
                left, top, right - left, grid.pitch()));
        contents.add(mark);
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

    /**
     * The mark every ad carries (广告), in a box over the ad's image that the layout's CSS places at a
     * corner ({@code .ad-frame}, {@code .ad-label}).
     */
    private static Element adLabel(Document doc, PlacedPhoto p, String label) {
        Element frame = doc.createElementNS(XHTML, "div");
        frame.setAttribute("class", "ad-frame");
        frame.setAttribute("style", String.format(Locale.ROOT, "left: %.3fpt; top: %.3fpt; width: %.3fpt; height: %.3fpt;",
                p.x(), p.y(), p.width(), p.height()));
        Element mark = doc.createElementNS(XHTML, "div");
        mark.setAttribute("class", "ad-label");
        mark.setTextContent(label);
        frame.appendChild(mark);
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
