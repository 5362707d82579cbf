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
            try {
                FontCompaction.compact(doc, r.fonts());
            } catch (FontCompaction.GlyphFailure f) {
                throw new PaibanException("internal error: cannot embed " + describe(f.text) + " of the font " + f.font
                        + where(r, f.text) + " (" + f.getMessage() + "). This is a paiban bug: please report it"
                        + " with the issue folder", f);
            }
            SubsetTags.normalise(doc);
            return new Master(r, StableSave.internal(doc));
        } catch (IOException | UncheckedIOException e) {
            throw new PaibanException(r.pdf() + ": the rendered issue is not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    /** "圛 (U+571B)", or "a glyph" when the text is unknown. */
    private static String describe(String text) {
        if (text == null || text.isEmpty()) return "a glyph";
        StringBuilder codes = new StringBuilder();
        text.codePoints().forEach(cp -> codes.append(codes.isEmpty() ? "" : " ").append(String.format("U+%04X", cp)));
        return text + " (" + codes + ")";
    }

    /** ", set in article 'slug' (page N)" for the first placed text that holds {@code text}, or "". */
    private static String where(RenderedIssue r, String text) {
        if (text == null || text.isEmpty()) return "";
        for (RenderedIssue.PageInfo page : r.pages()) {
            for (RenderedIssue.PlacedText t : page.texts()) {
                if (t.text().contains(text)) {
                    return ", set in the " + t.kind() + " of article '" + t.slug() + "' on page " + page.number();
                }
            }
        }
        return ", set in the page furniture";
    }

    RenderedIssue issue() {
        return issue;
    }

    /** A fresh copy to change; the caller closes it. */
    PDDocument open() throws IOException {
        return Loader.loadPDF(pdf);
    }
}
