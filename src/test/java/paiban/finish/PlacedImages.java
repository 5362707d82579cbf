package paiban.finish;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For tests: finds, independently of what the finish stage was told, how large each image is placed: the current transformation matrix at its {@code Do} maps the
 * unit square onto the page, so its scale factors are the placed width and height in points. An image
 * placed more than once keeps its largest placement, which is the one that needs the most pixels.
 */
final class PlacedImages extends PDFStreamEngine {

    /**
     * One image as placed.
     *
     * @param page   1-based number of the first page it stands on at this size
     * @param name   its resource name there, for messages
     */
    record Placement(COSStream image, int page, String name, int pixelWidth, int pixelHeight,
                     double widthPt, double heightPt) {

        /** Effective resolution: pixels per inch at the placed size, the poorer of the two directions. */
        double dpi() {
            return Math.min(pixelWidth / (widthPt / 72), pixelHeight / (heightPt / 72));
        }

        /** The placed size in millimetres, e.g. "60 × 45 mm". */
        String size() {
            return Math.round(widthPt / 72 * 25.4) + " × " + Math.round(heightPt / 72 * 25.4) + " mm";
        }
    }

    private final Map<COSStream, Placement> found = new LinkedHashMap<>();
    private int page;

    private PlacedImages() {
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new Concatenate(this));
        addOperator(new DrawObject(this));
    }

    /** Every image XObject drawn on some page, by its stream. */
    static Map<COSStream, Placement> find(PDDocument doc) throws IOException {
        PlacedImages engine = new PlacedImages();
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            engine.page = i + 1;
            engine.processPage(doc.getPage(i));
        }
        return engine.found;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name) {
            PDResources resources = getResources();
            PDXObject x = resources == null ? null : resources.getXObject(name);
            if (x instanceof PDImageXObject image && image.getWidth() > 0 && image.getHeight() > 0) {
                Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                double w = ctm.getScalingFactorX();
                double h = ctm.getScalingFactorY();
                if (w > 0 && h > 0) {
                    Placement p = new Placement(image.getCOSObject(), page, name.getName(), image.getWidth(),
                            image.getHeight(), w, h);
                    found.merge(image.getCOSObject(), p, (old, now) -> now.dpi() < old.dpi() ? now : old);
                }
            }
        }
        super.processOperator(operator, operands);
    }
}
