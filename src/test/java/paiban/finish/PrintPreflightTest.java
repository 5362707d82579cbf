package paiban.finish;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build's preflight of print.pdf: over the ink limit is an error, the rest are warnings. */
class PrintPreflightTest {

    private static Path page(Path dir, float c, float m, float y, float k, boolean boxes) throws IOException {
        Path file = dir.resolve("p" + c + m + y + k + boxes + ".pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(200, 200));
            if (boxes) {
                page.setTrimBox(new PDRectangle(0, 0, 200, 200));
                page.setBleedBox(new PDRectangle(0, 0, 200, 200));
            }
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.setNonStrokingColor(c, m, y, k);
                s.addRect(20, 20, 100, 100);
                s.fill();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    @Test
    void aPrintPdfOverTheLimitFailsTheBuildNamingWhere(@TempDir Path dir) throws IOException {
        Path over = page(dir, 0.7f, 0.7f, 0.7f, 0.5f, true); // 260 %
        PaibanException e = assertThrows(PaibanException.class,
                () -> PrintPdf.preflight(over, 240, w -> { }));
        assertTrue(e.getMessage().startsWith("print.pdf: breaks the layout's ink limit of 240 %")
                && e.getMessage().contains("p1: ink limit: page") && e.getMessage().contains("% ink (limit 240%)")
                && e.getMessage().contains("no edition was written"), e.getMessage());
        // the same file within a looser limit passes
        PrintPdf.preflight(over, 280, w -> { });
    }

    @Test
    void otherFindingsAreWarnings(@TempDir Path dir) throws IOException {
        List<String> warnings = new ArrayList<>();
        PrintPdf.preflight(page(dir, 0, 0, 0, 1, false), 240, warnings::add);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("print.pdf: p1: trim and bleed: page: no TrimBox")),
                warnings.toString());
    }

    /**
     * A hairline over the limit (a black rule overprinting a coloured one) is a warning, not a stop; a patch
     * of a few millimetres is a stop.
     */
    @Test
    void aHairlineOverTheLimitWarnsButAPatchStops(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hairline.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(800, 1100));
            page.setTrimBox(page.getMediaBox());
            page.setBleedBox(page.getMediaBox());
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.setNonStrokingColor(0.7f, 0.7f, 0.7f, 0.5f); // 260 %, one point wide
                s.addRect(100, 100, 1, 40);
                s.fill();
            }
            doc.save(file.toFile());
        }
        List<String> warnings = new ArrayList<>();
        PrintPdf.preflight(file, 240, warnings::add);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("ink limit") && w.contains("% ink (limit 240%)")), warnings.toString());
        Path patch = page(dir, 0.7f, 0.7f, 0.7f, 0.5f, true);
        assertThrows(PaibanException.class, () -> PrintPdf.preflight(patch, 240, w -> { }));
    }
}
