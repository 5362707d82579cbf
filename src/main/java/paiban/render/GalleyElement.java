package paiban.render;

import org.openpdf.text.pdf.PdfContentByte;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;
import paiban.compose.PlacedLine;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.List;

/**
 * A Flying Saucer replaced element that paints a page's set text straight onto OpenPDF's content
 * stream, glyph by glyph at the positions the typesetter and composer chose. Flying Saucer keeps the
 * template, boxes and images; the Chinese line setting is ours.
 */
final class GalleyElement extends PaintedElement {

    private final List<PlacedLine> lines;

    GalleyElement(List<PlacedLine> lines, int widthDots, int heightDots) {
        super(widthDots, heightDots);
        this.lines = lines;
    }

    @Override
    public void paint(RenderingContext c, ITextOutputDevice device, BlockBox box) {
        Rectangle area = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
        AffineTransform t = device.getTransform();
        Point2D origin = t.transform(new Point2D.Double(area.x, area.y), null);
        float pageHeight = c.getPage().getHeight(c) / device.getDotsPerPoint();
        float left = (float) origin.getX();
        float top = pageHeight - (float) origin.getY();

        PdfContentByte cb = device.getCurrentPage();
        cb.saveState();
        int color = -1;
        cb.beginText();
        for (PlacedLine line : lines) {
            if (line.color() != color) {
                color = line.color();
                cb.setRGBColorFill((color >> 16) & 0xff, (color >> 8) & 0xff, color & 0xff);
            }
            float y = top - line.baseline();
            // Flying Saucer paints this element on every page its box reaches; a line off this page
            // would print nowhere and only duplicate the text layer
            if (y < 0 || y > pageHeight) continue;
            LinePainter.paint(cb, line.line(), left + line.x(), y);
        }
        cb.endText();
        cb.restoreState();
    }
}
