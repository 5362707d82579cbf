package paiban.render;

import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextReplacedElement;

import java.awt.Point;

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
}
