package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import paiban.PaibanException;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.nio.file.Files;

/**
 * The rendered issue as every edition starts from it: Flying Saucer's PDF with what is not reproducible
 * or not ours taken out (the renderer's clock and name, its random /ID and subset tags, the outline it
 * made from headings). Each edition opens its own copy, since editions change the document.
 */
final class Master {

    private final RenderedIssue issue;
    private final byte[] pdf;

    private Master(RenderedIssue issue, byte[] pdf) {
        this.issue = issue;
        this.pdf = pdf;
    }

    static Master read(RenderedIssue r) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(r.pdf());
        } catch (IOException e) {
            throw new PaibanException(r.pdf() + ": cannot read the rendered issue (" + e.getMessage() + ")", e);
        }
        Master m = new Master(r, bytes);
        try (PDDocument doc = m.open()) {
            if (doc.getNumberOfPages() != r.pages().size()) {
                throw new PaibanException(r.pdf() + ": the rendered PDF has " + doc.getNumberOfPages()
                        + " pages but the page plan has " + r.pages().size() + "; a page overflowed or came out "
                        + "empty in render (this is a paiban bug; please report it with the issue folder)");
            }
        } catch (IOException e) {
            throw new PaibanException(r.pdf() + ": the rendered issue is not a readable PDF (" + e.getMessage() + ")", e);
        }
        return m;
    }

    RenderedIssue issue() {
        return issue;
    }

    PDDocument open() throws IOException {
        PDDocument doc = Loader.loadPDF(pdf);
        doc.getDocument().getTrailer().removeItem(COSName.ID);
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        catalog.removeItem(COSName.OUTLINES);
        catalog.removeItem(COSName.METADATA);
        catalog.removeItem(COSName.PAGE_MODE);
        SubsetTags.normalise(doc);
        return doc;
    }
}
