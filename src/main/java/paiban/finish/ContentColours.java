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
 *
 * <p>Solid black (0 0 0 1) also overprints: it is painted on top of what lies beneath instead of
 * knocking it out, so that when the K plate misregisters on the press no white halo opens beside black
 * type and rules. Before each painting operator the stream selects one of four ExtGStates, with OP (for
 * strokes) and op (for fills) on exactly when the stroke or fill colour is solid black, and OPM 1, so that
 * the zero C, M and Y of that black leave the inks beneath alone. Only solid black overprints: a white
 * or a tint that overprinted would vanish or mix with what is under it. Images, shadings and forms are
 * painted with overprint off, so that a form starts as its own stream assumes.
 *
 * <p>Everything else in the stream, text included, is written back unchanged.
 */
final class ContentColours {

    /** Channels within one part in a hundred count as grey: renderers round 51/255 to 0.2 and so on. */
    private static final float GREY_TOLERANCE = 0.01f;

    private enum Space { GRAY, RGB, OTHER }

    /** Operators that paint the current path, text or an object: where overprint takes effect. */
    private static final Set<String> PAINTING = Set.of("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n",
            "Tj", "TJ", "'", "\"", "Do", "sh", "BI");
    /** Painted without the current colour: these overprint never. */
    private static final Set<String> OBJECTS = Set.of("Do", "sh", "BI");
    /** Operators that begin a path; an ExtGState cannot be selected inside one, so it goes before. */
    private static final Set<String> PATH_START = Set.of("m", "re");

    private final CmykTransform transform;
    private final Set<COSStream> doneForms = Collections.newSetFromMap(new IdentityHashMap<>());

    ContentColours(CmykTransform transform) {
        this.transform = transform;
    }

    /**
     * The rewritten content of a page or form, serialised; the caller wraps and stores it. The overprint
     * ExtGStates it selects are added to the content's resources.
     */
    byte[] rewrite(PDContentStream content) throws IOException {
        List<Object> tokens;
        PDFStreamParser parser = new PDFStreamParser(content);
        tokens = parser.parse();
        boolean[] used = new boolean[4];
        // a page starts in black; a form inherits whatever colour its caller had, so nothing is assumed
        boolean startsBlack = content instanceof org.apache.pdfbox.pdmodel.PDPage;
        List<Object> out = rewrite(tokens, content.getResources(), used, startsBlack);
        if (content.getResources() != null) {
            addOverprintStates(content.getResources(), used);
        }
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

    /** The name of the ExtGState with stroke overprint {@code stroke} and fill overprint {@code fill}. */
    static COSName overprintState(boolean stroke, boolean fill) {
        return COSName.getPDFName("PaibanOP" + (stroke ? 1 : 0) + (fill ? 1 : 0));
    }

    private static void addOverprintStates(PDResources resources, boolean[] used) {
        COSDictionary states = resources.getCOSObject().getCOSDictionary(COSName.EXT_G_STATE);
        for (int i = 0; i < 4; i++) {
            if (!used[i]) continue;
            if (states == null) {
                states = new COSDictionary();
                resources.getCOSObject().setItem(COSName.EXT_G_STATE, states);
            }
            COSDictionary gs = new COSDictionary();
            gs.setItem(COSName.TYPE, COSName.EXT_G_STATE);
            // both keys always: an ExtGState without op would give fills OP's value
            gs.setBoolean(COSName.OP, (i & 2) != 0);
            gs.setBoolean(COSName.OP_NS, (i & 1) != 0);
            gs.setInt(COSName.OPM, 1);
            states.setItem(overprintState((i & 2) != 0, (i & 1) != 0), gs);
        }
    }

    /** The colour state that travels with q and Q: each side's colour space and whether it is solid black. */
    private record State(Space[] space, boolean[] black, boolean[] overprint) {
        State copy() {
            return new State(space.clone(), black.clone(), overprint.clone());
        }
    }

    private List<Object> rewrite(List<Object> tokens, PDResources resources, boolean[] used, boolean startsBlack)
            throws IOException {
        List<Object> out = new ArrayList<>(tokens.size());
        List<COSBase> operands = new ArrayList<>();
        Deque<State> saved = new ArrayDeque<>();
        // fill, stroke: DeviceGray is the initial colour space, black the initial colour, overprint off
        State state = new State(new Space[]{Space.GRAY, Space.GRAY}, new boolean[]{startsBlack, startsBlack},
                new boolean[2]);
        int pathStart = -1;
        for (Object token : tokens) {
            if (token instanceof COSBase b) {
                operands.add(b);
                continue;
            }
            Operator op = (Operator) token;
            String name = op.getName();
            boolean stroke = !name.isEmpty() && Character.isUpperCase(name.charAt(0));
            int side = stroke ? 1 : 0;
            Space[] space = state.space();
            if (PATH_START.contains(name) && pathStart < 0) {
                pathStart = out.size();
            }
            if (PAINTING.contains(name)) {
                boolean object = OBJECTS.contains(name);
                boolean fill = !object && state.black()[0], strokeOp = !object && state.black()[1];
                if (fill != state.overprint()[0] || strokeOp != state.overprint()[1]) {
                    List<Object> select = List.of(overprintState(strokeOp, fill), Operator.getOperator("gs"));
                    if (pathStart >= 0) out.addAll(pathStart, select);
                    else out.addAll(select);
                    used[(strokeOp ? 2 : 0) + (fill ? 1 : 0)] = true;
                    state.overprint()[0] = fill;
                    state.overprint()[1] = strokeOp;
                }
                pathStart = -1;
            }
            switch (name) {
                case "q" -> {
                    saved.push(state.copy());
                    emit(out, operands, op);
                }
                case "Q" -> {
                    if (!saved.isEmpty()) state = saved.pop();
                    emit(out, operands, op);
                }
                case "rg", "RG" -> {
                    float[] rgb = numbers(operands, 3);
                    if (rgb == null) {
                        state.black()[side] = false;
                        emit(out, operands, op);
                    } else {
                        state.black()[side] = cmyk(out, rgb, stroke);
                        operands.clear();
                    }
                    space[side] = Space.OTHER;
                }
                case "g", "G" -> {
                    float[] grey = numbers(operands, 1);
                    if (grey == null) {
                        state.black()[side] = false;
                        emit(out, operands, op);
                    } else {
                        state.black()[side] = cmyk(out, new float[]{grey[0], grey[0], grey[0]}, stroke);
                        operands.clear();
                    }
                    space[side] = Space.OTHER;
                }
                case "k", "K" -> {
                    float[] c = numbers(operands, 4);
                    state.black()[side] = c != null && c[0] == 0 && c[1] == 0 && c[2] == 0 && c[3] == 1;
                    space[side] = Space.OTHER;
                    emit(out, operands, op);
                }
                case "cs", "CS" -> {
                    Space s = operands.size() == 1 && operands.get(0) instanceof COSName n
                            ? classify(n, resources) : Space.OTHER;
                    space[side] = s;
                    if (s == Space.OTHER) {
                        // a DeviceCMYK selected by name starts at 0 0 0 1 too, but paiban's print never
                        // selects one; any other space is no solid black of ours
                        state.black()[side] = false;
                        emit(out, operands, op);
                    } else {
                        // Selecting a colour space sets its initial colour, black: say that in CMYK.
                        state.black()[side] = cmyk(out, new float[]{0, 0, 0}, stroke);
                        operands.clear();
                    }
                }
                case "sc", "scn", "SC", "SCN" -> {
                    float[] c = space[side] == Space.RGB ? numbers(operands, 3)
                            : space[side] == Space.GRAY ? numbers(operands, 1) : null;
                    if (c == null) {
                        state.black()[side] = false;
                        emit(out, operands, op);
                    } else {
                        state.black()[side] = cmyk(out, c.length == 3 ? c : new float[]{c[0], c[0], c[0]}, stroke);
                        operands.clear();
                    }
                }
                default -> emit(out, operands, op);
            }
        }
        out.addAll(operands);
        return out;
    }

    /** Writes the colour as CMYK; true when it is solid black, 0 0 0 1. */
    private boolean cmyk(List<Object> out, float[] rgb, boolean stroke) {
        float max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        float min = Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
        float[] c;
        if (max - min <= GREY_TOLERANCE) {
            c = new float[]{0, 0, 0, 1 - (rgb[0] + rgb[1] + rgb[2]) / 3};
        } else {
            c = transform.cmyk(rgb[0], rgb[1], rgb[2]);
        }
        boolean black = true;
        for (int i = 0; i < 4; i++) {
            COSNumber n = number(c[i]);
            out.add(n);
            black &= n.floatValue() == (i == 3 ? 1 : 0);
        }
        out.add(Operator.getOperator(stroke ? "K" : "k"));
        return black;
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
