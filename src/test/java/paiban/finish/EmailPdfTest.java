package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailPdfTest {

    static FinishedFixture built;

    @BeforeAll
    static void build() throws IOException {
        built = FinishedFixture.shared();
    }

    @Test
    void emailIsAtMostAThirdOfPrintAndUnderTwoMegabytes() throws IOException {
        long email = Files.size(built.file("email.pdf")), print = Files.size(built.file("print.pdf"));
        assertTrue(email * 3 <= print, "email " + email + " bytes, print " + print);
        assertTrue(email <= 2L * 1024 * 1024, "email " + email + " bytes");
    }

    @Test
    void emailTextIsPrintTextExactly() throws IOException {
        try (PDDocument email = Loader.loadPDF(built.file("email.pdf").toFile());
             PDDocument print = Loader.loadPDF(built.file("print.pdf").toFile())) {
            String text = new PDFTextStripper().getText(email);
            assertTrue(text.contains(RenderedFixture.SEA_TITLE), text);
            assertEquals(new PDFTextStripper().getText(print), text);
        }
    }

    @Test
    void noPhotoIsFinerThan150DpiWherePlaced() throws IOException {
        try (PDDocument email = Loader.loadPDF(built.file("email.pdf").toFile())) {
            var placed = PlacedImages.find(email).values();
            assertEquals(2, placed.size());
            for (PlacedImages.Placement p : placed) {
                assertTrue(p.dpi() <= EmailPdf.MAX_DPI + 0.5, p + " at " + p.dpi() + " dpi");
                assertEquals(List.of(COSName.DCT_DECODE), new org.apache.pdfbox.pdmodel.common.PDStream(p.image()).getFilters());
            }
            // The large photo was reduced (1600 px placed at 180 mm is 226 dpi), not merely re-encoded.
            assertTrue(placed.stream().anyMatch(p -> p.pixelWidth() < 1600 && p.pixelWidth() > 1000));
        }
    }

    @Test
    void everyStreamIsCompressedButTheMetadata() throws IOException {
        byte[] bytes = Files.readAllBytes(built.file("email.pdf"));
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("/ObjStm"), "objects packed into object streams");
        try (PDDocument email = Loader.loadPDF(bytes)) {
            List<String> plain = new ArrayList<>();
            CosWalk.dictionaries(email.getDocument().getTrailer(), d -> {
                if (d instanceof COSStream s && !s.containsKey(COSName.FILTER)
                        && !COSName.METADATA.equals(s.getCOSName(COSName.TYPE))) {
                    plain.add(s.toString());
                }
            });
            assertEquals(List.of(), plain);
        }
    }
}
