package paiban.check;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a page draws its images, in the page's own coordinates (y up): each image's unit square carried
 * through the transformation in force when it is drawn. The furniture check measures an ad by it.
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

    // the paths, clips and shadings draw nothing an ad is measured by
    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
    }

    @Override
    public void lineTo(float x, float y) {
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float();
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
