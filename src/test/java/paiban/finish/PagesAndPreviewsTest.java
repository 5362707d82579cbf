package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagesAndPreviewsTest {

    static FinishedFixture built;

    @BeforeAll
    static void build() throws IOException {
        built = FinishedFixture.shared();
    }

    @Test
    void eachPageIsItsOwnPdfWithThatPagesText() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(built.file("pages"))) {
            assertEquals(2, files.count());
        }
        try (PDDocument email = Loader.loadPDF(built.file("email.pdf").toFile())) {
            for (int n = 1; n <= 2; n++) {
                try (PDDocument page = Loader.loadPDF(built.file(String.format("pages/%02d.pdf", n)).toFile())) {
                    assertEquals(1, page.getNumberOfPages());
                    PDFTextStripper one = new PDFTextStripper();
                    one.setStartPage(n);
                    one.setEndPage(n);
                    assertEquals(one.getText(email), new PDFTextStripper().getText(page));
                    assertEquals("第" + n + "版", page.getDocumentCatalog().getPageLabels().getLabelsByPageIndices()[0]);
                    assertEquals("广东科技报 2021-06-22 总第1234期 第" + n + "版", page.getDocumentInformation().getTitle());
                }
            }
        }
    }

    @Test
    void aPageFileCarriesOnlyItsOwnPhoto() throws IOException {
        long one = Files.size(built.file("pages/01.pdf")), two = Files.size(built.file("pages/02.pdf"));
        // Page 1 holds the large photo; page 2 only the stamp-sized one.
        assertTrue(one > two + 50_000, one + " vs " + two);
    }

    @Test
    void previewsAreAbout1200PixelsTallWithSmallThumbnails() throws IOException {
        for (int n = 1; n <= 2; n++) {
            BufferedImage big = ImageIO.read(built.file(String.format("previews/%02d.png", n)).toFile());
            BufferedImage thumb = ImageIO.read(built.file(String.format("previews/thumbs/%02d.png", n)).toFile());
            assertEquals(1200, big.getHeight(), 2);
            assertEquals(Previews.THUMB_HEIGHT, thumb.getHeight(), 2);
            // A3 proportions survive.
            assertEquals(297.0 / 420, (double) big.getWidth() / big.getHeight(), 0.01);
        }
        try (Stream<java.nio.file.Path> files = Files.list(built.file("previews"))) {
            assertEquals(3, files.count(), "01.png, 02.png and thumbs/");
        }
    }

    @Test
    void thePreviewShowsThePage() throws IOException {
        BufferedImage big = ImageIO.read(built.file("previews/01.png").toFile());
        // The 1 pt black rule under the blue band runs across the page: some row there is dark all along.
        int darkRows = 0;
        for (int y = 0; y < big.getHeight() / 4; y++) {
            int dark = 0;
            for (int x = big.getWidth() / 10; x < big.getWidth() * 9 / 10; x++) {
                int p = big.getRGB(x, y);
                if (((p >> 16) & 0xff) < 90 && ((p >> 8) & 0xff) < 90 && (p & 0xff) < 90) dark++;
            }
            if (dark > big.getWidth() * 0.75) darkRows++;
        }
        assertTrue(darkRows >= 1, "no black rule in the preview");
    }
}
