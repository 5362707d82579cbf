package paiban.finish;

import org.apache.pdfbox.Loader;
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
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FontCompaction} reads the glyphs an Identity-H Type 0 font shows straight from the strings, without
 * letting PDFBox build the font. Whatever it finds must be what PDFBox's own glyph-by-glyph path finds, font by
 * font, glyph by glyph and in the same order (the order fonts are met decides the order objects are written),
 * on a rendered issue and where the font in force changes across q/Q, a form and TJ arrays.
 */
class FontCompactionEngineTest {

    /** PDFBox's own way: every glyph through the font, as FontCompaction did before it read the strings itself. */
    private static final class Reference extends PDFStreamEngine {

        private Map<COSObjectKey, TreeSet<Integer>> page;

        Reference() {
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

        List<Map<COSObjectKey, TreeSet<Integer>>> shown(PDDocument doc) throws IOException {
            List<Map<COSObjectKey, TreeSet<Integer>>> out = new ArrayList<>();
            for (PDPage p : doc.getPages()) {
                page = new LinkedHashMap<>();
                processPage(p);
                out.add(page);
            }
            return out;
        }

        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) {
            if (font instanceof PDType0Font type0) {
                page.computeIfAbsent(type0.getDescendantFont().getCOSObject().getKey(), k -> new TreeSet<>())
                        .add(type0.codeToCID(code));
            }
        }
    }

    private static List<List<Map.Entry<COSObjectKey, TreeSet<Integer>>>> inOrder(List<Map<COSObjectKey, TreeSet<Integer>>> pages) {
        return pages.stream().map(m -> List.copyOf(m.entrySet())).toList();
    }

    @Test
    void theRenderedIssueShowsTheSameGlyphsEitherWay() throws IOException {
        try (PDDocument doc = Loader.loadPDF(RenderedFixture.shared().pdf().toFile())) {
            List<Map<COSObjectKey, TreeSet<Integer>>> reference = new Reference().shown(doc);
            assertTrue(reference.stream().mapToInt(m -> m.values().stream().mapToInt(TreeSet::size).sum()).sum() > 200,
                    "the fixture shows CJK text in Type 0 fonts");
            List<Map<COSObjectKey, TreeSet<Integer>>> fast = FontCompaction.shownByPage(doc);
            assertNotNull(fast);
            assertEquals(inOrder(reference), inOrder(fast));
        }
    }

    @Test
    void theFontInForceFollowsSaveRestoreFormsAndTextArrays() throws IOException {
        try (PDDocument doc = Loader.loadPDF(RenderedFixture.shared().pdf().toFile())) {
            PDPage page = doc.getPage(0);
            PDResources resources = page.getResources();
            COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
            List<COSName> identity = new ArrayList<>();
            for (COSName name : fonts.keySet()) {
                if (fonts.getDictionaryObject(name) instanceof COSDictionary f
                        && COSName.TYPE0.equals(f.getCOSName(COSName.SUBTYPE))
                        && COSName.IDENTITY_H.equals(f.getCOSName(COSName.ENCODING))) {
                    identity.add(name);
                }
            }
            assertTrue(identity.size() >= 2, "two Identity-H fonts on page 1: " + identity);
            String a = identity.get(0).getName(), b = identity.get(1).getName();

            PDFormXObject form = new PDFormXObject(doc);
            form.setResources(resources);
            form.setBBox(new PDRectangle(0, 0, 100, 100));
            try (OutputStream os = form.getContentStream().createOutputStream()) {
                os.write(("BT /" + b + " 9 Tf <0006> Tj ET").getBytes(StandardCharsets.US_ASCII));
            }
            resources.put(COSName.getPDFName("PaibanTestForm"), form);
            // a's font is in force after Q and after the form, though b was set inside each
            COSStream extra = doc.getDocument().createCOSStream();
            try (OutputStream os = extra.createOutputStream()) {
                os.write(("BT /" + a + " 9 Tf ET q BT /" + b + " 9 Tf <0003> Tj ET Q BT <0004> Tj ET"
                        + " /PaibanTestForm Do BT <0005> Tj [<0007> -20 <00080009>] TJ <000A> ' 1 2 <000B> \" ET"
                        + " BT <00> Tj <0102AB> Tj ET").getBytes(StandardCharsets.US_ASCII));
            }
            COSArray contents = new COSArray();
            COSBase was = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            if (was instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) contents.add(array.get(i));
            } else {
                contents.add(page.getCOSObject().getItem(COSName.CONTENTS));
            }
            contents.add(extra);
            page.getCOSObject().setItem(COSName.CONTENTS, contents);

            List<Map<COSObjectKey, TreeSet<Integer>>> reference = new Reference().shown(doc);
            COSObjectKey fontA = descendant(fonts, a), fontB = descendant(fonts, b);
            // an odd last byte: PDFBox reads it as a code's high byte (<00> is CID 0, <0102AB> CIDs 0x0102, 0xAB00)
            for (int cid : List.of(0, 4, 5, 7, 8, 9, 10, 11, 0x0102, 0xAB00)) {
                assertTrue(reference.get(0).get(fontA).contains(cid), "PDFBox shows CID " + cid + " with " + a);
            }
            for (int cid : List.of(3, 6)) {
                assertTrue(reference.get(0).get(fontB).contains(cid), "PDFBox shows CID " + cid + " with " + b);
            }
            assertEquals(inOrder(reference), inOrder(FontCompaction.shownByPage(doc)));
        }
    }

    private static COSObjectKey descendant(COSDictionary fonts, String name) {
        COSDictionary type0 = (COSDictionary) fonts.getDictionaryObject(COSName.getPDFName(name));
        COSArray d = (COSArray) type0.getDictionaryObject(COSName.DESCENDANT_FONTS);
        return ((COSDictionary) d.getObject(0)).getKey();
    }
}
