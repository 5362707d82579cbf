package paiban.check;

import org.apache.commons.io.FileUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.Pipeline;
import paiban.cli.Main;
import paiban.finish.Edition;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code paiban check --furniture} on the sample issue as built, on a copy of it whose issue.yaml lacks
 * the publication data, on its pages put out of order, and on ads drawn as another program would draw them.
 */
class FurnitureCheckTest {

    static final Path ISSUE = Path.of("issues", "2021-06-22");
    static final List<String> REQUIRED_KEYS = List.of("cn", "postal-code", "supervisor", "sponsor", "address",
            "telephone", "printer", "price");

    static Path sample;
    static Path stripped;
    static Path strippedPdf;
    static List<String> strippedWarnings = new ArrayList<>();

    @BeforeAll
    static void build(@TempDir Path out) throws IOException {
        sample = Pipeline.run(ISSUE, out.resolve("out"), Set.of(Edition.PRINT), w -> { }).folder().resolve("print.pdf");
        stripped = copy(ISSUE, out.resolve("stripped"));
        String yaml = Files.readString(stripped.resolve("issue.yaml"));
        StringBuilder kept = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            if (REQUIRED_KEYS.stream().noneMatch(k -> line.startsWith(k + ":"))) kept.append(line).append('\n');
        }
        Files.writeString(stripped.resolve("issue.yaml"), kept);
        strippedPdf = Pipeline.run(stripped, out.resolve("out"), Set.of(Edition.PRINT), strippedWarnings::add).folder()
                .resolve("print.pdf");
    }

    @Test
    void theSampleIssueCarriesEverythingTheRulesRequire() {
        FurnitureReport r = FurnitureCheck.check(sample);
        assertTrue(r.clean(), r.summary() + "\n" + r.findings());
        assertEquals(2, r.pages());
        assertEquals(0, r.ads());
        assertEquals(List.of("no ads are marked (no outline item titled 广告…): no 广告 labels to check"), r.notes());
    }

    @Test
    void theCommandPassesTheSampleAndExitsZero() {
        String out = run(0, "check", "--furniture", sample.toString());
        assertTrue(out.contains("the furniture the rules require is all there"), out);
        assertTrue(out.contains("no ads are marked"), out);
    }

    @Test
    void aStrippedIssueIsBuiltWithAWarningPerMissingKey() {
        for (String key : REQUIRED_KEYS) {
            assertTrue(strippedWarnings.stream().anyMatch(w -> w.startsWith("issue.yaml: the field '" + key + "' is missing")),
                    key + " not warned of: " + strippedWarnings);
        }
    }

    @Test
    void theCheckNamesEachItemTheStrippedIssueLacksWithItsPage() {
        FurnitureReport r = FurnitureCheck.check(strippedPdf);
        List<String> found = r.findings().stream().map(f -> "p" + f.page() + " " + f.item()).toList();
        assertEquals(List.of("p1 国内统一连续出版物号", "p1 邮发代号", "p1 主管", "p1 主办", "p2 地址", "p2 电话", "p2 印刷", "p2 定价"),
                found, r.findings().toString());
        String out = run(1, "check", "--furniture", strippedPdf.toString());
        assertTrue(out.contains("p1: 邮发代号: missing") && out.contains("p2: 定价: missing"), out);
        assertTrue(out.contains("8 items missing or wrong"), out);
    }

    @Test
    void strictRefusesTheStrippedIssueAndWritesNothing(@TempDir Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("build", stripped.toString(), "--out", out.resolve("strict").toString(), "--strict",
                    "--edition", "print");
        } finally {
            System.setErr(old);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, said);
        for (String key : REQUIRED_KEYS) assertTrue(said.contains("the field '" + key + "' is missing"), said);
        assertFalse(Files.exists(out.resolve("strict")), "nothing is written");
    }

    @Test
    void pagesOutOfSequenceAreFound(@TempDir Path tmp) throws IOException {
        Path swapped = tmp.resolve("swapped.pdf");
        try (PDDocument doc = Loader.loadPDF(sample.toFile())) {
            PDPage first = doc.getPage(0);
            doc.getPages().remove(0);
            doc.getPages().add(first);
            doc.save(swapped.toFile());
        }
        FurnitureReport r = FurnitureCheck.check(swapped);
        List<String> sequence = r.findings().stream().filter(f -> f.item().equals("第N版")).map(FurnitureFinding::toString)
                .toList();
        assertEquals(List.of(
                "p1: 第N版: the running head or folio says 第2版 on the PDF's page 1; the pages are out of sequence",
                "p2: 第N版: the running head or folio says 第1版 on the PDF's page 2; the pages are out of sequence"),
                sequence, r.findings().toString());
        // and the 报头 is no longer on page 1, nor the 报尾 on the last
        assertTrue(r.findings().stream().anyMatch(f -> f.page() == 1 && f.item().equals("报名")), r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.page() == 2 && f.item().equals("定价")), r.findings().toString());
    }

    @Test
    void aPageCountThatIsNotTodaysIsFound(@TempDir Path tmp) throws IOException {
        Path shortened = tmp.resolve("shortened.pdf");
        try (PDDocument doc = Loader.loadPDF(sample.toFile())) {
            doc.getPages().remove(1);
            doc.save(shortened.toFile());
        }
        FurnitureReport r = FurnitureCheck.check(shortened);
        assertTrue(r.findings().stream().anyMatch(f -> f.toString().equals(
                "p1: 今日N版: says 今日2版 but the issue has 1 pages")), r.findings().toString());
    }

    @Test
    void aNameSmallerThanAHeadlineIsFound(@TempDir Path tmp) throws IOException {
        ForeignPdf pdf = new ForeignPdf(595, 842);
        ForeignPdf.Face face = pdf.face("ABCDEF+SourceHanSerif-Bold", "SourceHanSerif");
        pdf.newPage();
        pdf.text(face, 30, 40, 80, "广东科技报", 0, Set.of());
        pdf.text(face, 36, 40, 160, "省科协举办交流分享会", 0, Set.of());
        Path file = tmp.resolve("small-name.pdf");
        pdf.write(file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            doc.getDocumentInformation().setTitle("广东科技报 2021-06-22 总第2548期");
            doc.save(file.toFile());
        }
        FurnitureReport r = FurnitureCheck.check(file);
        assertTrue(r.findings().stream().anyMatch(f -> f.toString().equals("p1: 报名: the paper's name 「广东科技报」 at "
                + "30.0 pt is not the largest text on page 1: 「省科协举办交流分享会」 is set at 36.0 pt")), r.findings().toString());
    }

    /**
     * Three ads as the outline marks them: one image labelled 广告 at its foot, one image without a label,
     * and one drawn as a grey box (nothing to measure it by) labelled below its corner.
     */
    @Test
    void everyMarkedAdMustBeLabelled(@TempDir Path tmp) throws IOException {
        ForeignPdf pdf = new ForeignPdf(595, 842);
        ForeignPdf.Face face = pdf.face("ABCDEF+SourceHanSans-Regular", "SourceHanSans");
        pdf.newPage();
        pdf.text(face, 7.5f, 400, 330, "广告", 0, Set.of()); // under the first ad's lower edge (320)
        pdf.box(40, 600, 200, 100);
        pdf.text(face, 7.5f, 42, 690, "广告", 0, Set.of()); // inside the grey box, near its foot
        Path file = tmp.resolve("ads.pdf");
        pdf.write(file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDPage page = doc.getPage(0);
            float h = page.getCropBox().getHeight();
            var image = LosslessFactory.createFromImage(doc, new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB));
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false, true)) {
                s.drawImage(image, 300, h - 320, 200, 100);  // ad 1: 300..500 across, 220..320 down
                s.drawImage(image, 300, h - 520, 200, 100);  // ad 2: 300..500 across, 420..520 down
            }
            PDDocumentOutline outline = new PDDocumentOutline();
            outline.addLast(ad(page, "广告：科普出版社", 300, h - 220));
            outline.addLast(ad(page, "广告：某某电器", 300, h - 420));
            outline.addLast(ad(page, "广告 公益", 40, h - 600));
            doc.getDocumentCatalog().setDocumentOutline(outline);
            doc.save(file.toFile());
        }
        FurnitureReport r = FurnitureCheck.check(file);
        assertEquals(3, r.ads());
        List<String> ads = r.findings().stream().filter(f -> f.item().equals("广告")).map(FurnitureFinding::toString).toList();
        assertEquals(List.of("p1: 广告: the ad 「广告：某某电器」 is not labelled 广告 inside its area or at its edge "
                + "(300, 420 pt from the page's top left)"), ads);
    }

    private static PDOutlineItem ad(PDPage page, String title, float left, float top) {
        PDPageXYZDestination d = new PDPageXYZDestination();
        d.setPage(page);
        d.setLeft((int) left);
        d.setTop((int) top);
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(d);
        return item;
    }

    private static String run(int expected, String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.run(args);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(expected, code, out);
        return out;
    }

    private static Path copy(Path from, Path to) throws IOException {
        FileUtils.copyDirectory(from.toFile(), to.toFile());
        return to;
    }
}
