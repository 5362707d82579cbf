package paiban.finish;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPMediaManagementSchema;
import org.apache.xmpbox.schema.XMPSchema;
import paiban.check.Preflight;
import paiban.check.PressFinding;
import paiban.check.PressReport;
import paiban.core.PaibanException;
import paiban.render.RenderedIssue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.DeflaterOutputStream;

/**
 * print.pdf, for the plant, as PDF/X-4 (ISO 15930-7). Everything is converted to DeviceCMYK through the
 * plant's profile, which is embedded as the GTS_PDFX output intent: greys and black become K only,
 * photos become CMYK JPEGs. Each page gets TrimBox = the rendered page and BleedBox = trim + 3 mm;
 * with crop marks the MediaBox grows to hold them. Links and other annotations go: a press has no use
 * for them and PDF/X forbids them inside the bleed.
 *
 * <p>PDF/X-4 rather than X-1a:2001 because X-1a is PDF 1.3: it forbids the object streams and
 * transparency groups Flying Saucer may write, so meeting it would mean flattening and rewriting the
 * file's structure, while X-4 keeps them and still lets the RIP see plain DeviceCMYK.
 */
final class PrintPdf {

    static final String PDFX_VERSION = "PDF/X-4";
    static final float BLEED = 3 * CropMarks.MM;
    /** Below this effective resolution a photo looks soft on newsprint: warn. */
    static final double WARN_DPI = 200;
    /** Above this, pixels are wasted on the press; such photos are reduced to {@link #TARGET_DPI}. */
    static final double CAP_DPI = 450;
    static final double TARGET_DPI = 300;
    /** Points a losslessly stored photo or drawing is separated under the ink limit (see {@link #toCmyk}). */
    static final int LOSSLESS_UNDER = 1;
    static final float JPEG_QUALITY = 0.92f;

    private final Master master;
    private final Imprint imprint;
    private final CmykProfile profile;
    private final boolean marks;
    private final Consumer<String> warnings;

    PrintPdf(Master master, Imprint imprint, CmykProfile profile, boolean marks, Consumer<String> warnings) {
        this.master = master;
        this.imprint = imprint;
        this.profile = profile;
        this.marks = marks;
        this.warnings = warnings;
    }

    void write(PreparedPhotos photos, CmykTransform transform, Path file) throws IOException {
        try (PDDocument doc = master.open()) {
            ImageSwap.replaceAll(doc, image -> swap(doc, image, photos.print(image)));

            ContentColours colours = new ContentColours(transform);
            PDSeparation registration = marks ? CropMarks.registration() : null;
            for (PDPage page : doc.getPages()) {
                byte[] body = colours.rewrite(page);
                colours.rewriteForms(page.getResources());
                ContentColours.groupToCmyk(page.getCOSObject());
                page.getCOSObject().removeItem(COSName.ANNOTS);
                frame(doc, page, body, registration);
            }

            // the ads must be findable as ads in print too: bookmarks to each page and each ad
            float margin = marks ? CropMarks.MARGIN : BLEED;
            Navigation.add(doc, master.issue(), margin, margin);
            intent(doc);
            declarePdfx(doc);
            List<String> rgb = ColourAudit.rgbUses(doc);
            if (!rgb.isEmpty()) {
                throw new PaibanException("print.pdf: RGB remains after conversion to CMYK, so the file was not "
                        + "written: " + String.join("; ", rgb) + ". The layout uses something print cannot "
                        + "convert yet (a gradient or an inline image); remove it or report it");
            }
            StableSave.save(doc, file);
        }
        // a PDF ad's own CMYK goes to press as the agency set it: if it breaks the limit, the ad is named
        Map<Integer, List<String>> drawn = new java.util.TreeMap<>();
        for (paiban.model.Ad a : master.issue().issue().ads()) {
            if (a.image().vector()) drawn.computeIfAbsent(a.page(), k -> new java.util.ArrayList<>()).add(a.where());
        }
        preflight(file, transform.limit().percent(), warnings, drawn);
    }

    /** The share of a page's area, in percent, over the ink limit that a hairline overlap may take. */
    static final double SLIVER_PERCENT = 0.005;

    /**
     * The press's preflight ({@code paiban check --print}) on the file as written: one that breaks the ink
     * limit fails the build, so that the staged editions are dropped and none is replaced; anything else
     * it finds is a warning. Low resolution is left out: {@link #warnLowResolution} names the photo's file.
     */
    static void preflight(Path file, int inkLimit, Consumer<String> warnings) throws IOException {
        preflight(file, inkLimit, warnings, Map.of());
    }

    /** @param drawn the PDF ads on each page, as messages name them ("issue.yaml:31: ads[2] (某某)") */
    static void preflight(Path file, int inkLimit, Consumer<String> warnings, Map<Integer, List<String>> drawn)
            throws IOException {
        PressReport report = Preflight.checkBuilt(file, "print.pdf", inkLimit);
        // A solid area over the limit sets off and smears on newsprint, so it stops the build. Where a thin
        // black rule or line of type overprints a coloured one (the 导读 box's frame under the rule of the
        // module below), ink adds up over a hair's width: the press accepts that, as it does black type
        // overprinting a photo. So a page stops the build only when more than a sliver of it is over.
        boolean solid = report.pages().stream().anyMatch(p -> p.shareOver() > SLIVER_PERCENT);
        List<String> ads = report.pages().stream().filter(p -> p.shareOver() > SLIVER_PERCENT)
                .flatMap(p -> drawn.getOrDefault(p.page(), List.of()).stream().map(a -> a + " on page " + p.page()
                        + " (" + Math.round(p.maxTac()) + " % at most)")).toList();
        if (report.breaksInkLimit() && solid && !ads.isEmpty()) {
            throw new PaibanException(String.join("; ", ads) + ": the PDF ad's inks break the layout's ink limit of "
                    + inkLimit + " % (print.ink-limit in layout.yaml), so no edition was written. paiban converts a PDF"
                    + " ad's RGB to the press's CMYK within the limit but prints its own CMYK as the agency set it: ask"
                    + " for the ad separated for newsprint, within " + inkLimit + " % total ink");
        }
        if (report.breaksInkLimit() && solid) {
            throw new PaibanException("print.pdf: breaks the layout's ink limit of " + inkLimit + " % ("
                    + report.findings().stream().filter(f -> f.rule() == PressFinding.Rule.INK_LIMIT)
                    .map(PressFinding::toString).collect(Collectors.joining("; "))
                    + "), so no edition was written. This is paiban's fault, not the copy's: report it");
        }
        for (PressFinding f : report.findings()) {
            if (f.rule() != PressFinding.Rule.LOW_RESOLUTION) warnings.accept("print.pdf: " + f);
        }
    }

    /** Names every photo placed too large for its pixels, page by page, from compose's placements. */
    static void warnLowResolution(RenderedIssue r, Consumer<String> warnings) {
        PhotoNames names = new PhotoNames(r.issue());
        Map<String, Placement> largest = Placement.largest(r.photos());
        largest.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Placement> e) -> e.getValue().page())
                        .thenComparing(e -> e.getValue().name()))
                .forEach(e -> {
                    Placement p = e.getValue();
                    if (p.dpi() >= WARN_DPI) return;
                    long needed = Math.round(Math.ceil(p.standingWidthPt() / 72 * WARN_DPI));
                    warnings.accept(String.format(Locale.ROOT, "print: %s on page %d is %d dpi at its placed size of %s "
                                    + "(%s); the press needs %d dpi: use a file at least %d px wide, or place it smaller",
                            names.name(e.getKey(), "photo " + p.name()), p.page(), Math.round(p.dpi()), p.size(),
                            p.pixels(), Math.round(WARN_DPI), needed));
                });
    }

    /**
     * A photo's print form, from its decoded pixels: reduced to {@link #TARGET_DPI} when they are far finer
     * at the placed size than the press can show, separated into CMYK through the profile, a JPEG again if it
     * was one (else lossless: a drawing or logo). Runs on a worker ({@link PreparedPhotos}).
     */
    static Pixels.Encoded toCmyk(BufferedImage rgb, boolean jpeg, Placement p, CmykTransform transform)
            throws IOException {
        // the pixels as given: a JPEG's decoder already shrank them by M/8 towards TARGET_DPI (PreparedPhotos'
        // Source), and what that left within CAP_DPI is not resampled again, which cost as much as separating
        // the photo (a 1600 px photo in a 938 px frame comes at 5/8, 1000 px, 320 dpi)
        if (p.dpi(rgb.getWidth(), rgb.getHeight()) > CAP_DPI) {
            int[] size = Pixels.sizeFor(p, TARGET_DPI);
            rgb = Pixels.scale(rgb, size[0], size[1]);
        }
        int w = rgb.getWidth(), h = rgb.getHeight();
        if (jpeg) {
            byte[] file = InkLimitedJpeg.encode(rgb, transform, JPEG_QUALITY);
            if (file != null) {
                return new Pixels.Encoded(file, true, w, h, PDDeviceCMYK.INSTANCE);
            }
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(packed)) {
            // a point under the limit: where a drawing's hard edge (an ad's type on a full tint) is
            // resampled, each ink rounds on its own and four roundings could add a level or two
            z.write(Pixels.separate(rgb, transform.tightened(LOSSLESS_UNDER), false));
        }
        return new Pixels.Encoded(packed.toByteArray(), false, w, h, PDDeviceCMYK.INSTANCE);
    }

    /** Puts a prepared CMYK photo in place of the RGB one, keeping its mask, interpolation and intent. */
    private static Optional<PDImageXObject> swap(PDDocument doc, PDImageXObject image, Pixels.Encoded cmyk)
            throws IOException {
        if (cmyk == null) {
            return Optional.empty();
        }
        PDImageXObject out = cmyk.toImage(doc);
        COSDictionary from = image.getCOSObject(), to = out.getCOSObject();
        for (COSName key : List.of(COSName.SMASK, COSName.INTERPOLATE, COSName.INTENT)) {
            if (from.containsKey(key)) to.setItem(key, from.getItem(key));
        }
        if (from.getDictionaryObject(COSName.MASK) instanceof COSStream stencil) {
            to.setItem(COSName.MASK, stencil);
        }
        return Optional.of(out);
    }

    /**
     * Moves the page into its trim box: the rendered page becomes the TrimBox, 3 mm around it the BleedBox,
     * and the MediaBox adds room for marks when they are drawn. The content is shifted rather than the
     * boxes given negative corners, which some imposition software mishandles.
     */
    private void frame(PDDocument doc, PDPage page, byte[] body, PDSeparation registration) throws IOException {
        PDRectangle rendered = page.getCropBox();
        float margin = marks ? CropMarks.MARGIN : BLEED;
        float w = rendered.getWidth(), h = rendered.getHeight();
        PDRectangle trim = new PDRectangle(margin, margin, w, h);
        PDRectangle bleed = new PDRectangle(margin - BLEED, margin - BLEED, w + 2 * BLEED, h + 2 * BLEED);
        PDRectangle media = new PDRectangle(0, 0, w + 2 * margin, h + 2 * margin);

        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(String.format(Locale.ROOT, "q 1 0 0 1 %.4f %.4f cm\n",
                margin - rendered.getLowerLeftX(), margin - rendered.getLowerLeftY()).getBytes(StandardCharsets.US_ASCII));
        content.write(body);
        content.write("\nQ\n".getBytes(StandardCharsets.US_ASCII));
        if (registration != null) {
            COSName cs = page.getResources().add(registration);
            content.write(CropMarks.draw(trim, cs).getBytes(StandardCharsets.US_ASCII));
        }
        PDStream stream = new PDStream(doc);
        try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
            content.writeTo(os);
        }
        page.setContents(stream);
        page.getCOSObject().removeItem(COSName.CROP_BOX);
        page.getCOSObject().removeItem(COSName.ART_BOX);
        page.setMediaBox(media);
        page.setBleedBox(bleed);
        page.setTrimBox(trim);
    }

    private void intent(PDDocument doc) throws IOException {
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(profile.data()));
        intent.getCOSObject().setItem(COSName.S, COSName.getPDFName("GTS_PDFX"));
        intent.setOutputConditionIdentifier("Custom");
        intent.setOutputCondition(profile.description());
        intent.setInfo(profile.description());
        intent.setRegistryName("http://www.color.org");
        // PDFBox marks every profile it embeds as three-component (it has sRGB for PDF/A in mind).
        intent.getDestOutputIntent().setInt(COSName.N, 4);
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    /** Info and XMP as PDF/X-4 wants them: version, Trapped, document and version IDs, rendition class. */
    private void declarePdfx(PDDocument doc) throws IOException {
        imprint.writeInfo(doc);
        doc.getDocumentInformation().setTrapped("False");
        doc.getDocumentInformation().setCustomMetadataValue("GTS_PDFXVersion", PDFX_VERSION);
        XMPMetadata xmp = imprint.xmp();
        xmp.getAdobePDFSchema().setTextPropertyValue("Trapped", "False");
        XMPMediaManagementSchema mm = xmp.createAndAddXMPMediaManagementSchema();
        mm.setDocumentID(imprint.documentId("print"));
        mm.setInstanceID(imprint.documentId("print"));
        mm.setVersionID("1");
        mm.setRenditionClass("default");
        XMPSchema pdfx = new XMPSchema(xmp, "http://www.npes.org/pdfx/ns/id/", "pdfxid", "PDF/X ID Schema");
        pdfx.setTextPropertyValue("GTS_PDFXVersion", PDFX_VERSION);
        xmp.addSchema(pdfx);
        Imprint.attach(doc, xmp);
        // PDF/X-4 is PDF 1.6; nothing Flying Saucer writes needs 1.7.
        doc.getDocument().setVersion(1.6f);
        doc.getDocumentCatalog().getCOSObject().removeItem(COSName.VERSION);
    }
}
