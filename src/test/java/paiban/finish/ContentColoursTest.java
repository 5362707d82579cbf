package paiban.finish;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentColoursTest {

    private final ContentColours colours =
            new ContentColours(new CmykTransform(CmykProfile.load(EditionOptions.DEFAULT_CMYK_PROFILE).space(), new InkLimit(InkLimit.DEFAULT_PERCENT)));

    private String rewrite(String content) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream s = new PDStream(doc);
            try (OutputStream os = s.createOutputStream()) {
                os.write(content.getBytes(StandardCharsets.ISO_8859_1));
            }
            page.setContents(s);
            return new String(colours.rewrite(page), StandardCharsets.ISO_8859_1).replaceAll("\\s+", " ").strip();
        }
    }

    @Test
    void blackAndGreysBecomeKAlone() throws IOException {
        assertEquals("0 0 0 1 k 0 0 0 1 K 0 0 0 0.6667 k", rewrite("0 0 0 rg 0 0 0 RG 0.33333 0.33333 0.33333 rg"));
        assertEquals("0 0 0 0.5 k 0 0 0 0 K", rewrite("0.5 g 1 G"));
    }

    @Test
    void otherColoursGoThroughTheProfile() throws IOException {
        String red = rewrite("1 0 0 rg");
        assertTrue(red.endsWith(" k") && !red.startsWith("0 0 0"), red);
    }

    @Test
    void rgbSelectedByColourSpaceIsRewrittenAndRestoredWithTheState() throws IOException {
        assertEquals("0 0 0 1 k 0 0 0 1 k q 0 0 0 1 k 0 0 0 0.5 k Q 0 0 0 0.25 k",
                rewrite("/DeviceRGB cs 0 0 0 sc q /DeviceGray cs 0.5 sc Q 0.75 0.75 0.75 sc"));
    }

    @Test
    void textAndGeometryAreWrittenBackUnchanged() throws IOException {
        // the page's initial colour is black: its text and its rule overprint (state PaibanOP11)
        assertEquals("BT /F1 12 Tf 1 0 0 1 10 20 Tm /PaibanOP11 gs (AB) Tj ET 10 10 100 1 re f",
                rewrite("BT /F1 12 Tf 1 0 0 1 10 20 Tm (AB) Tj ET 10 10 100 1 re f"));
    }

    @Test
    void solidBlackOverprintsAndNothingElseDoes() throws IOException {
        assertEquals("BT /PaibanOP01 gs (A) Tj ET 0 0 0 0 k /PaibanOP00 gs 0 0 9 9 re f"
                        + " 0 0 0 0.5 k 0 0 9 9 re f 0 0 0 1 k 0 0 0 1 K /PaibanOP11 gs 0 0 m 9 9 l S",
                rewrite("0.2 0.4 0.6 RG 0 0 0 rg BT (A) Tj ET 1 1 1 rg 0 0 9 9 re f 0.5 g 0 0 9 9 re f"
                        + " 0 g 0 G 0 0 m 9 9 l S").replaceAll("^.*?0 0 0 1 k ", ""));
    }

    @Test
    void theStateIsChosenBeforeThePathBeginsAndFollowsQ() throws IOException {
        // gs is not allowed between m and f, so it goes before the path; after Q the overprint in force
        // is the one saved by q, and is chosen again for the black that follows
        assertEquals("0.2 0.2 0.2 0.2 K q 1 0 0 1 5 5 cm /PaibanOP01 gs 0 0 m 9 0 l 9 1 l h f Q"
                        + " /PaibanOP01 gs 0 0 9 9 re f",
                rewrite("0.2 0.2 0.2 0.2 K q 1 0 0 1 5 5 cm 0 0 m 9 0 l 9 1 l h f Q 0 0 9 9 re f"));
    }

    @Test
    void imagesAndFormsArePaintedWithOverprintOff() throws IOException {
        assertEquals("BT /PaibanOP11 gs (A) Tj ET /PaibanOP00 gs /Im1 Do",
                rewrite("BT (A) Tj ET /Im1 Do"));
    }

    @Test
    void theOverprintStatesAreInTheResourcesWithOpmOne() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream s = new PDStream(doc);
            try (OutputStream os = s.createOutputStream()) {
                os.write("0 0 0 rg BT (A) Tj ET 1 1 1 rg 0 0 1 1 re f".getBytes(StandardCharsets.ISO_8859_1));
            }
            page.setContents(s);
            page.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            colours.rewrite(page);
            var on = page.getResources().getExtGState(ContentColours.overprintState(true, true));
            // the white fill does not overprint; the stroke colour is still black
            var off = page.getResources().getExtGState(ContentColours.overprintState(true, false));
            assertTrue(on.getNonStrokingOverprintControl() && on.getStrokingOverprintControl());
            assertEquals(1, on.getOverprintMode().intValue());
            assertTrue(!off.getNonStrokingOverprintControl() && off.getStrokingOverprintControl());
            assertEquals(null, page.getResources().getExtGState(ContentColours.overprintState(false, true)));
        }
    }
}
