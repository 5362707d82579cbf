package paiban.finish;

import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDCalGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDCalRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceN;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Rewrites the colour operators of content streams for the press. Greys and black become K alone
 * ({@code 0 0 0 rg} → {@code 0 0 0 1 k}), so that body text and rules print in one ink and never as a
 * rich black that would misregister on newsprint; any other RGB colour goes through the CMYK profile.
 * Operators that select an RGB colour space ({@code /DeviceRGB cs … sc}) are rewritten the same way.
 * Everything else in the stream, text included, is written back unchanged.
 */
final class ContentColours {

    /** Channels within one part in a hundred count as grey: renderers round 51/255 to 0.2 and so on. */
    private static final float GREY_TOLERANCE = 0.01f;

    private enum Space { GRAY, RGB, OTHER }

    private final CmykTransform transform;
    private final Set<COSStream> doneForms = Collections.newSetFromMap(new IdentityHashMap<>());

    ContentColours(CmykTransform transform) {
        this.transform = transform;
    }

    /** The rewritten content of a page or form, serialised; the caller wraps and stores it. */
    byte[] rewrite(PDContentStream content) throws IOException {
        List<Object> tokens;
        PDFStreamParser parser = new PDFStreamParser(content);
        tokens = parser.parse();
        List<Object> out = rewrite(tokens, content.getResources());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ContentStreamWriter(bytes).writeTokens(out);
        return bytes.toByteArray();
    }

    /** Rewrites every form XObject reachable from {@code resources}, each once. */
    void rewriteForms(PDResources resources) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form && doneForms.add(form.getCOSObject())) {
                byte[] data = rewrite(form);
                try (OutputStream os = form.getCOSObject().createOutputStream(COSName.FLATE_DECODE)) {
                    os.write(data);
                }
                groupToCmyk(form.getCOSObject());
                rewriteForms(form.getResources());
            }
        }
    }

    /** A transparency group blending in RGB would bring RGB back; it blends in CMYK instead. */
    static void groupToCmyk(COSDictionary pageOrForm) {
        if (pageOrForm.getDictionaryObject(COSName.GROUP) instanceof COSDictionary group
                && group.getDictionaryObject(COSName.CS) != null) {
            group.setItem(COSName.CS, COSName.DEVICECMYK);
        }
    }

    private List<Object> rewrite(List<Object> tokens, PDResources resources) throws IOException {
        List<Object> out = new ArrayList<>(tokens.size());
        List<COSBase> operands = new ArrayList<>();
        Deque<Space[]> saved = new ArrayDeque<>();
        Space[] space = {Space.GRAY, Space.GRAY}; // fill, stroke: DeviceGray is the initial colour space
        for (Object token : tokens) {
            if (token instanceof COSBase b) {
                operands.add(b);
                continue;
            }
            Operator op = (Operator) token;
            String name = op.getName();
            boolean stroke = !name.isEmpty() && Character.isUpperCase(name.charAt(0));
            int side = stroke ? 1 : 0;
            switch (name) {
                case "q" -> {
                    saved.push(space.clone());
                    emit(out, operands, op);
                }
                case "Q" -> {
                    if (!saved.isEmpty()) space = saved.pop();
                    emit(out, operands, op);
                }
                case "rg", "RG" -> {
                    float[] rgb = numbers(operands, 3);
                    if (rgb == null) {
                        emit(out, operands, op);
                    } else {
                        cmyk(out, rgb, stroke);
                        operands.clear();
                    }
                    space[side] = Space.OTHER;
                }
                case "g", "G" -> {
                    float[] grey = numbers(operands, 1);
                    if (grey == null) {
                        emit(out, operands, op);
                    } else {
                        cmyk(out, new float[]{grey[0], grey[0], grey[0]}, stroke);
                        operands.clear();
                    }
                    space[side] = Space.OTHER;
                }
                case "k", "K" -> {
                    space[side] = Space.OTHER;
                    emit(out, operands, op);
                }
                case "cs", "CS" -> {
                    Space s = operands.size() == 1 && operands.get(0) instanceof COSName n
                            ? classify(n, resources) : Space.OTHER;
                    space[side] = s;
                    if (s == Space.OTHER) {
                        emit(out, operands, op);
                    } else {
                        // Selecting a colour space sets its initial colour, black: say that in CMYK.
                        cmyk(out, new float[]{0, 0, 0}, stroke);
                        operands.clear();
                    }
                }
                case "sc", "scn", "SC", "SCN" -> {
                    float[] c = space[side] == Space.RGB ? numbers(operands, 3)
                            : space[side] == Space.GRAY ? numbers(operands, 1) : null;
                    if (c == null) {
                        emit(out, operands, op);
                    } else {
                        cmyk(out, c.length == 3 ? c : new float[]{c[0], c[0], c[0]}, stroke);
                        operands.clear();
                    }
                }
                default -> emit(out, operands, op);
            }
        }
        out.addAll(operands);
        return out;
    }

    private void cmyk(List<Object> out, float[] rgb, boolean stroke) {
        float max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        float min = Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
        float[] c;
        if (max - min <= GREY_TOLERANCE) {
            c = new float[]{0, 0, 0, 1 - (rgb[0] + rgb[1] + rgb[2]) / 3};
        } else {
            c = transform.cmyk(rgb[0], rgb[1], rgb[2]);
        }
        for (float v : c) out.add(number(v));
        out.add(Operator.getOperator(stroke ? "K" : "k"));
    }

    /** Four decimals are finer than any press; fixed rounding keeps the bytes reproducible. */
    private static COSNumber number(float v) {
        float r = Math.round(Math.max(0, Math.min(1, v)) * 10000) / 10000f;
        if (r == 0) return COSInteger.ZERO;
        if (r == 1) return COSInteger.ONE;
        return new COSFloat(r);
    }

    private static void emit(List<Object> out, List<COSBase> operands, Operator op) {
        out.addAll(operands);
        operands.clear();
        out.add(op);
    }

    private static float[] numbers(List<COSBase> operands, int count) {
        if (operands.size() != count) {
            return null;
        }
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            if (!(operands.get(i) instanceof COSNumber n)) return null;
            v[i] = n.floatValue();
        }
        return v;
    }

    private static Space classify(COSName name, PDResources resources) throws IOException {
        if (COSName.DEVICERGB.equals(name)) return Space.RGB;
        if (COSName.DEVICEGRAY.equals(name)) return Space.GRAY;
        if (resources == null || !resources.hasColorSpace(name)) return Space.OTHER;
        PDColorSpace cs = resources.getColorSpace(name);
        if (isRgb(cs) && cs.getNumberOfComponents() == 3) return Space.RGB;
        if (cs instanceof PDDeviceGray || cs instanceof PDCalGray
                || cs instanceof PDICCBased icc && icc.getNumberOfComponents() == 1) return Space.GRAY;
        return Space.OTHER;
    }

    /** Whether a colour space is RGB or stands on RGB (an indexed palette, a spot colour's alternate). */
    static boolean isRgb(PDColorSpace cs) throws IOException {
        return switch (cs) {
            case PDDeviceRGB d -> true;
            case PDCalRGB c -> true;
            case PDICCBased icc -> icc.getNumberOfComponents() == 3;
            case PDIndexed indexed -> isRgb(indexed.getBaseColorSpace());
            case PDSeparation sep -> isRgb(sep.getAlternateColorSpace());
            case PDDeviceN n -> isRgb(n.getAlternateColorSpace());
            default -> false;
        };
    }
}
