package paiban.check;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType3CharProc;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every glyph a PDF draws, page by page, with its position, size and font, straight from the
 * text rendering matrix (PDFBox's own text extraction reorders and merges; this keeps everything).
 * It also asks each embedded font program whether it really has the glyph that is drawn.
 *
 * <p>A glyph's text is what an ActualText span around it says, when the span holds one glyph per
 * character of its text (Chromium wraps each glyph whose ToUnicode entry is a radical, ⼴ for 广, in such
 * a span); otherwise its ToUnicode entry, with radicals and compatibility ideographs unified
 * ({@link Radicals}). A Type 3 font, which has no BaseFont, is named by its font descriptor, so that the
 * many Type 3 fonts Chromium cuts one face into are one family again.
 */
final class GlyphReader extends PDFTextStripper {

    private final List<List<PrintedGlyph>> pages = new ArrayList<>();
    private final Map<PDFont, Map<Integer, float[]>> inks = new HashMap<>();
    private final Map<PDFont, Map<Integer, String>> missing = new HashMap<>();
    private List<PrintedGlyph> current;
    private org.apache.pdfbox.pdmodel.common.PDRectangle box;
    private int offPage;
    /** Open marked-content sequences, innermost first: each holds the glyphs drawn inside it so far. */
    private final Deque<Span> spans = new ArrayDeque<>();

    /** A marked-content sequence and its ActualText (or null), holding back its glyphs until it ends. */
    private static final class Span {
        final String actualText;
        final List<PrintedGlyph> glyphs = new ArrayList<>();

        Span(String actualText) {
            this.actualText = actualText;
        }

        /** Its glyphs, each given its character of the ActualText when they pair one to one. */
        List<PrintedGlyph> close() {
            if (actualText == null || actualText.isEmpty()) return glyphs;
            int[] cps = actualText.codePoints().toArray();
            if (glyphs.size() == 1) return List.of(glyphs.getFirst().withText(actualText));
            if (cps.length != glyphs.size()) return glyphs;
            List<PrintedGlyph> out = new ArrayList<>(glyphs.size());
            for (int i = 0; i < cps.length; i++) out.add(glyphs.get(i).withText(new String(Character.toChars(cps[i]))));
            return out;
        }
    }

    private GlyphReader() {
        setSortByPosition(false);
        setSuppressDuplicateOverlappingText(false);
    }

    /** The glyphs of a document: each page's, in drawing order, and how many were drawn off their page. */
    record Glyphs(List<List<PrintedGlyph>> pages, int offPage) {
    }

    static Glyphs read(PDDocument doc) throws IOException {
        GlyphReader r = new GlyphReader();
        r.getText(doc);
        return new Glyphs(r.pages, r.offPage);
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        current = new ArrayList<>();
        pages.add(current);
        box = page.getCropBox();
        super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        // a sequence left open at the page's end (a malformed stream) still gives up its glyphs
        while (!spans.isEmpty()) endMarkedContentSequence();
        super.endPage(page);
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        spans.push(new Span(properties == null ? null : properties.getString(COSName.ACTUAL_TEXT)));
        super.beginMarkedContentSequence(tag, properties);
    }

    @Override
    public void endMarkedContentSequence() {
        Span span = spans.poll();
        if (span != null) (spans.isEmpty() ? current : spans.peek().glyphs).addAll(span.close());
        super.endMarkedContentSequence();
    }

    @Override
    protected void processTextPosition(TextPosition t) {
        PDFont font = t.getFont();
        int[] codes = t.getCharacterCodes();
        if (font == null || codes == null || codes.length == 0) return;
        int code = codes[0];
        Matrix m = t.getTextMatrix();
        if (!box.contains(m.getTranslateX(), m.getTranslateY())) {
            // outside the crop box nothing prints: such glyphs are counted, not proofread
            offPage++;
            return;
        }
        float size = m.getScalingFactorY();
        float hscale = m.getScalingFactorX();
        float advance;
        try {
            advance = font.getWidth(code) / 1000f * hscale;
        } catch (IOException e) {
            advance = t.getWidthDirAdj();
        }
        if (font instanceof PDType3Font) advance = t.getWidthDirAdj();
        String text = t.getUnicode() == null ? "\uFFFD" : Radicals.unify(t.getUnicode());
        String name = name(font);
        if (name.length() > 7 && name.charAt(6) == '+') name = name.substring(7);
        float[] ink = {0, 1};
        int cp = text.codePointAt(0);
        if (Marks.punctuation(cp)) ink = ink(font, code);
        // turned a quarter clockwise ([0 -s s 0]): Latin set sideways in a vertical line
        boolean sideways = Math.abs(m.getValue(0, 0)) < 1e-3f && m.getValue(0, 1) < 0 && m.getValue(1, 0) > 0;
        PrintedGlyph g = new PrintedGlyph(text, m.getTranslateX(), box.getUpperRightY() - m.getTranslateY(), advance, size,
                name, family(name), ink[0], ink[1], lacks(font, code), sideways);
        // inside a marked-content sequence the glyph waits for its end, which may give it its ActualText
        (spans.isEmpty() ? current : spans.peek().glyphs).add(g);
    }

    /** The font's name; a Type 3 font's from its descriptor, if it has one. */
    private static String name(PDFont font) {
        if (font.getName() != null) return font.getName();
        PDFontDescriptor fd = font.getFontDescriptor();
        if (fd != null && fd.getFontName() != null) return fd.getFontName();
        return "?";
    }

    /** Bold and regular of one face are one family for telling body text from the rest. */
    static String family(String name) {
        String n = name.replaceAll("-Identity-[HV]$", "").replaceAll("[,-](Regular|Bold|Light|Medium|Heavy|Black|ExtraLight|SemiBold|DemiBold|Book|Roman|Normal|Italic|BoldItalic)$", "");
        return n.isEmpty() ? name : n;
    }

    private float[] ink(PDFont font, int code) {
        return inks.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(code, c -> {
            try {
                if (font instanceof PDType3Font t3 && font.getWidth(c) > 0) {
                    // a Type 3 glyph declares its ink box with d1 (Chromium's do)
                    PDType3CharProc proc = t3.getCharProc(c);
                    var b = proc == null ? null : proc.getGlyphBBox();
                    float w = font.getWidth(c);
                    if (b != null && b.getWidth() > 0) return new float[] {b.getLowerLeftX() / w, b.getUpperRightX() / w};
                } else if (font instanceof PDVectorFont v && font.getWidth(c) > 0) {
                    Rectangle2D b = v.getNormalizedPath(c).getBounds2D();
                    float w = font.getWidth(c);
                    if (!b.isEmpty()) return new float[] {(float) b.getMinX() / w, (float) b.getMaxX() / w};
                }
            } catch (IOException e) {
                // no outline to measure: treat the mark as full width
            }
            return new float[] {0, 1};
        });
    }

    /** Why the glyph for {@code code} will not print from this font, or null when it will. */
    private String lacks(PDFont font, int code) {
        return missing.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(code, c -> {
            if (font instanceof PDType3Font) return null;
            if (!font.isEmbedded()) return "font " + font.getName() + " is not embedded";
            try {
                if (font instanceof PDType0Font t0 && t0.codeToGID(c) == 0) return "glyph 0 (.notdef) in " + font.getName();
                if (font instanceof PDVectorFont v && !v.hasGlyph(c)) return "no glyph in " + font.getName();
            } catch (IOException e) {
                return "unreadable font program " + font.getName();
            }
            return null;
        });
    }
}
