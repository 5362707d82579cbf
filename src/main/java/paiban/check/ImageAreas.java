package paiban.check;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a page draws its images and forms, in the page's own coordinates (y up): each image's unit square
 * carried through the transformation in force when it is drawn, each form's bounding box too, within the
 * clip. The furniture check measures an ad by it.
 */
final class ImageAreas extends PDFGraphicsStreamEngine {

    private final List<Rectangle2D> areas = new ArrayList<>();

    private ImageAreas(PDPage page) {
        super(page);
    }

    static List<Rectangle2D> of(PDPage page) throws IOException {
        ImageAreas a = new ImageAreas(page);
        a.processPage(page);
        return a.areas;
    }

    @Override
    public void drawImage(PDImage image) {
        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
        Rectangle2D r = null;
        for (float[] c : new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
            Point2D.Float p = m.transformPoint(c[0], c[1]);
            if (r == null) r = new Rectangle2D.Double(p.x, p.y, 0, 0);
            else r.add(p);
        }
        areas.add(r);
    }

    /**
     * A form (a PDF ad, placed as drawn) is measured by its bounding box where it is drawn, within the
     * clip in force: an ad's page is clipped to its trim, and its bleed is no part of the ad.
     */
    @Override
    public void showForm(PDFormXObject form) throws IOException {
        if (form.getBBox() != null) {
            Matrix m = form.getMatrix().multiply(getGraphicsState().getCurrentTransformationMatrix());
            var b = form.getBBox();
            Rectangle2D r = null;
            for (float[] c : new float[][] {{b.getLowerLeftX(), b.getLowerLeftY()}, {b.getUpperRightX(), b.getLowerLeftY()},
                    {b.getLowerLeftX(), b.getUpperRightY()}, {b.getUpperRightX(), b.getUpperRightY()}}) {
                Point2D.Float p = m.transformPoint(c[0], c[1]);
                if (r == null) r = new Rectangle2D.Double(p.x, p.y, 0, 0);
                else r.add(p);
            }
            Rectangle2D clip = getGraphicsState().getCurrentClippingPath().getBounds2D();
            areas.add(r.createIntersection(clip));
        }
        super.showForm(form);
    }

    // paths draw nothing an ad is measured by, but a clip bounds a form's area
    private final GeneralPath path = new GeneralPath();
    private int clipRule = -1;

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.moveTo(p0.getX(), p0.getY());
        path.lineTo(p1.getX(), p1.getY());
        path.lineTo(p2.getX(), p2.getY());
        path.lineTo(p3.getX(), p3.getY());
        path.closePath();
    }

    @Override
    public void clip(int windingRule) {
        clipRule = windingRule; // takes effect when the path ends, as in PDF
    }

    @Override
    public void moveTo(float x, float y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        path.lineTo(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        path.curveTo(x1, y1, x2, y2, x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        Point2D p = path.getCurrentPoint();
        return p != null ? p : new Point2D.Float();
    }

    @Override
    public void closePath() {
        path.closePath();
    }

    /** Every painting operator ends the path, applying a pending clip first. */
    private void end() {
        if (clipRule >= 0) {
            path.setWindingRule(clipRule);
            getGraphicsState().intersectClippingPath(path);
            clipRule = -1;
        }
        path.reset();
    }

    @Override
    public void endPath() {
        end();
    }

    @Override
    public void strokePath() {
        end();
    }

    @Override
    public void fillPath(int windingRule) {
        end();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        end();
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
