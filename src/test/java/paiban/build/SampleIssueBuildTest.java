package paiban.build;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.cli.Main;
import paiban.copy.IssueReader;
import paiban.model.Article;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foundation issue's promises, checked on the real sample issue built through the command line. */
class SampleIssueBuildTest {

    static final Path SAMPLE = Path.of("issues/2021-06-22");

    @TempDir
    static Path out;

    static Path pdf;
    static Issue issue;

    @BeforeAll
    static void build() {
        int code = Main.run("build", SAMPLE.toString(), "--out", out.toString());
        assertEquals(0, code, "paiban build exits 0");
        pdf = out.resolve("2021-06-22/print.pdf");
        issue = IssueReader.read(SAMPLE);
    }

    @Test
    void buildWritesPrintPdfUnderTheIssuesName() {
        assertTrue(Files.isRegularFile(pdf), "print.pdf under <out>/<issue id>/");
    }

    @Test
    void everyPieceOfCopyIsInPdfBoxText() throws IOException {
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertCopyIn(text, "PDFBox");
    }

    @Test
    void everyPieceOfCopyIsInPdftotextText() throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        assertCopyIn(text, "pdftotext");
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertTrue(f.isEmbedded(), f.getName() + " is embedded");
                    fonts++;
                }
            }
            assertTrue(fonts >= 4, "body, bold, headline and kai fonts are used; found " + fonts);
        }
    }

    @Test
    void pdffontsSaysEveryFontIsEmbedded() throws Exception {
        Process p = new ProcessBuilder("pdffonts", pdf.toString()).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor());
        List<String> rows = lines.subList(2, lines.size());
        assertTrue(rows.size() >= 4, String.join("\n", lines));
        for (String row : rows) {
            // columns: name type encoding emb sub uni object ID
            String[] cols = row.trim().split("\\s+");
            assertEquals("yes", cols[cols.length - 5], "embedded: " + row);
        }
    }

    @Test
    void theFirstPageCarriesTheMastheadAndTheLeadStory() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            String first = CopyInPdf.squash(s.getText(doc));
            assertTrue(first.contains("广东科技报"), "paper name");
            assertTrue(first.contains("2021年6月22日"), "date");
            assertTrue(first.contains("星期二"), "weekday");
            assertTrue(first.contains("总第2548期"), "issue number");
            assertTrue(first.contains("省科协举办党史学习教育交流分享会"), "lead headline on page 1");
        }
    }

    private static void assertCopyIn(String text, String tool) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Article a : issue.articles()) {
            for (String piece : CopyInPdf.pieces(a)) {
                checked++;
                String missing = CopyInPdf.missing(piece, text, 2);
                if (!missing.isEmpty()) problems.add(a.slug() + ": " + missing);
            }
        }
        assertTrue(checked >= 20, "checked " + checked + " pieces");
        assertTrue(problems.isEmpty(), tool + " text lacks:\n" + String.join("\n", problems));
    }

    @Test
    void everyEditionIsWrittenAndTheEmailIsSmall() throws IOException {
        Path folder = pdf.getParent();
        for (String f : List.of("print.pdf", "archive.pdf", "email.pdf", "text.json", "pages/01.pdf", "pages/02.pdf",
                "previews/01.png", "previews/thumbs/01.png", "archive/mets.xml", "archive/alto/01.xml", "archive/alto/02.xml")) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
        long print = Files.size(folder.resolve("print.pdf"));
        long email = Files.size(folder.resolve("email.pdf"));
        assertTrue(email * 3 <= print, "email " + email + " bytes is at most a third of print " + print);
        assertTrue(email <= 2_000_000, "email " + email + " bytes");
        try (Stream<Path> s = Files.list(folder)) {
            // only the freshness stamp and the lock file may be hidden there; no staged .part or temp file
            assertTrue(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))
                    .allMatch(n -> n.equals(".paiban-build") || n.equals(".paiban-lock")), "no temporary file is left");
        }
    }
}
