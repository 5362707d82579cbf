package paiban.check;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.Pipeline;
import paiban.compose.VerticalHeadlineTest;
import paiban.finish.Edition;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code paiban check} reads vertical lines (竖排): a column of glyphs stacked top to bottom is a line, read
 * right to left after the one before, and the prohibitions hold at its ends. Pages drawn here with PDFBox
 * (nothing of paiban's), and a vertical headline paiban built.
 */
class VerticalLinesTest {

    static final float SIZE = 24;

    @TempDir
    Path tmp;

    /**
     * A page of vertical lines, each a string drawn upright one em per character from the top, the first
     * at the right and each next one a line pitch to its left, with a horizontal body line beneath them.
     */
    private Path page(String... columns) throws IOException {
        Path pdf = tmp.resolve("vertical.pdf");
        try (PDDocument doc = new PDDocument();
             TrueTypeCollection ttc = new TrueTypeCollection(new File("/usr/share/fonts/truetype/arphic/ukai.ttc"))) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("UKaiCN"), true);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, SIZE);
                float x = 500;
                for (String column : columns) {
                    float y = 780;
                    for (int cp : column.codePoints().toArray()) {
                        cs.setTextMatrix(Matrix.getTranslateInstance(x, y));
                        cs.showText(new String(Character.toChars(cp)));
                        y -= SIZE;
                    }
                    x -= SIZE * 1.3f;
                }
                cs.setFont(font, 9);
                cs.setTextMatrix(Matrix.getTranslateInstance(60, 300));
                cs.showText("一二三四五六七八九十一二三四五六七八九十");
                cs.endText();
            }
            doc.save(pdf.toFile());
        }
        return pdf;
    }

    @Test
    void aVerticalHeadlineInTwoColumnsIsReadAndFoundClean() throws IOException {
        Report r = Proofreader.check(page("青少年科技", "创新大赛开幕"), null);
        assertEquals(2, r.verticalLines(), r.summary());
        assertTrue(r.clean(), r.findings().toString());
    }

    @Test
    void aColumnThatStartsWithAStopIsCaughtNamingPageAndLine() throws IOException {
        Report r = Proofreader.check(page("青少年科技创新", "。大赛开幕"), null);
        assertEquals(1, r.findings().size(), r.findings().toString());
        Finding f = r.findings().getFirst();
        assertEquals(Finding.Kind.LINE_START, f.kind());
        assertEquals(1, f.page());
        assertEquals("。大赛开幕", f.line());
        assertTrue(f.toString().startsWith("p1: line start: vertical line at x "), f.toString());
        assertTrue(f.toString().endsWith("starts with '。'  「。大赛开幕」"), f.toString());
    }

    @Test
    void aColumnThatEndsWithAnOpeningMarkIsCaught() throws IOException {
        Report r = Proofreader.check(page("大赛在江门《", "青少年》开幕"), null);
        assertEquals(List.of(Finding.Kind.LINE_END), r.findings().stream().map(Finding::kind).toList(), r.findings().toString());
        assertEquals("大赛在江门《", r.findings().getFirst().line());
    }

    @Test
    void aNumberSplitFromItsUnitBetweenColumnsIsCaught() throws IOException {
        Report r = Proofreader.check(page("大会于12", "月召开会议"), null);
        assertEquals(List.of(Finding.Kind.SPLIT), r.findings().stream().map(Finding::kind).toList(), r.findings().toString());
        assertTrue(r.findings().getFirst().detail().contains("a number and its unit"), r.findings().toString());
    }

    @Test
    void horizontalLinesAreNeverTakenForVerticalOnes() {
        Report r = ProofreaderTest.clean().check();
        assertEquals(0, r.verticalLines());
    }

    /**
     * A story with {@code headline: vertical}, built by the real pipeline: the check reads its headline's
     * columns and finds nothing, and extracted text gives the headline in reading order.
     */
    @Test
    void aVerticalHeadlinePaibanBuiltPassesTheCheck() throws IOException {
        Path folder = Pipeline.run(VerticalHeadlineTest.issue("tabloid"), tmp, Set.of(Edition.PRINT), w -> { }).folder();
        Path pdf = folder.resolve("print.pdf");
        Report r = Proofreader.check(pdf, null);
        assertTrue(r.clean(), r.summary() + "\n" + r.findings());
        assertTrue(r.verticalLines() >= 2, "the kicker's and the title's columns: " + r.summary());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            assertTrue(text.contains("科普在身边" + VerticalHeadlineTest.TITLE), "the headline is not read in order");
        }
    }
}
