package paiban.copy;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDAbstractPattern;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import paiban.core.PaibanException;
import paiban.model.Photo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An ad supplied as a PDF: its first page is placed as it is drawn, scaled to its frame (render imports it
 * as a form XObject). Every edition must stay valid with it, so what one of them could not carry is
 * refused here, naming the ad: an encrypted file (PDF/A forbids encryption, and its content could not be
 * copied), a file with no pages, a turned page, a font that is not embedded (the press and the archive need
 * every glyph's outline) and transparency (soft masks, alpha below 1, blend modes), which the archive's and
 * the press's flattening would be left to guess at. Colour is the finish stage's: print converts RGB to CMYK
 * and holds the ad's own CMYK to the ink limit, naming the ad when it cannot.
 */
final class AdPdf {

    private AdPdf() {
    }

    /**
     * The ad's first page as a vector "photo": its size in points (the TrimBox, else the CropBox) for its
     * proportions. {@code here} names the ad: "issue.yaml:31: ads[2] (某某)".
     */
    static Photo read(Path file, String name, String here) {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw new PaibanException(here + ": " + name + " is encrypted with a password; ask for the ad without one"
                    + " (no security settings)");
        } catch (IOException e) {
            throw new PaibanException(here + ": " + name + " is not a readable PDF (" + e.getMessage() + "); ask for the"
                    + " ad again as PDF/X, or as a JPEG or PNG of at least 300 dpi at its printed size");
        }
        try (doc) {
            if (doc.isEncrypted()) {
                throw new PaibanException(here + ": " + name + " is encrypted (security settings restrict it); the archive"
                        + " (PDF/A) cannot carry encrypted content: ask for the ad without security settings");
            }
            if (doc.getNumberOfPages() == 0) {
                throw new PaibanException(here + ": " + name + " has no pages; ask for the ad again");
            }
            PDPage page = doc.getPage(0);
            if (page.getRotation() % 360 != 0) {
                throw new PaibanException(here + ": " + name + "'s first page is turned by /Rotate " + page.getRotation()
                        + "; ask for the ad upright, as it is printed");
            }
            new Check(here, name).resources(page.getResources(), "its first page");
            PDRectangle box = page.getCOSObject().containsKey(COSName.TRIM_BOX) ? page.getTrimBox() : page.getCropBox();
            int w = Math.round(box.getWidth()), h = Math.round(box.getHeight());
            if (w < 1 || h < 1) {
                throw new PaibanException(here + ": " + name + "'s first page is empty (" + box + "); ask for the ad again");
            }
            return new Photo(name, file, "", "", w, h, 1, true);
        } catch (IOException e) {
            throw new PaibanException(here + ": " + name + " cannot be read (" + e.getMessage() + "); ask for the ad again"
                    + " as PDF/X", e);
        }
    }

    /** Walks the page's resources, its forms', patterns' and Type 3 fonts' too, each once. */
    private static final class Check {
        private final String here;
        private final String name;
        private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        Check(String here, String name) {
            this.here = here;
            this.name = name;
        }

        void resources(PDResources r, String where) throws IOException {
            if (r == null || !seen.add(r.getCOSObject())) return;
            for (COSName n : r.getFontNames()) {
                PDFont font = r.getFont(n);
                if (font == null) continue;
                if (font instanceof PDType3Font t3) {
                    resources(t3.getResources(), "its Type 3 font " + n.getName());
                } else if (!font.isEmbedded()) {
                    throw new PaibanException(here + ": " + name + " uses the font " + font.getName() + " (in " + where
                            + ") without embedding it; the press and the archive need every font embedded: ask for the ad"
                            + " with all fonts embedded (PDF/X)");
                }
            }
            for (COSName n : r.getExtGStateNames()) {
                PDExtendedGraphicsState gs = r.getExtGState(n);
                if (gs == null) continue;
                Float fill = gs.getNonStrokingAlphaConstant(), stroke = gs.getStrokingAlphaConstant();
                BlendMode blend = gs.getBlendMode();
                COSBase mask = gs.getCOSObject().getDictionaryObject(COSName.SMASK);
                if (fill != null && fill < 1 || stroke != null && stroke < 1
                        || blend != null && blend != BlendMode.NORMAL && blend != BlendMode.COMPATIBLE
                        || mask != null && !COSName.NONE.equals(mask)) {
                    transparency("the graphics state " + n.getName() + " in " + where);
                }
            }
            for (COSName n : r.getXObjectNames()) {
                PDXObject x = r.getXObject(n);
                if (x instanceof PDImageXObject image) {
                    if (image.getCOSObject().containsKey(COSName.SMASK)) transparency("the image " + n.getName() + " in " + where);
                } else if (x instanceof PDFormXObject form) {
                    if (form.getGroup() != null
                            && COSName.TRANSPARENCY.equals(form.getGroup().getCOSObject().getCOSName(COSName.S))) {
                        transparency("the form " + n.getName() + " in " + where);
                    }
                    resources(form.getResources(), "the form " + n.getName());
                }
            }
            for (COSName n : r.getPatternNames()) {
                PDAbstractPattern p = r.getPattern(n);
                if (p instanceof PDTilingPattern t && t.getCOSObject() instanceof COSStream) {
                    resources(t.getResources(), "the pattern " + n.getName());
                }
            }
        }

        private void transparency(String what) {
            throw new PaibanException(here + ": " + name + " uses transparency (" + what + "); ask for the ad flattened,"
                    + " without transparency (PDF/X-1a or PDF/X-3)");
        }
    }
}
