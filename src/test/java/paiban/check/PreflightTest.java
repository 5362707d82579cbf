package paiban.check;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.function.PDFunctionType2;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.cli.Main;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code paiban check --print} on a PDF the test makes to break each rule, one rule per place. */
class PreflightTest {

    @TempDir
    static Path dir;
    static Path bad;
    static PressReport report;

    @BeforeAll
    static void make() throws IOException {
        bad = dir.resolve("bad.pdf");
        try (PDDocument doc = new PDDocument()) {
            // page 1: no boxes, a 400 % patch, RGB, a spot, Helvetica not embedded, and the text rules
            PDPage one = new PDPage(new PDRectangle(400, 400));
            doc.addPage(one);
            PDImageXObject coarse = new PDImageXObject(doc, new ByteArrayInputStream(new byte[10 * 10 * 4]), null,
                    10, 10, 8, PDDeviceCMYK.INSTANCE);
            PDSeparation spot = new PDSeparation();
            spot.setColorantName("PANTONE 185 C");
            spot.setAlternateColorSpace(PDDeviceCMYK.INSTANCE);
            COSArray c1 = new COSArray(List.of(new COSFloat(0), new COSFloat(1), new COSFloat(0.8f), new COSFloat(0)));
            org.apache.pdfbox.cos.COSDictionary f = new org.apache.pdfbox.cos.COSDictionary();
            f.setInt(COSName.FUNCTION_TYPE, 2);
            f.setItem(COSName.DOMAIN, new COSArray(List.of(new COSFloat(0), new COSFloat(1))));
            f.setItem(COSName.C0, new COSArray(List.of(new COSFloat(0), new COSFloat(0), new COSFloat(0), new COSFloat(0))));
            f.setItem(COSName.C1, c1);
            f.setInt(COSName.N, 1);
            spot.setTintTransform(new PDFunctionType2(f));
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream s = new PDPageContentStream(doc, one)) {
                s.setNonStrokingColor(1f, 1f, 1f, 1f);
                s.addRect(10, 300, 80, 80);
                s.fill();
                s.setNonStrokingColor(0.2f, 0.4f, 0.9f);
                s.addRect(100, 300, 80, 80);
                s.fill();
                s.setNonStrokingColor(new PDColor(new float[]{1}, spot));
                s.addRect(200, 300, 80, 80);
                s.fill();
                s.drawImage(coarse, 300, 300, 80, 80);
                text(s, helvetica, 14, 10, 250, "RICH", 0.6f, 0.5f, 0.5f, 1f);
                text(s, helvetica, 8, 10, 200, "WHITE", 0, 0, 0, 0);
                text(s, helvetica, 8, 10, 150, "RED", 0, 1, 1, 0);
                text(s, helvetica, 12, 10, 100, "PLAIN", 0, 0, 0, 1);
            }
            // page 2: boxes the wrong way round; black text overprinted on a 220 % patch, which is fine
            // alone, adds 100 % K on top: 320 % where the type stands
            PDPage two = new PDPage(new PDRectangle(400, 400));
            doc.addPage(two);
            two.setTrimBox(new PDRectangle(10, 10, 380, 380));
            two.setBleedBox(new PDRectangle(20, 20, 360, 360));
            PDExtendedGraphicsState op = new PDExtendedGraphicsState();
            op.setNonStrokingOverprintControl(true);
            op.setStrokingOverprintControl(true);
            op.setOverprintMode(1);
            try (PDPageContentStream s = new PDPageContentStream(doc, two)) {
                s.setNonStrokingColor(0.8f, 0.7f, 0.7f, 0f);
                s.addRect(0, 0, 400, 400);
                s.fill();
                s.setGraphicsStateParameters(op);
                s.setNonStrokingColor(0f, 0f, 0f, 1f);
                s.addRect(100, 100, 200, 200);
                s.fill();
            }
            // page 3: clean, for the other side of each rule
            PDPage three = new PDPage(new PDRectangle(400, 400));
            doc.addPage(three);
            three.setTrimBox(new PDRectangle(10, 10, 380, 380));
            three.setBleedBox(new PDRectangle(0, 0, 400, 400));
            try (PDPageContentStream s = new PDPageContentStream(doc, three)) {
                s.setNonStrokingColor(0.5f, 0.4f, 0.4f, 0.8f); // 210 %
                s.addRect(0, 0, 400, 200);
                s.fill();
                s.setNonStrokingColor(0f, 0f, 0f, 1f);
                s.addRect(0, 200, 400, 10);
                s.fill();
            }
            doc.save(bad.toFile());
        }
        report = Preflight.check(bad, 240);
    }

    private static void text(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text,
                             float c, float m, float yl, float k) throws IOException {
        s.setNonStrokingColor(c, m, yl, k);
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static List<PressFinding> on(int page, PressFinding.Rule rule) {
        return report.findings().stream().filter(f -> f.page() == page && f.rule() == rule).toList();
    }

    private static void named(int page, PressFinding.Rule rule, String object) {
        List<PressFinding> found = on(page, rule);
        assertTrue(found.stream().anyMatch(f -> f.object().contains(object)),
                "p" + page + " " + rule + " naming " + object + " in " + report.findings());
    }

    @Test
    void eachBrokenRuleIsNamedWithItsPageAndObject() {
        named(1, PressFinding.Rule.INK_LIMIT, "page, most at 10, 3");
        named(1, PressFinding.Rule.RGB, "path at 100, 300 pt");
        named(1, PressFinding.Rule.SPOT, "path at 200, 300 pt");
        named(1, PressFinding.Rule.LOW_RESOLUTION, "image");
        named(1, PressFinding.Rule.FONT_NOT_EMBEDDED, "Helvetica");
        named(1, PressFinding.Rule.RICH_BLACK_TEXT, "「RICH」");
        named(1, PressFinding.Rule.SMALL_REVERSED_TEXT, "「WHITE」");
        named(1, PressFinding.Rule.SMALL_COLOUR_TEXT, "「RED」");
        assertTrue(on(1, PressFinding.Rule.BOXES).stream().anyMatch(f -> f.detail().contains("no TrimBox")));
        assertTrue(on(1, PressFinding.Rule.BOXES).stream().anyMatch(f -> f.detail().contains("no BleedBox")));
        named(2, PressFinding.Rule.INK_LIMIT, "page, most at 10");
        assertTrue(on(2, PressFinding.Rule.BOXES).get(0).detail().contains("does not contain the TrimBox"));
    }

    @Test
    void nothingIsFoundWhereNoRuleIsBroken() {
        assertEquals(List.of(), report.findings().stream().filter(f -> f.page() == 3).toList());
        assertTrue(on(1, PressFinding.Rule.RICH_BLACK_TEXT).stream().noneMatch(f -> f.object().contains("PLAIN")));
        PressReport.PageInk three = report.pages().get(2);
        assertEquals(210, three.maxTac(), 1);
        assertEquals(0, three.shareOver(), 1e-9);
    }

    @Test
    void inkFiguresAreTheSeparationsSum() {
        PressReport.PageInk one = report.pages().get(0), two = report.pages().get(1);
        assertEquals(400, one.maxTac(), 1);
        // 80 × 80 pt of 400 × 400 pt, give or take the edge pixels
        assertEquals(4.0, one.shareOver(), 0.3);
        assertEquals(320, two.maxTac(), 1, "overprinted K adds to the C, M and Y beneath");
        assertEquals(25.0, two.shareOver(), 0.5);
        assertEquals("10.00 10.00 380.00 380.00", two.trim());
        assertEquals(null, one.trim());
    }

    /**
     * An image placed at a quarter of its pixels' resolution is averaged down in pairs for the page's raster,
     * but its own most ink counts every pixel, also those of the odd last column and row that no pair takes in:
     * there a 17 × 17 image has its only ink, 300 %, stored losslessly and as two JPEGs, one of them Adobe's.
     */
    @Test
    void anImagesOwnInkCountsThePixelsItsAveragesLeaveOut() throws IOException {
        int side = 17;
        byte[] ink = new byte[side * side * 4];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (x < side - 1 && y < side - 1) continue;
                for (int k = 0; k < 4; k++) ink[(y * side + x) * 4 + k] = (byte) 191; // 75 % each
            }
        }
        Path file = dir.resolve("odd.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(100, 100));
            doc.addPage(page);
            PDImageXObject flate = new PDImageXObject(doc, new ByteArrayInputStream(ink), null, side, side, 8,
                    PDDeviceCMYK.INSTANCE);
            // a CMYK JPEG as print.pdf holds them, Adobe's inverted samples under Decode [1 0 …], and one that
            // stores the inks as they are
            byte[] inverted = ink.clone();
            for (int i = 0; i < inverted.length; i++) inverted[i] = (byte) (255 - (inverted[i] & 0xff));
            PDImageXObject adobe = cmykJpeg(doc, inverted, side, 1, 0);
            PDImageXObject plain = cmykJpeg(doc, ink, side, 0, 1);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.drawImage(flate, 10, 10, side / 2f, side / 2f);
                s.drawImage(adobe, 40, 10, side / 2f, side / 2f);
                s.drawImage(plain, 70, 10, side / 2f, side / 2f);
            }
            doc.save(file.toFile());
        }
        PressReport odd = Preflight.check(file, 240);
        List<PressFinding> own = odd.findings().stream()
                .filter(f -> f.rule() == PressFinding.Rule.INK_LIMIT && f.detail().contains("its own pixels")).toList();
        assertEquals(3, own.size(), odd.findings().toString());
        for (PressFinding f : own) {
            double most = Double.parseDouble(f.detail().replaceAll(".*reach ([0-9.]+)%.*", "$1"));
            assertEquals(300, most, 6, f.toString());
        }
    }

    /** A {@code side}² CMYK JPEG of {@code samples} (ImageIO's, at full quality) under Decode [d0 d1 …]. */
    private static PDImageXObject cmykJpeg(PDDocument doc, byte[] samples, int side, int d0, int d1) throws IOException {
        java.awt.image.WritableRaster r = java.awt.image.Raster.createInterleavedRaster(
                new java.awt.image.DataBufferByte(samples, samples.length), side, side, side * 4, 4,
                new int[]{0, 1, 2, 3}, null);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageWriter w = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam q = w.getDefaultWriteParam();
        q.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        q.setCompressionQuality(1f);
        try (var out = javax.imageio.ImageIO.createImageOutputStream(jpeg)) {
            w.setOutput(out);
            w.write(null, new javax.imageio.IIOImage(r, null, null), q);
        }
        w.dispose();
        PDImageXObject image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromByteArray(doc,
                jpeg.toByteArray());
        COSArray decode = new COSArray();
        for (int i = 0; i < 4; i++) {
            decode.add(new COSFloat(d0));
            decode.add(new COSFloat(d1));
        }
        image.getCOSObject().setItem(COSName.DECODE, decode);
        return image;
    }

    @Test
    void theBuildsCheckFindsWhatTheFullOneFinds() throws IOException {
        // black type overprinted on 220 % of C, M and Y breaks the limit where it stands; on 100 % it cannot
        Path typed = dir.resolve("typed.pdf");
        PDExtendedGraphicsState op = new PDExtendedGraphicsState();
        op.setNonStrokingOverprintControl(true);
        op.setOverprintMode(1);
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument()) {
            for (float[] under : List.of(new float[]{0.8f, 0.7f, 0.7f}, new float[]{0.4f, 0.3f, 0.3f})) {
                PDPage page = new PDPage(new PDRectangle(400, 400));
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    s.setNonStrokingColor(under[0], under[1], under[2], 0f);
                    s.addRect(0, 0, 400, 200);
                    s.fill();
                    s.setGraphicsStateParameters(op);
                    text(s, helvetica, 40, 20, 100, "OVER THE PATCH", 0, 0, 0, 1);
                    text(s, helvetica, 40, 20, 300, "ON WHITE", 0, 0, 0, 1);
                }
            }
            doc.save(typed.toFile());
        }
        PressReport full = Preflight.check(typed, 240), built;
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(typed.toFile())) {
            built = Preflight.checkBuilt(doc, typed.toString(), 240);
        }
        assertEquals(full.findings(), built.findings());
        assertTrue(full.pages().get(0).shareOver() > 0.5, full.pageLines().toString());
        assertEquals(full.pages().get(0).shareOver(), built.pages().get(0).shareOver(), 1e-9);
        assertEquals(full.pages().get(0).maxTac(), built.pages().get(0).maxTac(), 1e-9);
        assertEquals(0, built.pages().get(1).shareOver(), 1e-9);
        // within the limit the build's figure is a bound: never under the exact one, never over the limit
        double exact = full.pages().get(1).maxTac(), bound = built.pages().get(1).maxTac();
        assertTrue(bound >= exact - 1e-9 && bound <= 240, exact + " % exact, " + bound + " % bound");
    }

    @Test
    void theFileCheckedOnTwoThreadsGivesTheReportOfOne() throws Exception {
        // bad.pdf's pages break the limit in different ways, so each page's findings, images and ink are its own
        PressReport one;
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bad.toFile())) {
            one = Preflight.checkBuilt(doc, "print.pdf", 240);
        }
        assertTrue(one.pages().size() >= 3 && !one.findings().isEmpty(), one.pageLines().toString());
        assertTrue(one.findings().stream().map(PressFinding::page).distinct().count() >= 2, one.findings().toString());
        assertEquals(one, Preflight.checkBuilt(bad, "print.pdf", 240));
    }

    @Test
    void ghostscriptMeasuresTheSameInk() throws Exception {
        GhostscriptInk.assumeInstalled();
        List<GhostscriptInk.Page> gs = GhostscriptInk.measure(bad, (int) Preflight.DPI, 240);
        for (int i = 0; i < 3; i++) {
            assertEquals(gs.get(i).maxTac(), report.pages().get(i).maxTac(), 1.0, "page " + (i + 1));
            assertEquals(gs.get(i).shareOver(), report.pages().get(i).shareOver(), 0.5, "page " + (i + 1));
        }
    }

    @Test
    void theCommandExitsOneAndNamesTheBreaks() {
        var out = new java.io.ByteArrayOutputStream();
        var was = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            code = Main.run("check", "--print", bad.toString());
        } finally {
            System.setOut(was);
        }
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, code, text);
        for (PressFinding.Rule rule : PressFinding.Rule.values()) {
            assertTrue(text.contains(": " + rule.label() + ": "), rule + " in\n" + text);
        }
        assertFalse(text.contains("clean"), text);
    }
}
