package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import paiban.core.PaibanException;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The rendered issue as every edition starts from it: Flying Saucer's PDF with what is not reproducible
 * or not ours taken out (the renderer's clock and name, its random /ID and subset tags, the outline it
 * made from headings) and its CJK fonts cut down to the glyphs the issue shows. Each edition opens its
 * own copy, since editions change the document.
 */
final class Master {

    private final RenderedIssue issue;
    private final byte[] pdf;

    private Master(RenderedIssue issue, byte[] pdf) {
        this.issue = issue;
        this.pdf = pdf;
    }

    static Master read(RenderedIssue r) {
        byte[] rendered;
        try {
            rendered = Files.readAllBytes(r.pdf());
        } catch (IOException e) {
            throw new PaibanException(r.pdf() + ": cannot read the rendered issue (" + e.getMessage() + ")", e);
        }
        try (PDDocument doc = Loader.loadPDF(rendered)) {
            if (doc.getNumberOfPages() != r.pages().size()) {
                throw new PaibanException(r.pdf() + ": the rendered PDF has " + doc.getNumberOfPages()
                        + " pages but the page plan has " + r.pages().size() + "; a page overflowed or came out "
                        + "empty in render (this is a paiban bug; please report it with the issue folder)");
            }
            doc.setDocumentInformation(new PDDocumentInformation());
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            catalog.removeItem(COSName.OUTLINES);
            catalog.removeItem(COSName.METADATA);
            catalog.removeItem(COSName.PAGE_MODE);
            FontCompaction.compact(doc);
            SubsetTags.normalise(doc);
            return new Master(r, StableSave.internal(doc));
        } catch (IOException | UncheckedIOException e) {
            throw new PaibanException(r.pdf() + ": the rendered issue is not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    RenderedIssue issue() {
        return issue;
    }

    /** A fresh copy to change; the caller closes it. */
    PDDocument open() throws IOException {
        return Loader.loadPDF(pdf);
    }
}
