package paiban.check;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType3Font;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A test-only maker of pages as Chromium prints them, drawn with PDFBox's COS objects so that nothing of
 * paiban's own renderer is in them. What it copies from Chromium's print-to-PDF (Skia):
 * <ul>
 * <li>CSS pixels: a page-wide {@code 0.75 0 0 -0.75 0 H cm}, so that y runs down, and baselines rounded
 *   to whole pixels by the caller;</li>
 * <li>each face cut into several Type 3 fonts of at most {@link #GLYPHS_PER_FONT} glyphs, with no
 *   BaseFont, named by a font descriptor with a subset tag; each glyph declares its ink box with
 *   {@code d1} and draws a box there;</li>
 * <li>a ToUnicode map that names some ideographs by the radical that shares their glyph (广 as ⼴
 *   U+2F34, 长 as ⻓ U+2ED3), and for some of them an ActualText span around the glyph that says 广;</li>
 * <li>one glyph per text position: each glyph is placed with its own {@code Tm}, and the font changes
 *   wherever the next glyph lives in another of the face's Type 3 fonts;</li>
 * <li>word spaces drawn as blank glyphs.</li>
 * </ul>
 */
final class ForeignPdf {

    static final int GLYPHS_PER_FONT = 40;

    /** Ideographs whose glyph the ToUnicode map names by a radical, and that radical. */
    static final Map<Integer, Integer> RADICAL = Map.of((int) '广', 0x2F34, (int) '长', 0x2ED3);

    /** A face: its descriptor's name, and its Type 3 fonts as they fill up. */
    final class Face {
        final String name;
        final String family;
        final List<Map<Integer, Integer>> fonts = new ArrayList<>();
        final Map<Integer, int[]> where = new LinkedHashMap<>();

        Face(String name, String family) {
            this.name = name;
            this.family = family;
        }

        /** The font number and code of {@code cp}, given one the first time it is drawn. */
        int[] code(int cp) {
            return where.computeIfAbsent(cp, k -> {
                if (fonts.isEmpty() || fonts.getLast().size() == GLYPHS_PER_FONT) fonts.add(new LinkedHashMap<>());
                Map<Integer, Integer> font = fonts.getLast();
                font.put(cp, font.size());
                return new int[] {fonts.size() - 1, font.size() - 1};
            });
        }

        String resource(int font) {
            return "F" + faces.indexOf(this) + "x" + font;
        }
    }

    final List<Face> faces = new ArrayList<>();
    private final List<StringBuilder> pages = new ArrayList<>();
    private final List<List<Face>> pageFaces = new ArrayList<>();
    final float width;
    final float height;

    ForeignPdf(float width, float height) {
        this.width = width;
        this.height = height;
    }

    Face face(String name, String family) {
        Face f = new Face(name, family);
        faces.add(f);
        return f;
    }

    void newPage() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, ".75 0 0 -.75 0 %.2f cm%n", height));
        pages.add(sb);
    }

    /** How wide {@code cp} is, in em: full width for ideographs and their marks, half for Latin, a quarter for a space. */
    static float advance(int cp) {
        if (cp == ' ') return 0.25f;
        return cp < 0x2000 ? 0.5f : 1f;
    }

    /**
     * Draws {@code text} in {@code face} at {@code size} pt, the first glyph's origin at {@code x}, with
     * {@code spacing} pt after every glyph but the last, on the baseline {@code baseline} pt from the top.
     * The ideographs at the indices in {@code actual} are wrapped in an ActualText span.
     */
    void text(Face face, float size, float x, float baseline, String text, float spacing, java.util.Set<Integer> actual) {
        StringBuilder sb = pages.getLast();
        float px = size / 0.75f;
        int font = -1;
        int i = 0;
        sb.append("BT\n");
        for (int cp : text.codePoints().toArray()) {
            int[] code = face.code(cp);
            if (code[0] != font) {
                font = code[0];
                sb.append(String.format(Locale.ROOT, "/%s %.2f Tf%n", face.resource(font), px));
            }
            boolean span = actual.contains(i) && RADICAL.containsKey(cp);
            if (span) {
                sb.append("/Span <</ActualText <FEFF").append(String.format("%04X", cp)).append(">>> BDC\n");
            }
            sb.append(String.format(Locale.ROOT, "1 0 0 -1 %.4f %.4f Tm <%02X> Tj%n", x / 0.75f, baseline / 0.75f, code[1]));
            if (span) sb.append("EMC\n");
            x += advance(cp) * size + spacing;
            i++;
        }
        sb.append("ET\n");
    }

    /** A grey box (a photo). */
    void box(float x, float top, float w, float h) {
        pages.getLast().append(String.format(Locale.ROOT, ".5 g %.2f %.2f %.2f %.2f re f 0 g%n", x / 0.75f, top / 0.75f,
                w / 0.75f, h / 0.75f));
    }

    void write(Path pdf) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            List<List<PDType3Font>> fonts = new ArrayList<>();
            for (Face f : faces) {
                List<PDType3Font> list = new ArrayList<>();
                for (Map<Integer, Integer> glyphs : f.fonts) list.add(type3(doc, f, glyphs));
                fonts.add(list);
            }
            for (StringBuilder content : pages) {
                PDPage page = new PDPage(new PDRectangle(width, height));
                PDResources res = new PDResources();
                for (int fi = 0; fi < faces.size(); fi++) {
                    for (int k = 0; k < fonts.get(fi).size(); k++) {
                        res.put(COSName.getPDFName(faces.get(fi).resource(k)), fonts.get(fi).get(k));
                    }
                }
                page.setResources(res);
                PDStream s = new PDStream(doc);
                try (OutputStream out = s.createOutputStream(COSName.FLATE_DECODE)) {
                    out.write(content.toString().getBytes(StandardCharsets.ISO_8859_1));
                }
                page.setContents(s);
                doc.addPage(page);
            }
            doc.save(pdf.toFile());
        }
    }

    /** One Type 3 font of a face, as Skia writes it: y flipped, a d1 ink box per glyph, ToUnicode, a descriptor. */
    private static PDType3Font type3(PDDocument doc, Face face, Map<Integer, Integer> glyphs) throws IOException {
        COSDictionary d = new COSDictionary();
        d.setItem(COSName.TYPE, COSName.FONT);
        d.setItem(COSName.SUBTYPE, COSName.TYPE3);
        d.setItem(COSName.FONT_MATRIX, numbers(0.001f, 0, 0, -0.001f, 0, 0));
        d.setItem(COSName.FONT_BBOX, numbers(0, 120, 1000, -880));
        d.setInt(COSName.FIRST_CHAR, 0);
        d.setInt(COSName.LAST_CHAR, glyphs.size() - 1);
        COSArray widths = new COSArray();
        COSArray differences = new COSArray();
        differences.add(COSInteger.get(0));
        COSDictionary procs = new COSDictionary();
        StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
        cmap.append(glyphs.size()).append(" beginbfchar\n");
        for (var e : glyphs.entrySet()) {
            int cp = e.getKey();
            int w = Math.round(advance(cp) * 1000);
            widths.add(COSInteger.get(w));
            String name = "g" + Integer.toHexString(cp);
            differences.add(COSName.getPDFName(name));
            COSStream proc = doc.getDocument().createCOSStream();
            try (OutputStream out = proc.createOutputStream()) {
                out.write(glyph(cp, w).getBytes(StandardCharsets.ISO_8859_1));
            }
            procs.setItem(COSName.getPDFName(name), proc);
            int named = RADICAL.getOrDefault(cp, cp);
            StringBuilder hex = new StringBuilder();
            for (char c : Character.toChars(named)) hex.append(String.format("%04X", (int) c));
            cmap.append(String.format("<%02X> <%s>%n", e.getValue(), hex));
        }
        cmap.append("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        d.setItem(COSName.WIDTHS, widths);
        COSDictionary encoding = new COSDictionary();
        encoding.setItem(COSName.TYPE, COSName.ENCODING);
        encoding.setItem(COSName.DIFFERENCES, differences);
        d.setItem(COSName.ENCODING, encoding);
        d.setItem(COSName.CHAR_PROCS, procs);
        d.setItem(COSName.RESOURCES, new COSDictionary());
        COSStream toUnicode = doc.getDocument().createCOSStream();
        try (OutputStream out = toUnicode.createOutputStream()) {
            out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
        }
        d.setItem(COSName.TO_UNICODE, toUnicode);
        COSDictionary fd = new COSDictionary();
        fd.setItem(COSName.TYPE, COSName.FONT_DESC);
        fd.setItem(COSName.FONT_NAME, COSName.getPDFName("BAAAAA+" + face.name));
        fd.setItem(COSName.FONT_FAMILY, new COSString(face.family));
        fd.setInt(COSName.FLAGS, 4);
        fd.setItem(COSName.FONT_BBOX, numbers(0, 120, 1000, -880));
        fd.setInt(COSName.ITALIC_ANGLE, 0);
        d.setItem(COSName.FONT_DESC, fd);
        return new PDType3Font(d);
    }

    /**
     * A glyph's procedure: its advance and ink box ({@code d1}) and a filled box. Stops and closing marks
     * keep their ink to the left half of the em, opening marks to the right half, as CJK fonts draw them.
     */
    private static String glyph(int cp, int w) {
        if (cp == ' ') return w + " 0 0 0 0 0 d1\n";
        int lo = 60;
        int hi = w - 60;
        int top = -800;
        int bottom = 80;
        if (Marks.closing(cp)) {
            lo = 80;
            hi = 330;
            top = -250;
        } else if (Marks.opening(cp)) {
            lo = 650;
            hi = 920;
            bottom = -550;
        }
        return String.format(Locale.ROOT, "%d 0 %d %d %d %d d1\n%d %d %d %d re f\n", w, lo, top, hi, bottom, lo, top, hi - lo,
                bottom - top);
    }

    private static COSArray numbers(float... v) {
        COSArray a = new COSArray();
        for (float f : v) a.add(new COSFloat(f));
        return a;
    }
}
