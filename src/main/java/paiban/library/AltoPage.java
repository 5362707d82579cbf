package paiban.library;

import paiban.compose.Module;
import paiban.compose.PlacedLine;
import paiban.compose.PlacedPhoto;
import paiban.render.RenderedIssue;
import paiban.render.RenderedIssue.ModuleArea;
import paiban.render.RenderedIssue.PageInfo;
import paiban.typeset.Face;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page as ALTO 4.4 (archive/alto/NN.xml): every line composition placed, with its Strings, as a
 * TextBlock per module, and an Illustration per photo. Positions are composition's own, moved from the
 * type area onto the page; nothing is recognised from the picture.
 *
 * <p>The unit is inch1200 (1/1200 inch, 1/16.67 point, as the US newspaper program uses): a page unit
 * that needs no image and no resolution, in whole numbers. Each box is rounded at its two edges, so
 * that boxes that touch on the page touch in the file.
 */
public final class AltoPage {

    public static final String NAMESPACE = "http://www.loc.gov/standards/alto/ns-v4#";
    static final String SCHEMA = "http://www.loc.gov/alto/v4/alto-4-4.xsd";
    /** The unit every position in the file is given in, and how many of it make a point. */
    public static final String UNIT = "inch1200";
    public static final double PER_POINT = 1200.0 / 72.0;
    /** The language of the copy, for libraries' indexes. */
    static final String LANGUAGE = "zh-CN";

    private AltoPage() {
    }

    /** Where page {@code number}'s ALTO goes, relative to the issue's output folder. */
    public static String fileName(int number) {
        return String.format(Locale.ROOT, "archive/alto/%02d.xml", number);
    }

    /**
     * A module as it stands in the ALTO file: its TextBlock's ID and its photos' Illustration IDs. METS
     * points at these, so the numbering lives here once.
     */
    record Part(int page, ModuleArea area, String block, List<String> illustrations) {
        Module module() {
            return area.module();
        }
    }

    /** The page's modules in composition's order, with their IDs ("P1_TB2", "P1_IL1"). */
    static List<Part> parts(PageInfo page) {
        List<Part> parts = new ArrayList<>();
        int photos = 0;
        for (int k = 0; k < page.areas().size(); k++) {
            ModuleArea a = page.areas().get(k);
            List<String> ills = new ArrayList<>();
            for (int j = 0; j < a.module().photos().size(); j++) ills.add("P" + page.number() + "_IL" + (++photos));
            parts.add(new Part(page.number(), a, "P" + page.number() + "_TB" + (k + 1), ills));
        }
        return parts;
    }

    /** Writes page {@code index} of {@code r}; one page a call, for the workers. */
    public static void write(RenderedIssue r, int index, ZonedDateTime made, Path file) throws IOException {
        Files.writeString(file, of(r, index, made), StandardCharsets.UTF_8);
    }

    static long units(double points) {
        return Math.round(points * PER_POINT);
    }

    static String of(RenderedIssue r, int index, ZonedDateTime made) {
        PageInfo page = r.pages().get(index);
        RenderedIssue.Trim trim = r.trim();
        List<Part> parts = parts(page);
        Map<String, String> styles = new LinkedHashMap<>();
        Map<String, String[]> styleAttrs = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        // each line is cut into Strings once; the styles and tags the page needs are gathered on the way
        List<List<LineBox>> lines = new ArrayList<>();
        for (Part p : parts) {
            List<LineBox> boxes = new ArrayList<>();
            for (PlacedLine l : p.module().text()) {
                LineBox b = LineBox.of(l);
                if (b == null) continue;
                boxes.add(b);
                for (Words.Word w : b.words()) {
                    if (!w.space()) style(w.face(), b.size(), styles, styleAttrs);
                }
                tags.putIfAbsent(b.kind(), "KIND_" + b.kind());
            }
            lines.add(boxes);
        }

        XmlWriter x = new XmlWriter();
        x.start("alto", "xmlns", NAMESPACE, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:schemaLocation", NAMESPACE + " " + SCHEMA, "SCHEMAVERSION", "4.4");
        x.start("Description");
        x.text("MeasurementUnit", UNIT);
        x.start("sourceImageInformation");
        // the page this file describes, as a file beside it: archive/alto/01.xml → pages/01.pdf
        x.text("fileName", String.format(Locale.ROOT, "../../pages/%02d.pdf", page.number()));
        x.end();
        x.start("Processing", "ID", "PROCESSING");
        x.text("processingCategory", "contentGeneration");
        x.text("processingDateTime", timestamp(made));
        x.text("processingStepDescription", "lines and positions from composition, not from recognition");
        x.start("processingSoftware");
        x.text("softwareName", "paiban");
        x.end();
        x.end();
        x.end();
        if (!styles.isEmpty()) {
            x.start("Styles");
            styleAttrs.values().forEach(a -> x.empty("TextStyle", a));
            x.end();
        }
        if (!tags.isEmpty()) {
            x.start("Tags");
            tags.forEach((kind, id) -> x.empty("StructureTag", "ID", id, "TYPE", "line kind", "LABEL", kind));
            x.end();
        }
        x.start("Layout");
        x.start("Page", "ID", "PAGE" + page.number(), "PHYSICAL_IMG_NR", String.valueOf(index + 1),
                "PRINTED_IMG_NR", String.valueOf(page.number()), "WIDTH", n(units(trim.width())),
                "HEIGHT", n(units(trim.height())), "LANG", LANGUAGE);
        x.start("PrintSpace", box(trim.areaLeft(), trim.areaTop(), trim.areaWidth(), trim.areaHeight()));
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            block(x, trim, p, lines.get(k), styles, tags);
            List<PlacedPhoto> photos = p.module().photos();
            for (int j = 0; j < photos.size(); j++) {
                PlacedPhoto ph = photos.get(j);
                x.empty("Illustration", concat(new String[] {"ID", p.illustrations().get(j)},
                        box(trim.areaLeft() + ph.x(), trim.areaTop() + ph.y(), ph.width(), ph.height()),
                        new String[] {"TYPE", "photo"}));
            }
        }
        x.end();
        x.end();
        x.end();
        x.end();
        return x.finish();
    }

    private static void block(XmlWriter x, RenderedIssue.Trim trim, Part p, List<LineBox> lines,
                              Map<String, String> styles, Map<String, String> tags) {
        ModuleArea a = p.area();
        float left = trim.areaLeft(), top = trim.areaTop();
        // the module's rectangle on the grid, grown to anything that stands over its edge
        float x0 = a.x(), y0 = a.y(), x1 = a.x() + a.width(), y1 = a.y() + a.height();
        for (LineBox b : lines) {
            x0 = Math.min(x0, b.x0);
            x1 = Math.max(x1, b.x1);
            y0 = Math.min(y0, b.top);
            y1 = Math.max(y1, b.top + b.height);
        }
        x.start("TextBlock", concat(new String[] {"ID", p.block()}, box(left + x0, top + y0, x1 - x0, y1 - y0)));
        int n = 0;
        for (LineBox b : lines) {
            String lineStyle = styles.get(styleKey(b.words.get(0).face(), b.size));
            float baseline = top + b.baseline;
            // a vertical line (竖排) reads top to bottom (ttb); its baseline is the column's middle, top to foot
            String polyline = b.vertical
                    ? n(units(left + (b.x0 + b.x1) / 2)) + "," + n(units(top + b.top)) + " "
                            + n(units(left + (b.x0 + b.x1) / 2)) + "," + n(units(top + b.top + b.height))
                    : n(units(left + b.x0)) + "," + n(units(baseline)) + " " + n(units(left + b.x1)) + "," + n(units(baseline));
            x.start("TextLine", concat(new String[] {"ID", p.block() + "_TL" + (++n)},
                    box(left + b.x0, top + b.top, b.x1 - b.x0, b.height),
                    new String[] {"BASELINE", polyline, "STYLEREFS", lineStyle, "TAGREFS", tags.get(b.kind),
                            "BASEDIRECTION", b.vertical ? "ttb" : null}));
            for (Words.Word w : b.words) {
                String[] pos;
                if (b.vertical) {
                    // down the column: each String as tall as its cells, as wide as the column
                    long v0 = units(top + b.lineY + w.start()), v1 = units(top + b.lineY + w.end());
                    pos = new String[] {"HPOS", n(units(left + b.x0)), "VPOS", n(v0),
                            "WIDTH", n(units(left + b.x1) - units(left + b.x0)), "HEIGHT", n(Math.max(0, v1 - v0))};
                } else {
                    long h0 = units(left + b.lineX + w.start()), h1 = units(left + b.lineX + w.end());
                    pos = new String[] {"HPOS", n(h0), "VPOS", n(units(top + b.top)), "WIDTH", n(Math.max(0, h1 - h0)),
                            "HEIGHT", n(units(top + b.top + b.height) - units(top + b.top))};
                }
                if (w.space()) {
                    x.empty("SP", pos);
                } else {
                    String s = styles.get(styleKey(w.face(), b.size));
                    x.empty("String", concat(pos, new String[] {"CONTENT", w.content(),
                            "STYLEREFS", s.equals(lineStyle) ? null : s}));
                }
            }
            x.end();
        }
        x.end();
    }

    /**
     * A placed line's extent on the type area: from its first String's start to its last String's end, em box
     * high; a vertical line's (a 竖排 headline's column), from its first String's top to its last String's
     * foot, em box wide. {@code lineX} and {@code lineY} are where the line's Strings are measured from.
     */
    private record LineBox(List<Words.Word> words, float lineX, float lineY, float x0, float x1, float top, float height,
                           float baseline, float size, String kind, boolean vertical) {
        static LineBox of(PlacedLine l) {
            List<Words.Word> words = Words.of(l.line());
            if (words.isEmpty()) return null;
            float size = l.line().size();
            // a vertical line is placed by its left edge and its first cell's baseline (render's LinePainter)
            float emTop = l.baseline() - words.get(0).face().emTop() * size;
            if (l.line().vertical()) {
                return new LineBox(words, l.x(), emTop, l.x(), l.x() + size, emTop + words.get(0).start(),
                        words.getLast().end() - words.get(0).start(), l.baseline(), size, AltoPage.kind(l), true);
            }
            return new LineBox(words, l.x(), emTop, l.x() + words.get(0).start(), l.x() + words.getLast().end(), emTop, size,
                    l.baseline(), size, AltoPage.kind(l), false);
        }
    }

    /** The line's kind as the tag names it (title, body, caption…). */
    private static String kind(PlacedLine l) {
        return l.kind().word();
    }

    private static String styleKey(Face face, float size) {
        return face.name() + "@" + size;
    }

    private static void style(Face face, float size, Map<String, String> ids, Map<String, String[]> attrs) {
        String key = styleKey(face, size);
        if (ids.containsKey(key)) return;
        String id = "TS" + (ids.size() + 1);
        ids.put(key, id);
        // ALTO gives font sizes in points whatever the measurement unit
        attrs.put(key, new String[] {"ID", id, "FONTFAMILY", face.name(), "FONTSIZE", decimal(size)});
    }

    /** HPOS, VPOS, WIDTH and HEIGHT of a box given in points on the page, each edge rounded once. */
    private static String[] box(float x, float y, float w, float h) {
        long x0 = units(x), y0 = units(y);
        return new String[] {"HPOS", n(x0), "VPOS", n(y0), "WIDTH", n(units(x + w) - x0), "HEIGHT", n(units(y + h) - y0)};
    }

    private static String[] concat(String[]... parts) {
        int len = 0;
        for (String[] p : parts) len += p.length;
        String[] out = new String[len];
        int at = 0;
        for (String[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    /** A size such as 10.5 or 9, without a trailing .0 and the same on every platform. */
    static String decimal(float v) {
        return new java.math.BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** The moment in the newsroom's zone, as xsd:dateTime: 2021-06-22T00:00:00+08:00. */
    static String timestamp(ZonedDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
}
