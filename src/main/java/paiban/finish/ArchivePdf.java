package paiban.finish;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.type.BadFieldValueException;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * archive.pdf, PDF/A-2u (ISO 19005-2, level U: every character maps to Unicode, which the embedded
 * fonts' ToUnicode maps give). The master stays RGB under an sRGB output intent; the edition adds XMP
 * that matches the document information, the language, bookmarks and page labels, and removes the
 * CIDSet streams OpenPDF writes incompletely (veraPDF rule 6.2.11.4.2).
 */
final class ArchivePdf {

    static final String FILE = "archive.pdf";

    private ArchivePdf() {
    }

    static void write(Master master, Imprint imprint, Path file) throws IOException {
        write(master, imprint, null, file);
    }

    /**
     * @param cmyk the profile that an uncalibrated CMYK photo is taken to be in (the print profile), or
     *             null when the issue has none; PDF/A allows DeviceCMYK only under a CMYK output intent
     */
    static void write(Master master, Imprint imprint, CmykProfile cmyk, Path file) throws IOException {
        try (PDDocument doc = master.open()) {
            if (cmyk != null) {
                calibrateCmykImages(doc, cmyk);
                calibrateForms(doc, cmyk);
            }
            Navigation.add(doc, master.issue());
            imprint.writeInfo(doc);
            XMPMetadata xmp = imprint.xmp();
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            try {
                id.setPart(2);
                id.setConformance("U");
            } catch (BadFieldValueException e) {
                throw new IllegalStateException("xmpbox refused PDF/A-2u", e);
            }
            Imprint.attach(doc, xmp);

            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDOutputIntent intent = new PDOutputIntent(doc,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
            catalog.setLanguage(Imprint.LANGUAGE);
            PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
            prefs.setDisplayDocTitle(true);
            catalog.setViewerPreferences(prefs);

            CosWalk.dictionaries(doc.getDocument().getTrailer(), d -> {
                if (COSName.FONT_DESC.equals(d.getCOSName(COSName.TYPE))) {
                    d.removeItem(COSName.CID_SET);
                }
            });
            // PDF/A: every annotation is printable, so the archive prints as it shows.
            for (PDPage page : doc.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    a.setPrinted(true);
                    a.setHidden(false);
                    a.setInvisible(false);
                    a.setNoView(false);
                }
            }
            StableSave.save(doc, file);
        }
    }

    /**
     * A form XObject (a PDF ad's page, imported as drawn) may paint in DeviceCMYK, the agency's inks: each
     * form's resources get the print profile as their DefaultCMYK, which PDF/A-2 accepts in place of a CMYK
     * output intent (veraPDF rule 6.2.4.3-3) and which tells viewers what those inks look like.
     */
    private static void calibrateForms(PDDocument doc, CmykProfile cmyk) throws IOException {
        java.util.Set<org.apache.pdfbox.cos.COSStream> seen =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        org.apache.pdfbox.cos.COSArray[] space = new org.apache.pdfbox.cos.COSArray[1];
        for (PDPage page : doc.getPages()) calibrateForms(doc, cmyk, page.getResources(), seen, space);
    }

    private static void calibrateForms(PDDocument doc, CmykProfile cmyk, org.apache.pdfbox.pdmodel.PDResources resources,
                                       java.util.Set<org.apache.pdfbox.cos.COSStream> seen,
                                       org.apache.pdfbox.cos.COSArray[] space) throws IOException {
        if (resources == null) return;
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && seen.add(form.getCOSObject())) {
                org.apache.pdfbox.pdmodel.PDResources own = form.getResources();
                if (own == null) {
                    own = new org.apache.pdfbox.pdmodel.PDResources();
                    form.setResources(own);
                }
                if (space[0] == null) space[0] = iccCmyk(doc, cmyk);
                org.apache.pdfbox.cos.COSDictionary spaces = own.getCOSObject().getCOSDictionary(COSName.COLORSPACE);
                if (spaces == null) {
                    spaces = new org.apache.pdfbox.cos.COSDictionary();
                    own.getCOSObject().setItem(COSName.COLORSPACE, spaces);
                }
                spaces.setItem(COSName.DEFAULT_CMYK, space[0]);
                calibrateForms(doc, cmyk, own, seen, space);
            }
        }
    }

    /** The print profile as an ICCBased colour space. */
    private static org.apache.pdfbox.cos.COSArray iccCmyk(PDDocument doc, CmykProfile cmyk) throws IOException {
        org.apache.pdfbox.pdmodel.common.PDStream profile = new org.apache.pdfbox.pdmodel.common.PDStream(
                doc, new ByteArrayInputStream(cmyk.data()), COSName.FLATE_DECODE);
        profile.getCOSObject().setInt(COSName.N, 4);
        profile.getCOSObject().setItem(COSName.ALTERNATE, COSName.DEVICECMYK);
        org.apache.pdfbox.cos.COSArray space = new org.apache.pdfbox.cos.COSArray();
        space.add(COSName.ICCBASED);
        space.add(profile);
        return space;
    }

    /**
     * A CMYK photo without a profile of its own (DeviceCMYK) is given the print profile as an ICCBased
     * colour space: the archive's output intent is sRGB, and PDF/A-2 allows DeviceCMYK only under a CMYK
     * one (veraPDF rule 6.2.4.3-3). The samples and their Decode array (Adobe's inverted CMYK) stay as they are.
     */
    private static void calibrateCmykImages(PDDocument doc, CmykProfile cmyk) throws IOException {
        org.apache.pdfbox.cos.COSArray space = null;
        java.util.Set<org.apache.pdfbox.cos.COSStream> seen =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PDPage page : doc.getPages()) {
            var resources = page.getResources();
            if (resources == null) continue;
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image
                        && seen.add(image.getCOSObject())
                        && COSName.DEVICECMYK.equals(image.getCOSObject().getDictionaryObject(COSName.COLORSPACE))) {
                    if (space == null) {
                        org.apache.pdfbox.pdmodel.common.PDStream profile = new org.apache.pdfbox.pdmodel.common.PDStream(
                                doc, new ByteArrayInputStream(cmyk.data()), COSName.FLATE_DECODE);
                        profile.getCOSObject().setInt(COSName.N, 4);
                        profile.getCOSObject().setItem(COSName.ALTERNATE, COSName.DEVICECMYK);
                        space = new org.apache.pdfbox.cos.COSArray();
                        space.add(COSName.ICCBASED);
                        space.add(profile);
                    }
                    image.getCOSObject().setItem(COSName.COLORSPACE, space);
                }
            }
        }
    }
}
