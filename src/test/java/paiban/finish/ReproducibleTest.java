package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ReproducibleTest {

    @Test
    void subsetTagsDependOnTheFontProgramNotOnTheRenderer() throws IOException {
        RenderedIssue r = RenderedFixture.shared();
        List<String> names = new ArrayList<>(), renamed = new ArrayList<>();
        try (PDDocument a = Loader.loadPDF(r.pdf().toFile()); PDDocument b = Loader.loadPDF(r.pdf().toFile())) {
            CosWalk.dictionaries(b.getDocument().getTrailer(), d -> {
                String base = d.getNameAsString(COSName.BASE_FONT);
                if (base != null) d.setName(COSName.BASE_FONT, "QQQQQQ" + base.substring(6));
                String name = d.getNameAsString(COSName.FONT_NAME);
                if (name != null) d.setName(COSName.FONT_NAME, "QQQQQQ" + name.substring(6));
            });
            SubsetTags.normalise(a);
            SubsetTags.normalise(b);
            collect(a, names);
            collect(b, renamed);
        }
        assertEquals(names, renamed);
        assertEquals(2, names.stream().map(n -> n.substring(0, 7)).distinct().count(), "two fonts, two tags: " + names);
        assertFalse(names.stream().anyMatch(n -> n.startsWith("QQQQQQ")));
    }

    private static void collect(PDDocument doc, List<String> out) throws IOException {
        for (PDPage page : doc.getPages()) {
            for (COSName n : page.getResources().getFontNames()) out.add(page.getResources().getFont(n).getName());
        }
    }

    /** A document of blank pages saved as the editions are saved, read back. */
    private static byte[] blankPages(int n) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("paiban-stable", ".pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < n; i++) doc.addPage(new PDPage());
            StableSave.save(doc, file);
            return java.nio.file.Files.readAllBytes(file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void theDocumentIdIsAHashOfTheContent() throws IOException {
        byte[] one = blankPages(1), two = blankPages(1), other = blankPages(2);
        assertArrayEquals(one, two);
        try (PDDocument a = Loader.loadPDF(one); PDDocument b = Loader.loadPDF(other)) {
            String idA = a.getDocument().getDocumentID().toString(), idB = b.getDocument().getDocumentID().toString();
            assertNotEquals(idA, idB);
            assertFalse(idA.contains("paiban-id"), idA);
        }
    }
}
