package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import paiban.core.PaibanException;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;

/**
 * The rendered issue as every edition starts from it: Flying Saucer's PDF with what is not reproducible
 * or not ours taken out (the renderer's clock and name, its random /ID and subset tags, the outline it
 * made from headings) and its CJK fonts cut down to the glyphs the issue shows. Each edition opens its
 * own copy, since editions change the document.
 */
final class Master {

    private final RenderedIssue issue;
    private final byte[] pdf;
    /** Which photo each photo image is, by its page (0-based) and resource name: those survive saving. */
    private final Map<String, String> photos;
    /** The glyphs each page shows, counted while the fonts were cut; null where they must be counted again. */
    private final PageGlyphs glyphs;

    private Master(RenderedIssue issue, byte[] pdf, Map<String, String> photos, PageGlyphs glyphs) {
        this.issue = issue;
        this.pdf = pdf;
        this.photos = photos;
        this.glyphs = glyphs;
    }

    /**
     * The master of {@code r}; with {@code countGlyphs} it also keeps which glyphs each page shows, for the
     * page files ({@link #glyphs()}), else {@link #glyphs()} is null.
     */
    static Master read(RenderedIssue r, boolean countGlyphs) {
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
            Map<String, String> photos = photoImages(doc, r);
            List<Map<COSDictionary, TreeSet<Integer>>> shown;
            try {
                if (countGlyphs) {
                    shown = FontCompaction.compactCounting(doc, r.fonts());
                } else {
                    FontCompaction.compact(doc, r.fonts());
                    shown = null;
                }
            } catch (FontCompaction.GlyphFailure f) {
                throw new PaibanException("internal error: cannot embed " + describe(f.text) + " of the font " + f.font
                        + where(r, f.text) + " (" + f.getMessage() + "). This is a paiban bug: please report it"
                        + " with the issue folder", f);
            }
            SubsetTags.normalise(doc);
            return new Master(r, StableSave.internal(doc), photos, shown == null ? null : PageGlyphs.of(shown));
        } catch (IOException | UncheckedIOException e) {
            throw new PaibanException(r.pdf() + ": the rendered issue is not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    /** "圛 (U+571B)", or "a glyph" when the text is unknown. */
    private static String describe(String text) {
        if (text == null || text.isEmpty()) return "a glyph";
        StringBuilder codes = new StringBuilder();
        text.codePoints().forEach(cp -> codes.append(codes.isEmpty() ? "" : " ").append(paiban.core.Unicode.notation(cp)));
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

    /** Which photo each photo image is, by page (0-based) and resource name, from the render stage's names. */
    private static Map<String, String> photoImages(PDDocument doc, RenderedIssue r) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            PDResources resources = doc.getPage(i).getResources();
            if (resources == null) continue;
            for (COSName name : resources.getXObjectNames()) {
                String id = r.photoImages().get(name.getName());
                if (id != null) out.put(i + "/" + name.getName(), id);
            }
        }
        return out;
    }

    /**
     * Which photo ({@link paiban.model.Photo#id}) each image of {@code copy}, a copy of this master, is;
     * an image that is no photo of the copy (the layout's own) is absent.
     */
    Map<COSObjectKey, String> photoIds(PDDocument copy) throws IOException {
        Map<COSObjectKey, String> out = new HashMap<>();
        for (int i = 0; i < copy.getNumberOfPages(); i++) {
            PDResources resources = copy.getPage(i).getResources();
            if (resources == null) continue;
            for (COSName name : resources.getXObjectNames()) {
                String id = photos.get(i + "/" + name.getName());
                if (id != null && resources.getXObject(name) instanceof PDImageXObject image
                        && image.getCOSObject().getKey() != null) {
                    out.put(image.getCOSObject().getKey(), id);
                }
            }
        }
        return out;
    }

    /** Which glyphs each page shows (see {@link PageGlyphs}); null when the fonts' names do not tell them apart. */
    PageGlyphs glyphs() {
        return glyphs;
    }

    RenderedIssue issue() {
        return issue;
    }

    /** A fresh copy to change; the caller closes it. */
    PDDocument open() throws IOException {
        return Loader.loadPDF(pdf);
    }
}
