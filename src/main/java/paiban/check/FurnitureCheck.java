package paiban.check;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import paiban.core.PaibanException;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code paiban check --furniture}: holds a built issue against what the rules for newspapers
 * (《报纸出版管理规定》) require on its pages, read from the glyphs the PDF draws, as a reader at the
 * press office would read them:
 * <ul>
 * <li>page 1's 报头: the paper's name, larger than any other text on the page, the 国内统一连续出版物号,
 *   the 邮发代号, the date with its 星期, 总第N期, 今日N版 (and N is the PDF's page count), 主管 and 主办;</li>
 * <li>the last page's 报尾: address, telephone, printer and price;</li>
 * <li>every page's 第N版 in its running head or folio, and in sequence;</li>
 * <li>every ad labelled 广告. An ad is what the PDF's outline marks as one: an item titled 广告… whose XYZ
 *   destination is the ad's top-left corner. The label must stand inside the ad's area or at its edge;
 *   where no image is drawn from that corner to measure the area by, in the ad's column range below it.</li>
 * </ul>
 * It knows the name from the PDF's title ("广东科技报 2021-06-22 总第2548期", as paiban writes it).
 */
public final class FurnitureCheck {

    /** The running head and the folio sit in these bands of the page, above and below the type area. */
    static final float HEAD_BAND = 0.12f;
    static final float FOOT_BAND = 0.88f;
    /** How far outside an ad's area its label may stand: "right at the edge", in ems of the label. */
    static final float LABEL_REACH = 1.5f;
    /** How far right of an unmeasured ad's corner its column range is taken to reach, as a share of the page's width. */
    static final float UNMEASURED_REACH = 0.25f;

    /** An item the rules require, the page it belongs on, and how it reads when it is printed. */
    enum Item {
        CN("国内统一连续出版物号", Where.FRONT, "CN ?[0-9]{2}-[0-9]{4}"),
        POSTAL_CODE("邮发代号", Where.FRONT, "邮发代号[：: ]*[0-9]{1,2}-[0-9]{1,4}"),
        DATE("日期", Where.FRONT, "[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日"),
        WEEKDAY("星期", Where.FRONT, "星期[一二三四五六日天]"),
        NUMBER("总第N期", Where.FRONT, "总?第[0-9]+期"),
        PAGES("今日N版", Where.FRONT, "今日([0-9]+)版"),
        SUPERVISOR("主管", Where.FRONT, "主管(主办)?[：:] *[^\\s]"),
        SPONSOR("主办", Where.FRONT, "(主办|主管主办)[：:] *[^\\s]"),
        ADDRESS("地址", Where.LAST, "地址[：:] *[^\\s]"),
        TELEPHONE("电话", Where.LAST, "电话[：:] *[^\\s]"),
        PRINTER("印刷", Where.LAST, "印刷(单位)?[：:] *[^\\s]"),
        PRICE("定价", Where.LAST, "定价[：:] *[^\\s]|免费赠阅");

        final String label;
        final Where where;
        final Pattern pattern;

        Item(String label, Where where, String regex) {
            this.label = label;
            this.where = where;
            this.pattern = Pattern.compile(regex);
        }
    }

    enum Where { FRONT, LAST }

    private static final Pattern FOLIO = Pattern.compile("(?<![转接])第([0-9]+)版");

    private FurnitureCheck() {
    }

    public static FurnitureReport check(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return check(pdf.getFileName().toString(), doc);
        } catch (IOException e) {
            throw new PaibanException(pdf + ": not a readable PDF (" + e.getMessage() + ")");
        }
    }

    static FurnitureReport check(String file, PDDocument doc) throws IOException {
        List<List<PrintedGlyph>> pages = GlyphReader.read(doc).pages();
        List<FurnitureFinding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int count = pages.size();
        if (count == 0) {
            return new FurnitureReport(file, 0, 0, notes, List.of(new FurnitureFinding(1, "页面", "the PDF has no pages")));
        }
        List<List<TextLine>> lines = new ArrayList<>();
        for (List<PrintedGlyph> p : pages) lines.add(TextLine.of(p));

        name(doc, lines.getFirst(), notes, findings);
        for (Item item : Item.values()) {
            int page = item.where == Where.FRONT ? 1 : count;
            Matcher m = item.pattern.matcher(text(lines.get(page - 1)));
            if (!m.find()) {
                findings.add(new FurnitureFinding(page, item.label, "missing: the rules require it on "
                        + (item.where == Where.FRONT ? "page 1's 报头" : "the last page's 报尾")));
            } else if (item == Item.PAGES && Integer.parseInt(m.group(1)) != count) {
                findings.add(new FurnitureFinding(page, item.label, "says 今日" + m.group(1) + "版 but the issue has "
                        + count + " pages"));
            }
        }
        for (int i = 0; i < count; i++) {
            folio(i + 1, lines.get(i), doc.getPage(i), findings);
        }
        int ads = ads(doc, pages, notes, findings);
        return new FurnitureReport(file, count, ads, notes, findings);
    }

    /** The paper's name must be page 1's largest text: larger than the lead headline and anything else. */
    private static void name(PDDocument doc, List<TextLine> front, List<String> notes, List<FurnitureFinding> findings) {
        String title = doc.getDocumentInformation().getTitle();
        String name = title == null || title.isBlank() ? "" : title.strip().split("\\s+")[0];
        List<PrintedGlyph> nameGlyphs = List.of();
        if (!name.isEmpty()) {
            for (TextLine l : front) {
                List<PrintedGlyph> found = l.find(name);
                if (!found.isEmpty() && (nameGlyphs.isEmpty() || smallest(found) > smallest(nameGlyphs))) nameGlyphs = found;
            }
            if (nameGlyphs.isEmpty()) {
                findings.add(new FurnitureFinding(1, "报名", "the paper's name 「" + name + "」 (from the PDF's title) "
                        + "is not on page 1"));
                return;
            }
        } else {
            TextLine biggest = front.stream().max(Comparator.comparingDouble(TextLine::size)).orElse(null);
            if (biggest == null) {
                findings.add(new FurnitureFinding(1, "报名", "page 1 carries no text"));
                return;
            }
            notes.add("the PDF has no title to tell the paper's name by; page 1's largest text 「" + biggest.text()
                    + "」 is taken for it");
            return;
        }
        Set<PrintedGlyph> own = new HashSet<>(nameGlyphs);
        float size = smallest(nameGlyphs);
        for (TextLine l : front) {
            for (PrintedGlyph g : l.glyphs()) {
                if (!g.blank() && !own.contains(g) && g.size() >= size) {
                    findings.add(new FurnitureFinding(1, "报名", String.format(java.util.Locale.ROOT,
                            "the paper's name 「%s」 at %.1f pt is not the largest text on page 1: 「%s」 is set at %.1f pt",
                            name, size, l.text(), g.size())));
                    return;
                }
            }
        }
    }

    private static float smallest(List<PrintedGlyph> glyphs) {
        float s = Float.MAX_VALUE;
        for (PrintedGlyph g : glyphs) s = Math.min(s, g.size());
        return s;
    }

    /**
     * 第N版 in the page's running head or folio, and N the page's place in the PDF. Of the 第N版 near the
     * top the topmost is the running head's and of those near the foot the lowest the folio's: a 导读 or a
     * jump line (下转第2版) in the type area stands further in.
     */
    private static void folio(int page, List<TextLine> lines, PDPage pdPage, List<FurnitureFinding> findings) {
        float height = pdPage.getCropBox().getHeight();
        Integer head = null;
        Integer foot = null;
        for (TextLine l : lines) { // top to bottom
            Matcher m = FOLIO.matcher(l.text());
            if (!m.find()) continue;
            int n = Integer.parseInt(m.group(1));
            if (l.baseline() <= HEAD_BAND * height && head == null) head = n;
            if (l.baseline() >= FOOT_BAND * height) foot = n;
        }
        Set<Integer> said = new java.util.TreeSet<>();
        if (head != null) said.add(head);
        if (foot != null) said.add(foot);
        if (said.isEmpty()) {
            findings.add(new FurnitureFinding(page, "第N版", "no 第N版 in the running head or the folio"));
        } else if (said.size() > 1 || said.iterator().next() != page) {
            findings.add(new FurnitureFinding(page, "第N版", "the running head or folio says "
                    + String.join(" and ", said.stream().map(n -> "第" + n + "版").toList()) + " on the PDF's page " + page
                    + "; the pages are out of sequence"));
        }
    }

    /** Checks every ad the outline marks for its 广告 label; returns how many it marks. */
    private static int ads(PDDocument doc, List<List<PrintedGlyph>> pages, List<String> notes,
                           List<FurnitureFinding> findings) throws IOException {
        List<PDOutlineItem> items = new ArrayList<>();
        var outline = doc.getDocumentCatalog().getDocumentOutline();
        if (outline != null) collect(outline, items, 0);
        int ads = 0;
        for (PDOutlineItem item : items) {
            String title = item.getTitle() == null ? "" : item.getTitle().strip();
            if (!title.startsWith("广告")) continue;
            ads++;
            PDDestination dest = item.getDestination();
            if (dest == null && item.getAction() instanceof PDActionGoTo go) dest = go.getDestination();
            if (dest instanceof PDNamedDestination named) dest = doc.getDocumentCatalog().findNamedDestinationPage(named);
            if (!(dest instanceof PDPageXYZDestination xyz)) {
                findings.add(new FurnitureFinding(0, "广告", "the outline item 「" + title + "」 does not point at its "
                        + "ad's top-left corner with an XYZ destination, so its label cannot be checked"));
                continue;
            }
            int index = xyz.getPage() != null ? doc.getPages().indexOf(xyz.getPage()) : xyz.getPageNumber();
            if (index < 0 || index >= pages.size()) {
                findings.add(new FurnitureFinding(0, "广告", "the outline item 「" + title + "」 points at no page of the PDF"));
                continue;
            }
            PDPage page = doc.getPage(index);
            float boxTop = page.getCropBox().getUpperRightY();
            float left = xyz.getLeft();
            float top = boxTop - xyz.getTop(); // down from the page's top, as the glyphs are measured
            Rectangle2D area = ImageAreas.of(page).stream()
                    .filter(r -> Math.abs(r.getMinX() - left) <= 3 && Math.abs((boxTop - r.getMaxY()) - top) <= 3)
                    .map(r -> (Rectangle2D) new Rectangle2D.Double(r.getMinX(), boxTop - r.getMaxY(), r.getWidth(), r.getHeight()))
                    .findFirst().orElse(null);
            if (!labelled(pages.get(index), area, left, top, page.getCropBox().getWidth())) {
                findings.add(new FurnitureFinding(index + 1, "广告", "the ad 「" + title + "」 is not labelled 广告 "
                        + (area != null ? "inside its area or at its edge" : "in its column below its top-left corner")
                        + String.format(java.util.Locale.ROOT, " (%.0f, %.0f pt from the page's top left)", left, top)));
            }
        }
        if (ads == 0) notes.add("no ads are marked (no outline item titled 广告…): no 广告 labels to check");
        return ads;
    }

    private static void collect(PDOutlineNode node, List<PDOutlineItem> out, int depth) {
        if (depth > 32) return; // a cycle in a malformed outline
        for (PDOutlineItem item : node.children()) {
            out.add(item);
            collect(item, out, depth + 1);
        }
    }

    /** 广告 set across (广 then 告 to its right) or down (告 under 广), inside or at the edge of the ad. */
    static boolean labelled(List<PrintedGlyph> glyphs, Rectangle2D area, float left, float top, float pageWidth) {
        for (PrintedGlyph a : glyphs) {
            if (!a.text().equals("广")) continue;
            for (PrintedGlyph b : glyphs) {
                if (!b.text().equals("告")) continue;
                boolean across = Math.abs(b.baseline() - a.baseline()) < 0.2f * a.size()
                        && b.x() > a.x() && b.x() - a.right() < 0.5f * a.size();
                boolean down = Math.abs(b.x() - a.x()) < 0.2f * a.size()
                        && b.baseline() > a.baseline() && b.baseline() - a.baseline() < 1.6f * a.size();
                if (!across && !down) continue;
                Rectangle2D label = new Rectangle2D.Double(a.x(), a.baseline() - a.size(),
                        Math.max(b.right(), a.right()) - a.x(), b.baseline() - a.baseline() + a.size() * 1.2);
                if (area != null) {
                    double reach = LABEL_REACH * a.size();
                    Rectangle2D near = new Rectangle2D.Double(area.getX() - reach, area.getY() - reach,
                            area.getWidth() + 2 * reach, area.getHeight() + 2 * reach);
                    if (near.intersects(label)) return true;
                } else if (label.getX() >= left - LABEL_REACH * a.size()
                        && label.getX() <= left + UNMEASURED_REACH * pageWidth
                        && label.getMaxY() >= top - LABEL_REACH * a.size()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(List<TextLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (TextLine l : lines) sb.append(l.text()).append('\n');
        return sb.toString();
    }
}
