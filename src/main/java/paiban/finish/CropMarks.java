package paiban.finish;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.function.PDFunction;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;

import java.io.IOException;
import java.util.Locale;

/**
 * Crop marks for the plant: at each corner of the trim, two hairlines in the registration colour
 * (Separation /All, so every plate gets them), starting outside the bleed so a trim never shows them.
 */
final class CropMarks {

    static final float MM = paiban.core.Units.POINTS_PER_MM;
    /** Marks begin this far from the trim: the 3 mm bleed plus 1 mm of air. */
    static final float FROM = 4 * MM;
    static final float LENGTH = 6 * MM;
    /** Media margin around the trim when marks are drawn. */
    static final float MARGIN = FROM + LENGTH + 2 * MM;

    private CropMarks() {
    }

    /** The registration colour: a separation named All whose alternate is 100 % of every process ink. */
    static PDSeparation registration() throws IOException {
        PDSeparation all = new PDSeparation();
        all.setColorantName("All");
        all.setAlternateColorSpace(PDDeviceCMYK.INSTANCE);
        COSDictionary f = new COSDictionary();
        f.setInt(COSName.FUNCTION_TYPE, 2);
        f.setItem(COSName.DOMAIN, array(0, 1));
        f.setItem(COSName.C0, array(0, 0, 0, 0));
        f.setItem(COSName.C1, array(1, 1, 1, 1));
        f.setInt(COSName.N, 1);
        all.setTintTransform(PDFunction.create(f));
        return all;
    }

    private static COSArray array(int... values) {
        COSArray a = new COSArray();
        for (int v : values) a.add(COSInteger.get(v));
        return a;
    }

    /** Content-stream operators drawing the marks around {@code trim}, stroking in colour space {@code cs}. */
    static String draw(PDRectangle trim, COSName cs) {
        float l = trim.getLowerLeftX(), b = trim.getLowerLeftY(), r = trim.getUpperRightX(), t = trim.getUpperRightY();
        StringBuilder s = new StringBuilder("q 0.25 w 0 J [] 0 d /" + cs.getName() + " CS 1 SCN\n");
        for (float x : new float[]{l, r}) {
            float out = x == l ? -1 : 1;
            for (float y : new float[]{b, t}) {
                float up = y == b ? -1 : 1;
                line(s, x + out * FROM, y, x + out * (FROM + LENGTH), y);
                line(s, x, y + up * FROM, x, y + up * (FROM + LENGTH));
            }
        }
        return s.append("Q\n").toString();
    }

    private static void line(StringBuilder s, float x1, float y1, float x2, float y2) {
        s.append(String.format(Locale.ROOT, "%.3f %.3f m %.3f %.3f l S\n", x1, y1, x2, y2));
    }
}
