package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * pages/01.pdf …: each page alone, as newspapers offer them on their 数字报 web pages. They are cut from
 * the screen copy (RGB, photos at 150 dpi), not from print.pdf: readers open them on screens, where
 * RGB is what shows, and print's CMYK, bleed and marks would only make them larger and duller.
 */
final class PagePdfs {

    private PagePdfs() {
    }

    static String fileName(int number) {
        return OutputFiles.page(number);
    }

    /**
     * Which glyphs each page of the screen copy shows, taken once for all the page files: the master's
     * counts ({@code glyphs}, see {@link PageGlyphs}), keyed by the copy's objects; where those cannot be
     * (or {@code glyphs} is null), by running every page's content ({@link FontCompaction#shownByPage}).
     * Null when they must be found page by page.
     */
    static List<Map<COSObjectKey, TreeSet<Integer>>> census(byte[] screenCopy, PageGlyphs glyphs) throws IOException {
        try (PDDocument doc = Loader.loadPDF(screenCopy)) {
            List<Map<COSObjectKey, TreeSet<Integer>>> counted = glyphs == null ? null : glyphs.keyed(doc);
            return counted != null ? counted : FontCompaction.shownByPage(doc);
        }
    }

    /**
     * Writes page {@code index} of the screen copy alone to {@code file}; one page a call, for the workers.
     * {@code census} is {@link #census}'s, or null.
     */
    static void write(byte[] screenCopy, RenderedIssue issue, int index, Imprint imprint,
                      List<Map<COSObjectKey, TreeSet<Integer>>> census, Path file) throws IOException {
        List<RenderedIssue.PageInfo> pages = issue.pages();
        int number = pages.get(index).number();
        try (PDDocument one = Loader.loadPDF(screenCopy)) {
            for (int j = pages.size() - 1; j >= 0; j--) {
                if (j != index) one.removePage(j);
            }
            // Links to other pages (a jump line's 下转第2版) would lead nowhere in a one-page file.
            one.getPage(0).getCOSObject().removeItem(COSName.ANNOTS);
            // Each page file carries only the glyphs that page shows, and tags them afresh.
            if (census != null) {
                FontCompaction.compactTo(one, census.get(index));
            } else {
                FontCompaction.compact(one);
            }
            SubsetTags.normalise(one);
            Imprint titled = imprint.titled(imprint.title() + " " + Navigation.pageName(number));
            titled.writeInfo(one);
            Imprint.attach(one, titled.xmp());
            one.getDocumentCatalog().setLanguage(Imprint.LANGUAGE);
            Navigation.labels(one, List.of(number));
            StableSave.save(one, file);
        }
    }
}
