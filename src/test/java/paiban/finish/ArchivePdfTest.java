package paiban.finish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.results.ValidationResult;
import paiban.testing.PdfA;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchivePdfTest {

    static FinishedFixture built;

    @BeforeAll
    static void build() throws IOException {
        built = FinishedFixture.shared();
    }

    private static PDDocument archive() throws IOException {
        return Loader.loadPDF(built.file("archive.pdf").toFile());
    }


    @Test
    void archivePassesVeraPdfAsPdfA2u() throws Exception {
        ValidationResult result = PdfA.validate(built.file("archive.pdf"));
        assertTrue(result.isCompliant(), PdfA.failures(result));
    }

    @Test
    void theRenderedMasterAloneFailsPdfA() throws Exception {
        // The check can fail: Flying Saucer's own file lacks XMP, output intent and a complete CIDSet.
        assertFalse(PdfA.validate(built.rendered().pdf()).isCompliant());
    }

    @Test
    void xmpSaysWhatTheDocumentInformationSays() throws Exception {
        try (PDDocument doc = archive()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertEquals("广东科技报 2021-06-22 总第1234期", info.getTitle());
            XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            assertEquals(info.getTitle(), xmp.getDublinCoreSchema().getTitle());
            assertEquals(List.of("广东省科学技术协会"), xmp.getDublinCoreSchema().getPublishers());
            assertEquals(List.of(info.getAuthor()), xmp.getDublinCoreSchema().getCreators());
            assertEquals(List.of("zh-CN"), xmp.getDublinCoreSchema().getLanguages());
            assertEquals("zh-CN", doc.getDocumentCatalog().getLanguage());
            assertEquals(info.getCreationDate().getTimeInMillis(), xmp.getXMPBasicSchema().getCreateDate().getTimeInMillis());
            assertEquals(info.getModificationDate().getTimeInMillis(), xmp.getXMPBasicSchema().getModifyDate().getTimeInMillis());
            assertEquals(info.getProducer(), xmp.getAdobePDFSchema().getProducer());
            assertEquals(2, xmp.getPDFAIdentificationSchema().getPart());
            assertEquals("U", xmp.getPDFAIdentificationSchema().getConformance());
            // SOURCE_DATE_EPOCH unset: the date at midnight in Beijing.
            assertEquals(ZonedDateTime.parse("2021-06-22T00:00+08:00").toInstant(), info.getCreationDate().toInstant());
        }
    }

    @Test
    void bookmarksListEachPageWithItsArticlesBeneath() throws IOException {
        try (PDDocument doc = archive()) {
            List<String> pages = new ArrayList<>();
            List<List<String>> articles = new ArrayList<>();
            for (PDOutlineItem page : doc.getDocumentCatalog().getDocumentOutline().children()) {
                pages.add(page.getTitle());
                List<String> titles = new ArrayList<>();
                for (PDOutlineItem a : page.children()) {
                    titles.add(a.getTitle());
                    assertEquals(page.findDestinationPage(doc), a.findDestinationPage(doc));
                }
                articles.add(titles);
            }
            assertEquals(List.of("第1版 · 要闻", "第2版 · 科普"), pages);
            assertEquals(List.of(List.of(RenderedFixture.LEAD_TITLE),
                    List.of(RenderedFixture.SEA_TITLE, RenderedFixture.LEAD_TITLE)), articles);
            assertEquals(doc.getPage(1), doc.getDocumentCatalog().getDocumentOutline().getLastChild().findDestinationPage(doc));
        }
    }

    @Test
    void pageLabelsReadBackAsNewspaperPageNames() throws IOException {
        try (PDDocument doc = archive()) {
            assertEquals(List.of("第1版", "第2版"), List.of(doc.getDocumentCatalog().getPageLabels().getLabelsByPageIndices()));
        }
    }

    @Test
    void noFontKeepsTheIncompleteCidSet() throws IOException {
        try (PDDocument doc = archive()) {
            List<String> withCidSet = new ArrayList<>();
            CosWalk.dictionaries(doc.getDocument().getTrailer(), d -> {
                if (d.containsKey(COSName.CID_SET)) withCidSet.add(d.getNameAsString(COSName.FONT_NAME));
            });
            assertEquals(List.of(), withCidSet);
        }
    }
}
