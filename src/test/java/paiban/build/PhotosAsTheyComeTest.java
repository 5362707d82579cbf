package paiban.build;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import paiban.Pipeline;
import paiban.copy.IssueReader;
import paiban.model.Issue;
import paiban.model.Photo;
import paiban.testing.DeskPhotos;
import paiban.testing.TestIssues;
import paiban.testing.Turbo;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Photos as a photo desk sends them go through a whole build and come out standing, in their colours, in
 * every edition: the eight EXIF orientations (a 4032 × 3024 phone photo among them), CMYK and YCCK JPEGs
 * with Adobe's inverted samples, with and without an embedded profile, and an RGB photo in Adobe RGB.
 * The built files are judged as a reader sees them: each page is rendered (PDFBox; the previews are read
 * as they are) and the photo's quarters are looked at where the page draws it.
 */
class PhotosAsTheyComeTest {

    /** Every quadrant photo stands 300 × 400 px, so a sideways one shows as a landscape frame too. */
    private static final int W = 300, H = 400;
    private static final String CMYK_PROFILE = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
    private static final String ADOBE_RGB_PROFILE = "/usr/share/color/icc/ghostscript/a98.icc";
    /** The Adobe RGB photo is one flat colour whose look depends on its profile: (40, 150, 60) in Adobe RGB. */
    private static final int[] ADOBE_PATCH = {40, 150, 60};

    /** Cleaned up by JUnit after the class, so runs leave nothing behind in the temporary folder. */
    @TempDir
    static Path tmp;
    private static Path folder;
    private static Path out;
    private static Map<String, byte[]> files;

    @BeforeAll
    static void build() throws IOException {
        Turbo.required();
        files = new LinkedHashMap<>();
        BufferedImage standing = DeskPhotos.quadrants(W, H);
        for (int o = 1; o <= 8; o++) {
            files.put("o" + o, DeskPhotos.withOrientation(DeskPhotos.jpeg(DeskPhotos.stored(standing, o)), o));
        }
        // a phone's photo: 4032 × 3024 stored, standing 3024 × 4032
        files.put("phone", DeskPhotos.withOrientation(DeskPhotos.jpeg(DeskPhotos.stored(DeskPhotos.quadrants(3024, 4032), 6)), 6));
        files.put("cmyk", DeskPhotos.adobeCmyk(standing));
        files.put("cmykprofile", DeskPhotos.withProfile(DeskPhotos.adobeCmyk(standing), Files.readAllBytes(Path.of(CMYK_PROFILE))));
        // TurboJPEG writes four components as YCCK, with an Adobe segment (transform 2) and the samples inverted
        files.put("ycck", Turbo.required().cmyk(DeskPhotos.cmykSamples(standing, true), W, H, 92));
        BufferedImage flat = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        var g = flat.createGraphics();
        g.setColor(new Color(ADOBE_PATCH[0], ADOBE_PATCH[1], ADOBE_PATCH[2]));
        g.fillRect(0, 0, W, H);
        g.dispose();
        files.put("adobergb", DeskPhotos.withProfile(DeskPhotos.jpeg(flat), Files.readAllBytes(Path.of(ADOBE_RGB_PROFILE))));

        TestIssues.IssueFolder issue = TestIssues.minimal(tmp);
        int i = 0;
        for (var e : files.entrySet()) {
            i++;
            issue.file("photos/" + e.getKey() + ".jpg", e.getValue());
            issue.article("p" + i, "title: 图片新闻第" + i + "则\nphotos:\n  - file: photos/" + e.getKey()
                    + ".jpg\n    caption: 图片说明" + i, "本报讯　这是第" + i + "则图片新闻的正文，记者在现场拍摄了照片。\n");
        }
        folder = issue.path();
        out = Pipeline.run(folder, tmp.resolve("out"), java.util.EnumSet.of(paiban.finish.Edition.PRINT, paiban.finish.Edition.ARCHIVE, paiban.finish.Edition.EMAIL, paiban.finish.Edition.PAGES, paiban.finish.Edition.PREVIEWS),
                w -> { }).folder();
    }

    @Test
    void photosAreMeasuredAsTheyStand() {
        Issue issue = IssueReader.read(folder);
        for (var a : issue.articles()) {
            for (Photo p : a.photos()) {
                if (p.name().equals("photos/phone.jpg")) {
                    assertEquals(List.of(3024, 4032, 6), List.of(p.width(), p.height(), p.orientation()), p.name());
                } else {
                    assertEquals(List.of(W, H), List.of(p.width(), p.height()), p.name() + " as it stands");
                }
                if (p.name().matches("photos/o\\d\\.jpg")) {
                    assertEquals(p.name().charAt(8) - '0', p.orientation(), p.name());
                }
            }
        }
    }

    @Test
    void everyPhotoStandsInPrint() throws IOException {
        assertAllStand(out.resolve("print.pdf"), false);
    }

    @Test
    void everyPhotoStandsInTheArchive() throws IOException {
        assertAllStand(out.resolve("archive.pdf"), true);
    }

    @Test
    void theArchiveWithCmykPhotosIsStillPdfA() throws Exception {
        var result = paiban.testing.PdfA.validate(out.resolve("archive.pdf"));
        assertTrue(result.isCompliant(), paiban.testing.PdfA.failures(result));
    }

    @Test
    void everyPhotoStandsInEmail() throws IOException {
        assertAllStand(out.resolve("email.pdf"), true);
    }

    /** The finish stage knew every image for a photo of the copy: on screens, none is finer than 150 dpi. */
    @Test
    void everyPhotoIsShrunkForScreens() throws IOException {
        try (PDDocument doc = Loader.loadPDF(out.resolve("email.pdf").toFile())) {
            for (PDPage page : doc.getPages()) {
                for (Draw d : Draw.all(page)) assertTrue(d.dpi() <= 151, "an email image at " + Math.round(d.dpi()) + " dpi");
            }
        }
    }

    /**
     * Print keeps no more pixels than the press can use: every image at most 450 dpi (PrintPdf's cap) where it
     * is placed, the phone photo's 4032 px included, whether the decoder's M/8 scaling or a resampling
     * brought it there.
     */
    @Test
    void noPrintPhotoIsFinerThanThePressCanShow() throws IOException {
        int images = 0;
        try (PDDocument doc = Loader.loadPDF(out.resolve("print.pdf").toFile())) {
            for (PDPage page : doc.getPages()) {
                for (Draw d : Draw.all(page)) {
                    images++;
                    assertTrue(d.dpi() <= 451, "a print image at " + Math.round(d.dpi()) + " dpi");
                }
            }
        }
        assertTrue(images > 0, "print.pdf draws the photos");
    }

    @Test
    void everyPhotoStandsInThePageFilesAndPreviews() throws IOException {
        List<Seen> pages = new ArrayList<>(), previews = new ArrayList<>();
        try (var list = Files.list(out.resolve("pages"))) {
            for (Path page : list.sorted().toList()) {
                pages.addAll(look(page));
                String n = page.getFileName().toString().replace(".pdf", "");
                BufferedImage preview = ImageIO.read(out.resolve("previews/" + n + ".png").toFile());
                assertEquals(1200, preview.getHeight(), "preview " + n);
                try (PDDocument doc = Loader.loadPDF(page.toFile())) {
                    PDPage p = doc.getPage(0);
                    float scale = preview.getHeight() / p.getCropBox().getHeight();
                    for (Draw d : Draw.all(p)) previews.add(Seen.of("previews/" + n + ".png", preview, p.getCropBox(), d, scale));
                }
            }
        }
        assertStand("pages/", pages, true);
        assertStand("previews/", previews, true);
    }

    /** What one image looks like where the page draws it: its frame's shape and its four quarters' colours. */
    private record Seen(String where, boolean portrait, int[][] quarters) {

        static Seen of(String where, BufferedImage page, PDRectangle crop, Draw d, float scale) {
            int[][] q = new int[4][];
            double[][] at = {{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}}; // clockwise from top left
            for (int i = 0; i < 4; i++) {
                double x = d.left() + at[i][0] * (d.right() - d.left());
                double y = d.top() - at[i][1] * (d.top() - d.bottom());
                q[i] = mean(page, (int) Math.round((x - crop.getLowerLeftX()) * scale),
                        (int) Math.round((crop.getUpperRightY() - y) * scale));
            }
            return new Seen(where + " at (" + Math.round(d.left()) + ", " + Math.round(d.bottom()) + ")",
                    d.top() - d.bottom() > d.right() - d.left(), q);
        }
    }

    private static int[] mean(BufferedImage img, int cx, int cy) {
        long r = 0, g = 0, b = 0, n = 0;
        for (int y = cy - 2; y <= cy + 2; y++) {
            for (int x = cx - 2; x <= cx + 2; x++) {
                if (x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight()) continue;
                int rgb = img.getRGB(x, y);
                r += rgb >> 16 & 0xff;
                g += rgb >> 8 & 0xff;
                b += rgb & 0xff;
                n++;
            }
        }
        return n == 0 ? new int[]{-1, -1, -1} : new int[]{(int) (r / n), (int) (g / n), (int) (b / n)};
    }

    /** The colour's name among the quarters', or its numbers. */
    private static String named(int[] c) {
        int r = c[0], g = c[1], b = c[2];
        if (r > 150 && g < 110 && b < 110) return "red";
        if (r > 170 && g > 160 && b < 130) return "yellow";
        if (g > 100 && r < 130 && b < 140 && g > r + 40) return "green";
        if (b > 90 && r < 130 && g < 130 && b > r + 30) return "blue";
        return "(" + r + ", " + g + ", " + b + ")";
    }

    private static List<Seen> look(Path pdf) throws IOException {
        List<Seen> seen = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDPage page = doc.getPage(i);
                float scale = 2; // 144 dpi
                BufferedImage img = renderer.renderImage(i, scale, ImageType.RGB);
                for (Draw d : Draw.all(page)) {
                    seen.add(Seen.of(pdf.getFileName() + " page " + (i + 1), img, page.getCropBox(), d, scale));
                }
            }
        }
        return seen;
    }

    private static void assertAllStand(Path pdf, boolean rgb) throws IOException {
        assertStand(pdf.getFileName().toString(), look(pdf), rgb);
    }

    /**
     * Every quadrant photo shows red, green, yellow, blue clockwise from its top left in a portrait frame;
     * the Adobe RGB photo shows its patch as its profile says (on screens; print goes through CMYK, where
     * it must at least be nearer to that than to the numbers read as sRGB). Within 20 levels on screens: JPEG
     * re-encoding and the renderer's rendering intent move it a little, reading it as sRGB moves it 45.
     */
    private static void assertStand(String what, List<Seen> seen, boolean rgb) {
        List<String> wrong = new ArrayList<>();
        int quadrants = 0, flats = 0;
        int[] meant = adobeRgbInSrgb();
        for (Seen s : seen) {
            List<String> names = java.util.Arrays.stream(s.quarters()).map(PhotosAsTheyComeTest::named).toList();
            boolean flat = java.util.Arrays.stream(s.quarters()).allMatch(q -> distance(q, s.quarters()[0]) < 12);
            if (flat) {
                flats++;
                int[] c = s.quarters()[0];
                if (distance(c, meant) >= distance(c, ADOBE_PATCH) || rgb && distance(c, meant) > 20) {
                    wrong.add(s.where() + ": the Adobe RGB photo shows " + java.util.Arrays.toString(c)
                            + ", its profile gives " + java.util.Arrays.toString(meant) + " and the numbers read as sRGB "
                            + java.util.Arrays.toString(ADOBE_PATCH));
                }
            } else {
                quadrants++;
                if (!names.equals(List.of("red", "green", "yellow", "blue")) || !s.portrait()) {
                    wrong.add(s.where() + ": " + (s.portrait() ? "portrait" : "LANDSCAPE") + ", quarters clockwise " + names);
                }
            }
        }
        assertTrue(wrong.isEmpty(), what + ": photos not standing as they should:\n" + String.join("\n", wrong));
        assertTrue(quadrants >= files.size() - 1, what + ": " + quadrants + " quadrant photos seen, "
                + (files.size() - 1) + " placed");
        assertTrue(flats >= 1, what + ": the Adobe RGB photo was not seen");
    }

    /** The Adobe RGB patch in sRGB, by Java's own colour management from the same profile. */
    private static int[] adobeRgbInSrgb() {
        try {
            ICC_ColorSpace adobe = new ICC_ColorSpace(ICC_Profile.getInstance(ADOBE_RGB_PROFILE));
            float[] srgb = adobe.toRGB(new float[]{ADOBE_PATCH[0] / 255f, ADOBE_PATCH[1] / 255f, ADOBE_PATCH[2] / 255f});
            int[] out = {Math.round(srgb[0] * 255), Math.round(srgb[1] * 255), Math.round(srgb[2] * 255)};
            assertTrue(distance(out, ADOBE_PATCH) > 20, "the patch must look different in Adobe RGB and sRGB");
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double distance(int[] a, int[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    /** Where a page draws an image: the bounding box of the unit square under the current matrix. */
    private record Draw(double left, double bottom, double right, double top, int pixelsLong) {

        /** Pixels per inch along the image's long side, wherever it lies on the page. */
        double dpi() {
            return pixelsLong / (Math.max(right - left, top - bottom) / 72);
        }


        static List<Draw> all(PDPage page) throws IOException {
            List<Draw> out = new ArrayList<>();
            PDFStreamEngine engine = new PDFStreamEngine() {
                {
                    addOperator(new Save(this));
                    addOperator(new Restore(this));
                    addOperator(new Concatenate(this));
                    addOperator(new DrawObject(this));
                }

                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name
                            && getResources().getXObject(name) instanceof PDImageXObject image) {
                        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
                        double[] xs = new double[4], ys = new double[4];
                        double[][] corners = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
                        for (int i = 0; i < 4; i++) {
                            Point2D.Float p = m.transformPoint((float) corners[i][0], (float) corners[i][1]);
                            xs[i] = p.x;
                            ys[i] = p.y;
                        }
                        out.add(new Draw(java.util.Arrays.stream(xs).min().orElseThrow(), java.util.Arrays.stream(ys).min().orElseThrow(),
                                java.util.Arrays.stream(xs).max().orElseThrow(), java.util.Arrays.stream(ys).max().orElseThrow(),
                                Math.max(image.getWidth(), image.getHeight())));
                    }
                    super.processOperator(operator, operands);
                }
            };
            engine.processPage(page);
            return out;
        }
    }
}
