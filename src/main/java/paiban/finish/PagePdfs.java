package paiban.finish;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * pages/01.pdf …: each page alone, as newspapers offer them on their 数字报 web pages. They are cut from
 * the screen copy (RGB, photos at 150 dpi), not from print.pdf: readers open them on screens, where
 * RGB is what shows, and print's CMYK, bleed and marks would only make them larger and duller.
 */
final class PagePdfs {

    private PagePdfs() {
    }

    static String fileName(int number) {
        return String.format(Locale.ROOT, "pages/%02d.pdf", number);
    }

    static void write(PDDocument screen, RenderedIssue issue, Imprint imprint, Staging staging) throws IOException {
        List<RenderedIssue.PageInfo> pages = issue.pages();
        for (int i = 0; i < pages.size(); i++) {
            int number = pages.get(i).number();
            PDPage source = screen.getPage(i);
            // A shallow copy: the page shares content, fonts and photos with the screen copy, which
            // stays intact; saving writes only what this one page reaches.
            COSDictionary dict = new COSDictionary(source.getCOSObject());
            dict.removeItem(COSName.PARENT);
            dict.removeItem(COSName.ANNOTS);
            PDPage page = new PDPage(dict);
            page.setResources(source.getResources());
            page.setMediaBox(source.getMediaBox());
            page.setCropBox(source.getCropBox());
            page.setRotation(source.getRotation());
            try (PDDocument one = new PDDocument()) {
                one.getDocument().setVersion(screen.getDocument().getVersion());
                one.addPage(page);
                Imprint titled = imprint.titled(imprint.title() + " " + Navigation.pageName(number));
                titled.writeInfo(one);
                Imprint.attach(one, titled.xmp());
                one.getDocumentCatalog().setLanguage(Imprint.LANGUAGE);
                Navigation.labels(one, List.of(number));
                StableSave.save(one, staging.file(fileName(number)));
            }
        }
    }
}
