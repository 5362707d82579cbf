package paiban.render;

import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.Optional;

/**
 * What the replaced elements paiban paints itself (the set text, the photos) share: a fixed size in
 * Flying Saucer's dots, a location Flying Saucer sets, no baseline and no interaction. Each says only how
 * it paints.
 */
abstract class PaintedElement implements ITextReplacedElement {

    private final int width;
    private final int height;
    private Point location = new Point(0, 0);

    PaintedElement(int widthDots, int heightDots) {
        this.width = widthDots;
        this.height = heightDots;
    }

    @Override
    public int getIntrinsicWidth() {
        return width;
    }

    @Override
    public int getIntrinsicHeight() {
        return height;
    }

    @Override
    public Point getLocation() {
        return location;
    }

    @Override
    public void setLocation(int x, int y) {
        location = new Point(x, y);
    }

    @Override
    public void detach(LayoutContext c) {
    }

    @Override
    public boolean isRequiresInteractivePaint() {
        return false;
    }

    @Override
    public boolean hasBaseline() {
        return false;
    }

    @Override
    public int getBaseline() {
        return 0;
    }

    /**
     * Where a painted frame stands on the PDF page, in points with y up: its top-left corner and its size.
     */
    record Frame(float left, float top, float width, float height) {
    }

    /**
     * The box's content area as a frame in PDF space, or empty when it has no area (nothing to paint):
     * Flying Saucer lays out in dots from the page's top, the PDF content stream counts points from its foot.
     */
    static Optional<Frame> frame(RenderingContext c, ITextOutputDevice device, BlockBox box) {
        Rectangle area = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
        AffineTransform t = device.getTransform();
        Point2D topLeft = t.transform(new Point2D.Double(area.x, area.y), null);
        Point2D bottomRight = t.transform(new Point2D.Double(area.x + area.width, area.y + area.height), null);
        float pageHeight = c.getPage().getHeight(c) / device.getDotsPerPoint();
        float w = (float) (bottomRight.getX() - topLeft.getX());
        float h = (float) (bottomRight.getY() - topLeft.getY());
        if (w <= 0 || h <= 0) return Optional.empty();
        return Optional.of(new Frame((float) topLeft.getX(), pageHeight - (float) topLeft.getY(), w, h));
    }
}
