package paiban.finish;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads back what colour each glyph, fill and stroke on a page is painted in, as a RIP would see it:
 * the graphics state's colour at the moment of painting, after every operator has run.
 */
final class Colours extends PDFGraphicsStreamEngine {

    record Glyph(String text, String space, float[] colour) {
    }

    record Stroke(PDRectangle box, String space, float[] colour) {
    }

    private record Fill(PDRectangle box, float[] colour) {
    }

    private final List<Glyph> glyphs = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<Stroke> strokes = new ArrayList<>();
    private Rectangle2D path;
    private Point2D current = new Point2D.Float();

    private Colours(PDPage page) {
        super(page);
    }

    static Colours of(PDDocument doc, int pageIndex) throws IOException {
        Colours c = new Colours(doc.getPage(pageIndex));
        c.processPage(doc.getPage(pageIndex));
        return c;
    }

    /** The fill colour of the first glyph of {@code text}; every glyph of it must share that colour. */
    float[] textColour(String text) {
        StringBuilder all = new StringBuilder();
        for (Glyph g : glyphs) all.append(g.text());
        int at = all.indexOf(text);
        if (at < 0) throw new AssertionError("'" + text + "' not on the page");
        float[] first = glyphs.get(at).colour();
        for (int i = at; i < at + text.length(); i++) {
            if (!java.util.Arrays.equals(first, glyphs.get(i).colour())) {
                throw new AssertionError("'" + text + "' changes colour inside");
            }
        }
        if (!glyphs.get(at).space().equals("DeviceCMYK")) {
            throw new AssertionError("'" + text + "' is painted in " + glyphs.get(at).space());
        }
        return first;
    }

    List<float[]> fills(Predicate<PDRectangle> which) {
        return fills.stream().filter(f -> which.test(f.box())).map(Fill::colour).toList();
    }

    List<Stroke> strokes() {
        return strokes;
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
        String text = font.toUnicode(code);
        PDColor c = getGraphicsState().getNonStrokingColor();
        for (char ch : (text == null ? "\uFFFD" : text).toCharArray()) {
            glyphs.add(new Glyph(String.valueOf(ch), c.getColorSpace().getName(), c.getComponents()));
        }
        super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    private void add(Point2D p) {
        if (path == null) path = new Rectangle2D.Double(p.getX(), p.getY(), 0, 0);
        else path.add(p);
    }

    private PDRectangle box() {
        Rectangle2D r = path == null ? new Rectangle2D.Double() : path;
        return new PDRectangle((float) r.getX(), (float) r.getY(), (float) r.getWidth(), (float) r.getHeight());
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        add(p0);
        add(p1);
        add(p2);
        add(p3);
    }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
        add(current);
    }

    @Override
    public void lineTo(float x, float y) {
        current = new Point2D.Float(x, y);
        add(current);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        lineTo(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
        path = null;
    }

    @Override
    public void strokePath() {
        PDColor c = getGraphicsState().getStrokingColor();
        strokes.add(new Stroke(box(), c.getColorSpace().getName(), c.getComponents()));
        path = null;
    }

    @Override
    public void fillPath(int windingRule) {
        PDColor c = getGraphicsState().getNonStrokingColor();
        if (c.getColorSpace().getName().equals("DeviceCMYK")) fills.add(new Fill(box(), c.getComponents()));
        else fills.add(new Fill(box(), new float[]{-1}));
        path = null;
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        fillPath(windingRule);
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void drawImage(PDImage pdImage) {
    }

    @Override
    public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
    }
}
