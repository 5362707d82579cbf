package paiban.render;

import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfTextArray;
import paiban.typeset.Face;
import paiban.typeset.Glyph;
import paiban.typeset.SetLine;

import java.util.List;
import java.util.function.Function;

/**
 * Paints a set line at the typesetter's positions: one TJ array per run of glyphs in the same face and
 * scale, each position a TJ adjustment, so the text layer reads in order and extracts cleanly.
 */
public final class LinePainter {

    private LinePainter() {
    }

    /**
     * Paints {@code line} with its origin at ({@code x0}, {@code y}), in the faces' render fonts (whose
     * outlines the finish stage puts in); call inside a BT … ET block.
     */
    public static void paint(PdfContentByte cb, SetLine line, float x0, float y) {
        paint(cb, line, x0, y, Face::renderFont);
    }

    /** {@link #paint}, with the font each face is painted in chosen by {@code fonts}. */
    public static void paint(PdfContentByte cb, SetLine line, float x0, float y, Function<Face, BaseFont> fonts) {
        if (line.vertical()) {
            paintVertical(cb, line, x0, y, fonts);
            return;
        }
        List<Glyph> glyphs = line.glyphs();
        float size = line.size();
        int i = 0;
        while (i < glyphs.size()) {
            Glyph first = glyphs.get(i);
            BaseFont font = fonts.apply(first.face());
            float scale = first.scale();
            cb.setFontAndSize(font, size);
            cb.setHorizontalScaling(scale * 100f);
            cb.setTextMatrix(x0 + first.x(), y);
            PdfTextArray arr = new PdfTextArray();
            float expected = first.x();
            int j = i;
            while (j < glyphs.size() && glyphs.get(j).face() == first.face() && glyphs.get(j).scale() == scale) {
                Glyph g = glyphs.get(j);
                float shift = g.x() - expected;
                if (Math.abs(shift) > 0.001f) arr.add(-shift * 1000f / (size * scale));
                arr.add(new String(Character.toChars(g.codePoint())));
                expected = g.x() + g.face().advance(g.codePoint()) * size * scale;
                j++;
            }
            cb.showText(arr);
            i = j;
        }
        cb.setHorizontalScaling(100f);
    }

    /**
     * A vertical line, glyph by glyph from the top: {@code x0} is the line's left edge and {@code y} the first
     * glyph's baseline. An upright glyph stands on its own baseline; a sideways one is turned 90° clockwise
     * (text matrix [0 −1 1 0]); a vertical form is drawn as its presentation form, inside a span whose
     * ActualText is the copy's own mark, so that extracted text and {@code paiban check} read ，not ︐.
     */
    private static void paintVertical(PdfContentByte cb, SetLine line, float x0, float y, Function<Face, BaseFont> fonts) {
        float size = line.size();
        float top = y + line.glyphs().stream().findFirst().map(g -> g.face().emTop()).orElse(0.88f) * size;
        for (Glyph g : line.glyphs()) {
            cb.setFontAndSize(fonts.apply(g.face()), size);
            cb.setHorizontalScaling(g.scale() * 100f);
            switch (g.orientation()) {
                case SIDEWAYS -> cb.setTextMatrix(0, -1, 1, 0, x0 + g.across(), top - g.x());
                case UPRIGHT, VERTICAL_FORM -> cb.setTextMatrix(x0 + g.across(), top - g.x() - g.face().emTop() * size);
            }
            String drawn = new String(Character.toChars(g.drawn()));
            if (g.drawn() != g.codePoint()) {
                PdfDictionary span = new PdfDictionary();
                span.put(PdfName.ACTUALTEXT, new PdfString(new String(Character.toChars(g.codePoint())), PdfObject.TEXT_UNICODE));
                cb.beginMarkedContentSequence(PdfName.SPAN, span, true);
                cb.showText(drawn);
                cb.endMarkedContentSequence();
            } else {
                cb.showText(drawn);
            }
        }
        cb.setHorizontalScaling(100f);
    }
}
