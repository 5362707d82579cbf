package paiban.finish;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import paiban.compose.ModuleKind;
import paiban.compose.PlacedPhoto;
import paiban.render.RenderedIssue;

import java.util.List;

/**
 * How a reader finds a page: bookmarks "第N版 · 要闻" with the titles of that page's articles and its ads
 * ("广告：…", at the ad) beneath, and page labels 第1版, 第2版… in place of bare page numbers.
 */
final class Navigation {

    private Navigation() {
    }

    /** "第3版": what a newspaper calls its third page. */
    static String pageName(int number) {
        return "第" + number + "版";
    }

    static String bookmark(RenderedIssue.PageInfo page) {
        return page.section() == null || page.section().isBlank()
                ? pageName(page.number()) : pageName(page.number()) + " · " + page.section();
    }

    /**
     * What every ad's bookmark starts with, as in "广告：岭南种业": the rules require ads to be marked as
     * such, and {@code paiban check --furniture} finds them by it.
     */
    static final String AD = "广告";

    static void add(PDDocument doc, RenderedIssue issue) {
        add(doc, issue, 0, 0);
    }

    /**
     * @param dx how far the pages' content was moved right of where it was rendered (print's trim margin)
     * @param dy how far it was moved up
     */
    static void add(PDDocument doc, RenderedIssue issue, float dx, float dy) {
        PDDocumentOutline outline = new PDDocumentOutline();
        List<RenderedIssue.PageInfo> pages = issue.pages();
        for (int i = 0; i < pages.size(); i++) {
            PDPage page = doc.getPage(i);
            PDOutlineItem item = item(bookmark(pages.get(i)), page);
            for (String title : pages.get(i).articles().values()) {
                item.addLast(item(title, page));
            }
            // each ad, at its image's top-left corner
            for (RenderedIssue.ModuleArea a : pages.get(i).areas()) {
                if (a.module().kind() != ModuleKind.AD) continue;
                for (PlacedPhoto p : a.module().photos()) {
                    RenderedIssue.Trim t = issue.trim();
                    PDOutlineItem ad = new PDOutlineItem();
                    ad.setTitle(AD + "：" + a.module().title());
                    PDPageXYZDestination dest = new PDPageXYZDestination();
                    dest.setPage(page);
                    dest.setLeft(Math.round(dx + t.areaLeft() + p.x()));
                    dest.setTop(Math.round(dy + t.height() - t.areaTop() - p.y()));
                    dest.setZoom(0); // 0: keep the reader's zoom (a null would leave a hole in the array)
                    ad.setDestination(dest);
                    item.addLast(ad);
                }
            }
            item.openNode();
            outline.addLast(item);
        }
        outline.openNode();
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setDocumentOutline(outline);
        catalog.setPageMode(PageMode.USE_OUTLINES);
        labels(doc, pages.stream().map(RenderedIssue.PageInfo::number).toList());
    }

    private static PDOutlineItem item(String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(page);
        item.setDestination(dest);
        return item;
    }

    /**
     * A label is a prefix plus an optional number, so "第N版" cannot be one range with a number in the
     * middle; each page gets its own range whose prefix is the whole label and which has no numbering style.
     */
    static void labels(PDDocument doc, List<Integer> numbers) {
        PDPageLabels labels = new PDPageLabels(doc);
        for (int i = 0; i < numbers.size(); i++) {
            PDPageLabelRange range = new PDPageLabelRange();
            range.setPrefix(pageName(numbers.get(i)));
            labels.setLabelItem(i, range);
        }
        doc.getDocumentCatalog().setPageLabels(labels);
    }
}
