package paiban.finish;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import paiban.model.Issue;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Who published which issue when: the facts every edition's document information and XMP carry, so that
 * the two always agree (PDF/A and PDF/X both check that they do).
 *
 * @param title     "广东科技报 2021-06-22 总第1234期"
 * @param author    the publisher, or the paper when issue.yaml names none
 * @param publisher dc:publisher
 * @param when      SOURCE_DATE_EPOCH or the issue date, shown in the newsroom's time zone
 */
record Imprint(String title, String author, String publisher, Calendar when) {

    static final String CREATOR = "paiban";
    static final String PRODUCER = "paiban (Apache PDFBox)";
    static final String LANGUAGE = "zh-CN";

    static Imprint of(Issue issue, Instant timestamp) {
        GregorianCalendar when = new GregorianCalendar(TimeZone.getTimeZone(EditionOptions.NEWSROOM), Locale.ROOT);
        when.setTimeInMillis(timestamp.toEpochMilli());
        String publisher = issue.publisher().isBlank() ? issue.paper() : issue.publisher();
        return new Imprint(issue.title(), publisher, publisher, when);
    }

    /**
     * A copy of the moment, for each document to keep: editions are made on several threads at once, and a
     * Calendar is mutable.
     */
    @Override
    public Calendar when() {
        return (Calendar) when.clone();
    }

    /** The same imprint under another title, e.g. a single page's "… 第2版". */
    Imprint titled(String newTitle) {
        return new Imprint(newTitle, author, publisher, when);
    }

    /** A fresh document information dictionary; whatever the renderer wrote (its clock, its name) goes. */
    void writeInfo(PDDocument doc) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator(CREATOR);
        info.setProducer(PRODUCER);
        info.setCreationDate(when());
        info.setModificationDate(when());
        doc.setDocumentInformation(info);
    }

    /** XMP carrying the same title, author, dates and producer as {@link #writeInfo}, plus publisher and language. */
    XMPMetadata xmp() {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        dc.addPublisher(publisher);
        dc.addLanguage(LANGUAGE);
        dc.setFormat("application/pdf");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(when());
        basic.setModifyDate(when());
        basic.setMetadataDate(when());
        basic.setCreatorTool(CREATOR);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        return xmp;
    }

    /** A stable xmpMM:DocumentID for one edition of this issue: a name-based UUID, never a random one. */
    String documentId(String edition) {
        String name = title + "|" + edition + "|" + when.getTimeInMillis();
        return "uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Serialises {@code xmp} into the catalog's /Metadata stream (left unfiltered, as PDF/A asks). */
    static void attach(PDDocument doc, XMPMetadata xmp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // The JDK's own XML classes, whatever else is on the class path (veraPDF brings Saxon to the
            // tests): the same XMP bytes in tests and in production.
            new XmpSerializer(TransformerFactory.newDefaultInstance(), DocumentBuilderFactory.newDefaultInstance())
                    .serialize(xmp, out, true);
        } catch (TransformerException e) {
            throw new IOException("cannot serialise the XMP metadata: " + e.getMessage(), e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(out.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);
    }
}
