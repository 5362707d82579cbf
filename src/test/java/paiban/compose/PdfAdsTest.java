package paiban.compose;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfGState;
import org.openpdf.text.pdf.PdfWriter;
import paiban.Pipeline;
import paiban.check.Preflight;
import paiban.check.PressReport;
import paiban.cli.Main;
import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.finish.Edition;
import paiban.finish.FullText;

import javax.imageio.ImageIO;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ad supplied as a PDF: its first page placed as drawn (a form XObject, its type still text and its
 * shapes still paths) in every edition, which all stay valid; what an edition could not carry is refused
 * naming issue.yaml's line and the ad.
 */
class PdfAdsTest {

    private static final String KAI = "/usr/share/fonts/truetype/arphic/ukai.ttc,0";
    /** The 半通栏's proportions on tabloid, as the demo's PNG has them. */
    private static final float W = 650, H = 650 * 450 / 2888f;

    private static Path dir;
    private static Path out;

    /**
     * The demo's 半通栏 as an agency's PDF: an RGB ground, a CMYK bar within the limit (M and Y full: 200 %)
     * and the advertiser's name in an embedded font, drawn by {@code more} besides.
     */
    static byte[] adPdf(Consumer<PdfContentByte> more, Consumer<PdfWriter> settings) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document d = new Document(new Rectangle(W, H));
        PdfWriter w = PdfWriter.getInstance(d, bytes);
        settings.accept(w);
        d.open();
        PdfContentByte cb = w.getDirectContent();
        cb.setRGBColorFill(20, 60, 140);
        cb.rectangle(0, 0, W, H);
        cb.fill();
        cb.setCMYKColorFill(0, 255, 255, 0);
        cb.rectangle(W - 120, 0, 120, H);
        cb.fill();
        BaseFont kai = BaseFont.createFont(KAI, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        cb.beginText();
        cb.setFontAndSize(kai, 40);
        cb.setRGBColorFill(255, 255, 255);
        cb.showTextAligned(PdfContentByte.ALIGN_LEFT, "粤科仪器矢量广告", 30, H / 2 - 14, 0);
        cb.endText();
        more.accept(cb);
        d.close();
        return bytes.toByteArray();
    }

    static Path withAd(String name, byte[] pdf) throws IOException {
        Path d = AdsTest.demo(name, "tabloid");
        Files.write(d.resolve("ads/yueke.pdf"), pdf);
        Path yaml = d.resolve("issue.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("ads/yueke-instruments.png", "ads/yueke.pdf"));
        return d;
    }

    @BeforeAll
    static void build() throws Exception {
        dir = withAd("ads-pdf", adPdf(cb -> { }, w -> { }));
        out = ComposedIssues.fresh("ads-pdf-out");
        assertEquals(0, Main.run("build", dir.toString(), "--out", out.toString()));
        out = out.resolve("ads-pdf");
    }

    /** The ad's frame on page 2, in the coordinates of the page's crop box (y down), from text.json. */
    private static Rectangle2D frame(PDDocument doc) throws IOException {
        FullText.AdEntry ad = FullText.read(out.resolve("text.json")).ads().get(1);
        var trim = doc.getPage(1).getTrimBox();
        var crop = doc.getPage(1).getCropBox();
        float ox = trim.getLowerLeftX() - crop.getLowerLeftX(), oy = crop.getUpperRightY() - trim.getUpperRightY();
        return new Rectangle2D.Float(ox + ad.x(), oy + ad.y(), ad.width(), ad.height());
    }

    private static String textIn(PDDocument doc, Rectangle2D r) throws IOException {
        PDFTextStripperByArea strip = new PDFTextStripperByArea();
        strip.addRegion("ad", r);
        strip.extractRegions(doc.getPage(1));
        return strip.getTextForRegion("ad");
    }

    @Test
    void theAdIsPlacedAsDrawnInEveryPdfEdition() throws IOException {
        for (String pdf : List.of("print.pdf", "archive.pdf", "email.pdf", "pages/02.pdf")) {
            try (PDDocument doc = Loader.loadPDF(out.resolve(pdf).toFile())) {
                if (pdf.startsWith("pages/")) continue; // its page is the issue's page 2; checked below by its form
                String text = textIn(doc, frame(doc));
                assertTrue(text.contains("粤科仪器矢量广告"), pdf + ": the ad's type is text still: '" + text + "'");
                assertTrue(text.contains("广告"), pdf + ": labelled");
                assertTrue(forms(doc.getPage(1).getResources()) >= 1, pdf + ": the ad is a form XObject");
            }
        }
        try (PDDocument doc = Loader.loadPDF(out.resolve("pages/02.pdf").toFile())) {
            assertTrue(forms(doc.getPage(0).getResources()) >= 1, "pages/02.pdf: the ad is a form XObject");
        }
        // nothing of it became pixels: page 2's only image is the gallery's photo
        try (PDDocument doc = Loader.loadPDF(out.resolve("print.pdf").toFile())) {
            assertEquals(1, images(doc.getPage(1).getResources()), "print.pdf page 2's images");
        }
    }

    /** The agency's drawing is scaled alike on both axes, never stretched to the frame's rounding. */
    @Test
    void theAdIsScaledAlikeOnBothAxes() throws IOException {
        try (PDDocument doc = Loader.loadPDF(out.resolve("print.pdf").toFile())) {
            List<float[]> scales = new java.util.ArrayList<>();
            var engine = new org.apache.pdfbox.contentstream.PDFStreamEngine() {
                {
                    addOperator(new org.apache.pdfbox.contentstream.operator.state.Save(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.state.Restore(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.state.Concatenate(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.DrawObject(this));
                }

                @Override
                public void showForm(PDFormXObject form) throws IOException {
                    var m = getGraphicsState().getCurrentTransformationMatrix().multiply(form.getMatrix());
                    scales.add(new float[] {m.getScaleX(), m.getScaleY(), m.getShearX(), m.getShearY()});
                }
            };
            engine.processPage(doc.getPage(1));
            assertFalse(scales.isEmpty(), "page 2 draws the ad's form");
            for (float[] s : scales) {
                assertEquals(0, s[2], 1e-6, "no shear");
                assertEquals(0, s[3], 1e-6, "no shear");
                assertEquals(s[0], s[1], Math.abs(s[0]) * 1e-5, "one scale for both axes: " + s[0] + " and " + s[1]);
            }
        }
    }

    private static int forms(PDResources r) throws IOException {
        int n = 0;
        for (COSName name : r.getXObjectNames()) if (r.getXObject(name) instanceof PDFormXObject) n++;
        return n;
    }

    private static int images(PDResources r) throws IOException {
        int n = 0;
        for (COSName name : r.getXObjectNames()) {
            var x = r.getXObject(name);
            if (x instanceof PDImageXObject) n++;
            else if (x instanceof PDFormXObject f && f.getResources() != null) n += images(f.getResources());
        }
        return n;
    }

    @Test
    void printKeepsTheInkLimitWithNoRgbLeft() {
        PressReport press = Preflight.check(out.resolve("print.pdf"), 240);
        for (PressReport.PageInk p : press.pages()) assertTrue(p.maxTac() <= 240, "page " + p.page() + ": " + p.maxTac() + " %");
        // the CMYK bar is the agency's 200 %, not converted again
        assertTrue(press.pages().get(1).maxTac() >= 199, "page 2 reaches " + press.pages().get(1).maxTac() + " %");
        assertEquals(List.of(), press.findings(), "the press's preflight");
    }

    @Test
    void theFurnitureCheckFindsTheAdLabelled() {
        paiban.check.FurnitureReport r = paiban.check.FurnitureCheck.check(out.resolve("print.pdf"));
        assertEquals(2, r.ads(), r.summary());
        assertTrue(r.clean(), r.summary() + ": " + r.findings());
    }

    @Test
    void theArchiveIsStillPdfA() throws Exception {
        var result = paiban.testing.PdfA.validate(out.resolve("archive.pdf"));
        assertTrue(result.isCompliant(), paiban.testing.PdfA.failures(result));
    }

    @Test
    void theAdIsListedBookmarkedAndShownInThePreview() throws IOException {
        FullText.Document text = FullText.read(out.resolve("text.json"));
        assertEquals(List.of("岭南种业", "粤科仪器"), text.ads().stream().map(FullText.AdEntry::advertiser).toList());
        try (PDDocument doc = Loader.loadPDF(out.resolve("archive.pdf").toFile())) {
            List<String> marks = new ArrayList<>();
            collect(doc.getDocumentCatalog().getDocumentOutline(), marks);
            assertEquals(List.of("广告：岭南种业", "广告：粤科仪器"), marks);
        }
        // the preview shows the ad's blue ground inside its frame
        BufferedImage preview = ImageIO.read(out.resolve("previews/02.png").toFile());
        FullText.AdEntry ad = text.ads().get(1);
        try (PDDocument doc = Loader.loadPDF(out.resolve("pages/02.pdf").toFile())) {
            var crop = doc.getPage(0).getCropBox();
            float scale = preview.getHeight() / crop.getHeight();
            var trim = doc.getPage(0).getTrimBox();
            float x = trim.getLowerLeftX() - crop.getLowerLeftX() + ad.x() + 10;
            float y = crop.getUpperRightY() - trim.getUpperRightY() + ad.y() + ad.height() / 2;
            int rgb = preview.getRGB(Math.round(x * scale), Math.round(y * scale));
            int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
            assertTrue(b > r + 40 && b > g + 20, "the preview's pixel in the ad is not its blue: " + r + "," + g + "," + b);
        }
    }

    private static void collect(PDOutlineNode node, List<String> out) {
        if (node == null) return;
        for (PDOutlineItem item : node.children()) {
            if (item.getTitle().startsWith("广告")) out.add(item.getTitle());
            collect(item, out);
        }
    }

    @Test
    void twoBuildsWriteTheSamePrintFile() throws IOException {
        Path again = ComposedIssues.fresh("ads-pdf-again");
        assertEquals(0, Main.run("build", dir.toString(), "--out", again.toString(), "--edition", "print"));
        assertTrue(Arrays.equals(Files.readAllBytes(out.resolve("print.pdf")),
                Files.readAllBytes(again.resolve("ads-pdf/print.pdf"))), "two builds of the PDF ad differ");
    }

    // ---- refused ----------------------------------------------------------------------------------

    private static String refused(String name, byte[] pdf) throws IOException {
        Path d = withAd(name, pdf);
        return assertThrows(PaibanException.class, () -> IssueReader.read(d)).getMessage();
    }

    private static final String HERE = "issue.yaml:31: ads[2] (粤科仪器), file: ads/yueke.pdf ";

    @Test
    void aFileThatIsNoPdfIsRefused() throws IOException {
        String m = refused("ads-pdf-not", "这不是PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(m.startsWith(HERE + "is not a readable PDF"), m);
    }

    @Test
    void anEncryptedPdfIsRefused() throws Exception {
        String owner = refused("ads-pdf-owner", encrypted(""));
        assertTrue(owner.startsWith(HERE + "is encrypted (security settings restrict it)"), owner);
        String user = refused("ads-pdf-user", encrypted("reader"));
        assertTrue(user.startsWith(HERE + "is encrypted with a password"), user);
    }

    /** The ad encrypted by PDFBox (AES-128), restricted by an owner password, opened with {@code user}. */
    private static byte[] encrypted(String user) throws Exception {
        try (PDDocument doc = Loader.loadPDF(adPdf(cb -> { }, w -> { }))) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("agency", user,
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    @Test
    void aPdfWithoutPagesIsRefused() throws IOException {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.save(empty);
        }
        String m = refused("ads-pdf-empty", empty.toByteArray());
        assertTrue(m.startsWith(HERE + "has no pages"), m);
    }

    @Test
    void aFontThatIsNotEmbeddedIsRefusedByName() throws Exception {
        String m = refused("ads-pdf-font", adPdf(cb -> {
            try {
                cb.beginText();
                cb.setFontAndSize(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED), 12);
                cb.showTextAligned(PdfContentByte.ALIGN_LEFT, "Tel 020-1234", 30, 10, 0);
                cb.endText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, w -> { }));
        assertTrue(m.startsWith(HERE + "uses the font Helvetica (in its first page) without embedding it"), m);
    }

    @Test
    void transparencyIsRefused() throws Exception {
        String m = refused("ads-pdf-alpha", adPdf(cb -> {
            PdfGState half = new PdfGState();
            half.setFillOpacity(0.5f);
            cb.setGState(half);
            cb.rectangle(10, 10, 50, 50);
            cb.fill();
        }, w -> { }));
        assertTrue(m.startsWith(HERE + "uses transparency (the graphics state"), m);
    }

    /** CMYK beyond the limit is the agency's to fix: the build stops naming the ad, and writes nothing. */
    @Test
    void anAdWhoseOwnInksBreakTheLimitStopsTheBuildNamingIt() throws Exception {
        Path d = withAd("ads-pdf-ink", adPdf(cb -> {
            cb.setCMYKColorFill(255, 255, 255, 255);
            cb.rectangle(W - 240, 0, 100, H);
            cb.fill();
        }, w -> { }));
        Path o = ComposedIssues.fresh("ads-pdf-ink-out");
        String m = assertThrows(PaibanException.class, () -> Pipeline.run(d, o, EnumSet.of(Edition.PRINT), w -> { }))
                .getMessage();
        assertTrue(m.startsWith("issue.yaml:31: ads[2] (粤科仪器) on page 2 (400 % at most): the PDF ad's inks break the"
                + " layout's ink limit of 240 %"), m);
        assertFalse(Files.exists(o.resolve("ads-pdf-ink/print.pdf")), "print.pdf was written");
    }
}
