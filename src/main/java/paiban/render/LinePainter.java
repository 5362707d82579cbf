package paiban.render;

import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
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
}
