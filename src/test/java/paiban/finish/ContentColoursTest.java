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
        assertEquals("BT /F1 12 Tf 1 0 0 1 10 20 Tm (AB) Tj ET 10 10 100 1 re f",
                rewrite("BT /F1 12 Tf 1 0 0 1 10 20 Tm (AB) Tj ET 10 10 100 1 re f"));
    }
}
