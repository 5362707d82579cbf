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
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import paiban.typeset.CffSubset;
import paiban.typeset.Face;
import paiban.typeset.FontBook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Shrinks each embedded CID-keyed CFF font to the glyphs the document shows (see {@link CffSubset}).
 * The glyphs are found by running every page's content, and every annotation's appearance, through a
 * stream engine that records each glyph shown with a composite font. A face of the font book that the
 * renderer embedded with placeholder outlines gets its real ones here, cut from the font file; any other
 * CID-keyed CFF is cut from what is embedded, and left as it was if it cannot be rebuilt, like every
 * other kind of font.
 */
final class FontCompaction extends PDFStreamEngine {

    private static final COSName CID_FONT_TYPE0C = COSName.getPDFName("CIDFontType0C");

    /** Descendant CIDFont dictionary → CIDs shown with it, in the order fonts are first met (dictionaries
     * compare by identity), so that new objects are made in the same order every run. */
    private final Map<COSDictionary, TreeSet<Integer>> shown = new LinkedHashMap<>();
    /** CID → the text it shows, per descendant font, to say which character a failure was about. */
    private final Map<COSDictionary, Map<Integer, String>> texts = new HashMap<>();
    /** The Type 0 font of each descendant shown by {@link IdentityFont}: its texts are read only if a cut fails. */
    private final Map<COSDictionary, COSDictionary> identityFonts = new HashMap<>();
    /** The stand-in for each Identity-H Type 0 font dictionary met, by identity. */
    private final Map<COSDictionary, IdentityFont> standIns = new java.util.IdentityHashMap<>();

    /** A glyph of a face that could not be embedded: a fault of paiban's, reported with its character. */
    static final class GlyphFailure extends RuntimeException {
        final String font;
        final String text;

        GlyphFailure(String font, String text, IOException cause) {
            super(font + ": " + cause.getMessage(), cause);
            this.font = font;
            this.text = text;
        }
    }

    private FontCompaction() {
        addOperator(new BeginText(this));
        addOperator(new EndText(this));
        addOperator(new SetIdentityFontAndSize(this));
        addOperator(new ShowText(this));
        addOperator(new ShowTextAdjusted(this));
        addOperator(new ShowTextLine(this));
        addOperator(new ShowTextLineAndSpace(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new SetGraphicsStateParameters(this));
        addOperator(new DrawObject(this));
    }

    /** Cuts the fonts down to what {@code doc} shows, from what is embedded. */
    static void compact(PDDocument doc) throws IOException {
        compact(doc, null);
    }

    /**
     * Cuts the fonts down to what {@code doc} shows; faces of {@code fonts} embedded with placeholder
     * outlines get their real ones.
     *
     * @throws GlyphFailure when a face's glyph cannot be cut from its font file
     */
    static void compact(PDDocument doc, FontBook fonts) throws IOException {
        cutAll(doc, fonts, false);
    }

    /**
     * As {@link #compact(PDDocument, FontBook)}, and returns what each page's content shows (annotations left
     * out, as {@link #shownByPage} leaves them): descendant CIDFont dictionary → CIDs, in the order the page
     * first shows them. The dictionaries are {@code doc}'s, the same objects after the cut.
     */
    static List<Map<COSDictionary, TreeSet<Integer>>> compactCounting(PDDocument doc, FontBook fonts) throws IOException {
        return cutAll(doc, fonts, true);
    }

    /** Cuts every composite font of {@code doc} to the glyphs shown; with {@code count}, returns them page by page (else null). */
    private static List<Map<COSDictionary, TreeSet<Integer>>> cutAll(PDDocument doc, FontBook fonts, boolean count) throws IOException {
        FontCompaction engine = new FontCompaction();
        List<Map<COSDictionary, TreeSet<Integer>>> pages = count ? new ArrayList<>() : null;
        for (PDPage page : doc.getPages()) {
            engine.page = count ? new LinkedHashMap<>() : null;
            engine.processPage(page);
            if (count) pages.add(engine.page);
            engine.page = null;
            for (PDAnnotation a : page.getAnnotations()) engine.showAnnotation(a);
        }
        for (var e : engine.shown.entrySet()) {
            cut(doc, e.getKey(), e.getValue(), fonts, () -> engine.texts(e.getKey(), e.getValue()));
        }
        return pages;
    }

    /** The glyphs the page being run shows, as {@link #compactCounting} records them; null while not recording. */
    private Map<COSDictionary, TreeSet<Integer>> page;

    /**
     * For each page of {@code doc}, which glyphs of which composite fonts its content shows (annotations
     * left out): descendant CIDFont's object key → CIDs, in the order the page first shows them. One pass
     * over the whole document, so that each page's own file ({@link PagePdfs}) can be cut from a copy of it
     * without loading the fonts and running the page's content again.
     */
    static List<Map<COSObjectKey, TreeSet<Integer>>> shownByPage(PDDocument doc) throws IOException {
        List<Map<COSObjectKey, TreeSet<Integer>>> pages = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            FontCompaction engine = new FontCompaction();
            engine.processPage(page);
            Map<COSObjectKey, TreeSet<Integer>> shown = new LinkedHashMap<>();
            for (var e : engine.shown.entrySet()) {
                COSObjectKey key = e.getKey().getKey();
                if (key == null) return null;  // a font not stored as its own object: cut each page's afresh
                shown.put(key, e.getValue());
            }
            pages.add(shown);
        }
        return pages;
    }

    /**
     * Cuts the fonts of {@code doc}, a copy of the document {@code shown} was taken from (so that its
     * object keys name the same fonts) with fewer pages, down to the glyphs {@code shown} lists.
     */
    static void compactTo(PDDocument doc, Map<COSObjectKey, TreeSet<Integer>> shown) throws IOException {
        for (var e : shown.entrySet()) {
            COSObject font = doc.getDocument().getObjectFromPool(e.getKey());
            if (font.getObject() instanceof COSDictionary descendant) {
                cut(doc, descendant, e.getValue(), null, Map::of);
            }
        }
    }

    /** Replaces the CID-keyed CFF program of {@code descendant} by one holding only {@code cids}. */
    private static void cut(PDDocument doc, COSDictionary descendant, TreeSet<Integer> cids, FontBook fonts,
                            java.util.function.Supplier<Map<Integer, String>> texts) throws IOException {
        if (!(descendant.getDictionaryObject(COSName.FONT_DESC) instanceof COSDictionary descriptor)
                || !(descriptor.getDictionaryObject(COSName.FONT_FILE3) instanceof COSStream program)
                || !CID_FONT_TYPE0C.equals(program.getCOSName(COSName.SUBTYPE))) {
            return;
        }
        String name = untagged(descendant.getNameAsString(COSName.BASE_FONT));
        Face face = fonts == null || name == null ? null : fonts.placeholderFace(name);
        byte[] smaller;
        if (face != null) {
            try {
                smaller = face.outlines(cids);
            } catch (IOException broken) {
                Map<Integer, String> text = texts.get();
                String what = broken instanceof CffSubset.GlyphException g ? text.get(g.cid())
                        : String.join("", new TreeSet<>(text.values()));
                throw new GlyphFailure(name, what, broken);
            }
        } else {
            byte[] original;
            try (InputStream in = program.createInputStream()) {
                original = in.readAllBytes();
            }
            try {
                smaller = CffSubset.subset(original, cids);
            } catch (IOException notUnderstood) {
                return;
            }
            if (smaller.length >= original.length) {
                return;
            }
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

    /** A PDF font name without its subset tag ("ABCDEF+") and without the CMap a Type 0 name may carry. */
    private static String untagged(String name) {
        if (name == null) return null;
        if (name.length() > 7 && name.charAt(6) == '+') name = name.substring(7);
        return name.endsWith("-Identity-H") ? name.substring(0, name.length() - "-Identity-H".length()) : name;
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) {
        if (font instanceof PDType0Font type0) {
            COSDictionary descendant = type0.getDescendantFont().getCOSObject();
            int cid = type0.codeToCID(code);
            if (record(descendant, cid)) {
                String text = type0.toUnicode(code);
                if (text != null) texts.computeIfAbsent(descendant, k -> new HashMap<>()).put(cid, text);
            }
        }
    }

    /** Records that the page shows {@code cid} of {@code descendant}; true if the document had not shown it before. */
    private boolean record(COSDictionary descendant, int cid) {
        if (page != null) page.computeIfAbsent(descendant, k -> new TreeSet<>()).add(cid);
        return shown.computeIfAbsent(descendant, k -> new TreeSet<>()).add(cid);
    }

    /**
     * A string shown with an Identity-H Type 0 font: each two bytes are a CID, recorded without the font program,
     * the glyph widths or the text matrix, none of which says which glyphs are shown. Any other font goes the
     * stream engine's own way, glyph by glyph ({@link #showGlyph}).
     */
    @Override
    protected void showText(byte[] string) throws IOException {
        if (!(getGraphicsState().getTextState().getFont() instanceof IdentityFont f)) {
            super.showText(string);
            return;
        }
        for (int i = 0; i + 1 < string.length; i += 2) record(f.descendant, (string[i] & 0xff) << 8 | string[i + 1] & 0xff);
        // an odd last byte is no whole code; PDFBox reads it as the high byte of one, its low byte 0, and so here
        if (string.length % 2 == 1) record(f.descendant, (string[string.length - 1] & 0xff) << 8);
    }

    /** CID → the text it shows for a font this engine recorded; for an {@link IdentityFont} read now, from its ToUnicode map. */
    private Map<Integer, String> texts(COSDictionary descendant, TreeSet<Integer> cids) {
        COSDictionary type0 = identityFonts.get(descendant);
        Map<Integer, String> out = new HashMap<>(texts.getOrDefault(descendant, Map.of()));
        if (type0 == null) return out;
        try {
            PDFont font = org.apache.pdfbox.pdmodel.font.PDFontFactory.createFont(type0);
            for (int cid : cids) {
                String text = out.containsKey(cid) ? null : font.toUnicode(cid);
                if (text != null) out.put(cid, text);
            }
        } catch (IOException unreadable) {
            // the failure is reported without the characters
        }
        return out;
    }

    /**
     * Tf: an Identity-H Type 0 font (as OpenPDF embeds every CJK face) is set as its {@link IdentityFont}, so that
     * the graphics state carries it through q/Q, forms and annotations as it carries any font; PDFBox then never
     * builds the font itself (parsing its CFF program and ToUnicode map took about a quarter of the master's time
     * in a cold build). Any other font is loaded as the stream engine loads it.
     */
    private static final class SetIdentityFontAndSize extends SetFontAndSize {

        private final FontCompaction engine;

        SetIdentityFontAndSize(FontCompaction engine) {
            super(engine);
            this.engine = engine;
        }

        @Override
        public void process(org.apache.pdfbox.contentstream.operator.Operator operator, List<org.apache.pdfbox.cos.COSBase> arguments)
                throws IOException {
            if (arguments.size() >= 2 && arguments.get(0) instanceof COSName name
                    && arguments.get(1) instanceof org.apache.pdfbox.cos.COSNumber size
                    && engine.getResources() != null
                    && engine.getResources().getCOSObject().getCOSDictionary(COSName.FONT) instanceof COSDictionary fonts
                    && fonts.getDictionaryObject(name) instanceof COSDictionary type0) {
                IdentityFont f = engine.standIn(type0);
                if (f != null) {
                    engine.getGraphicsState().getTextState().setFontSize(size.floatValue());
                    engine.getGraphicsState().getTextState().setFont(f);
                    return;
                }
            }
            super.process(operator, arguments);
        }
    }

    /** The stand-in for {@code type0} if it is an Identity-H Type 0 font with one descendant; else null. */
    private IdentityFont standIn(COSDictionary type0) {
        IdentityFont known = standIns.get(type0);
        if (known != null || standIns.containsKey(type0)) return known;
        IdentityFont made = null;
        if (COSName.TYPE0.equals(type0.getCOSName(COSName.SUBTYPE))
                && COSName.IDENTITY_H.equals(type0.getCOSName(COSName.ENCODING))
                && type0.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof org.apache.pdfbox.cos.COSArray d
                && d.size() == 1 && d.getObject(0) instanceof COSDictionary descendant) {
            made = new IdentityFont(descendant);
            identityFonts.put(descendant, type0);
        }
        standIns.put(type0, made);
        return made;
    }

    /**
     * What the graphics state holds while an Identity-H Type 0 font is set: its descendant, for
     * {@link #showText}. Nothing else of PDFBox's draws with it (this engine draws nothing), so its metrics are
     * never asked for.
     */
    private static final class IdentityFont extends PDFont {

        final COSDictionary descendant;

        IdentityFont(COSDictionary descendant) {
            super(new COSDictionary());
            this.descendant = descendant;
        }

        private static UnsupportedOperationException notDrawn() {
            return new UnsupportedOperationException("a stand-in font of FontCompaction is not drawn with");
        }

        @Override
        protected float getStandard14Width(int code) {
            throw notDrawn();
        }

        @Override
        protected byte[] encode(int unicode) {
            throw notDrawn();
        }

        @Override
        public int readCode(InputStream in) {
            throw notDrawn();
        }

        @Override
        public boolean isVertical() {
            return false;
        }

        @Override
        public void addToSubset(int codePoint) {
            throw notDrawn();
        }

        @Override
        public void subset() {
            throw notDrawn();
        }

        @Override
        public boolean willBeSubset() {
            return false;
        }

        @Override
        public String getName() {
            // PDFont's constructor asks for it (to find a standard 14 font's metrics) before the descendant is set
            return descendant == null ? "" : descendant.getNameAsString(COSName.BASE_FONT);
        }

        @Override
        public org.apache.pdfbox.util.Matrix getFontMatrix() {
            throw notDrawn();
        }

        @Override
        public org.apache.fontbox.util.BoundingBox getBoundingBox() {
            throw notDrawn();
        }

        @Override
        public float getHeight(int code) {
            throw notDrawn();
        }

        @Override
        public float getWidthFromFont(int code) {
            throw notDrawn();
        }

        @Override
        public boolean hasExplicitWidth(int code) {
            throw notDrawn();
        }

        @Override
        public boolean isEmbedded() {
            return true;
        }

        @Override
        public boolean isDamaged() {
            return false;
        }
    }
}
