package paiban.finish;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLine;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLineAndSpace;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Shrinks each embedded CID-keyed CFF font to the glyphs the document shows (see {@link CffSubset}).
 * The glyphs are found by running every page's content, and every annotation's appearance, through a
 * stream engine that records each glyph shown with a composite font. A font program that cannot be
 * rebuilt is left as it was, and so is every other kind of font.
 */
final class FontCompaction extends PDFStreamEngine {

    private static final COSName CID_FONT_TYPE0C = COSName.getPDFName("CIDFontType0C");

    /** Descendant CIDFont dictionary → CIDs shown with it, in the order fonts are first met (dictionaries
     * compare by identity), so that new objects are made in the same order every run. */
    private final Map<COSDictionary, TreeSet<Integer>> shown = new LinkedHashMap<>();

    private FontCompaction() {
        addOperator(new BeginText(this));
        addOperator(new EndText(this));
        addOperator(new SetFontAndSize(this));
        addOperator(new ShowText(this));
        addOperator(new ShowTextAdjusted(this));
        addOperator(new ShowTextLine(this));
        addOperator(new ShowTextLineAndSpace(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new SetGraphicsStateParameters(this));
        addOperator(new DrawObject(this));
    }

    static void compact(PDDocument doc) throws IOException {
        FontCompaction engine = new FontCompaction();
        for (PDPage page : doc.getPages()) {
            engine.processPage(page);
            for (PDAnnotation a : page.getAnnotations()) engine.showAnnotation(a);
        }
        for (var e : engine.shown.entrySet()) {
            if (!(e.getKey().getDictionaryObject(COSName.FONT_DESC) instanceof COSDictionary descriptor)
                    || !(descriptor.getDictionaryObject(COSName.FONT_FILE3) instanceof COSStream program)
                    || !CID_FONT_TYPE0C.equals(program.getCOSName(COSName.SUBTYPE))) {
                continue;
            }
            byte[] original;
            try (InputStream in = program.createInputStream()) {
                original = in.readAllBytes();
            }
            byte[] smaller;
            try {
                smaller = CffSubset.subset(original, e.getValue());
            } catch (IOException notUnderstood) {
                continue;
            }
            if (smaller.length >= original.length) {
                continue;
            }
            COSStream replacement = doc.getDocument().createCOSStream();
            replacement.setItem(COSName.SUBTYPE, CID_FONT_TYPE0C);
            try (OutputStream os = replacement.createOutputStream(COSName.FLATE_DECODE)) {
                os.write(smaller);
            }
            descriptor.setItem(COSName.FONT_FILE3, replacement);
            // A CIDSet lists the glyphs present; the old one would now overstate them.
            descriptor.removeItem(COSName.CID_SET);
        }
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) {
        if (font instanceof PDType0Font type0) {
            shown.computeIfAbsent(type0.getDescendantFont().getCOSObject(), k -> new TreeSet<>())
                    .add(type0.codeToCID(code));
        }
    }
}
