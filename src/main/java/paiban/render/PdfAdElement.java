package paiban.render;

import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfImportedPage;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfWriter;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;
import paiban.core.PaibanException;
import paiban.model.Photo;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * A PDF ad in its frame: the first page of its file imported into the rendered PDF as a form XObject
 * (OpenPDF's {@link PdfImportedPage}, the page's content and resources copied once) and drawn scaled to
 * the frame, clipped to the page's TrimBox (else its CropBox), so that bleed and marks around the ad's
 * trim stay out of the newspaper page. Vector stays vector: type, rules and tints print as the agency
 * drew them, and the finish stage converts and checks their colours like the page's own.
 */
final class PdfAdElement extends PaintedElement {

    /** An ad's page imported into one writer, with the box of it that shows. */
    record Imported(PdfWriter writer, PdfImportedPage page, Rectangle shown) {
    }

    private final Photo ad;
    /** How a message names the ad: its issue.yaml line and advertiser. */
    private final String where;
    private final Map<String, Imported> imported;

    /**
     * @param where    how a message names the ad, e.g. "issue.yaml:31: ads[2] (粤科仪器)"
     * @param imported the pages imported so far, by the ad's id: an ad placed twice is imported once
     */
    PdfAdElement(Photo ad, String where, Map<String, Imported> imported, int widthDots, int heightDots) {
        super(widthDots, heightDots);
        this.ad = ad;
        this.where = where;
        this.imported = imported;
    }

    @Override
    public void paint(RenderingContext c, ITextOutputDevice device, BlockBox box) {
        Optional<Frame> frame = frame(c, device, box);
        if (frame.isEmpty()) return;
        float left = frame.get().left(), top = frame.get().top(), w = frame.get().width(), h = frame.get().height();
        Imported in = page(device.getWriter());
        // the form's own matrix puts the MediaBox's lower-left corner at its origin
        Rectangle media = in.page().getBoundingBox();
        Rectangle shown = in.shown();
        // one scale for both axes, so the agency's drawing is never stretched: the frame has the ad's proportions
        // but for its rounding to layout units, and what rounding leaves over is shared out on both sides
        float s = Math.min(w / shown.getWidth(), h / shown.getHeight());
        float dx = (w - s * shown.getWidth()) / 2, dy = (h - s * shown.getHeight()) / 2;
        float e = left + dx - s * (shown.getLeft() - media.getLeft());
        float f = top - h + dy - s * (shown.getBottom() - media.getBottom());
        PdfContentByte cb = device.getCurrentPage();
        cb.saveState();
        cb.rectangle(left, top - h, w, h);
        cb.clip();
        cb.newPath();
        cb.addTemplate(in.page(), s, 0, 0, s, e, f);
        cb.restoreState();
    }

    private Imported page(PdfWriter writer) {
        Imported done = imported.get(ad.id());
        if (done != null && done.writer() == writer) return done;
        try {
            PdfReader reader = new PdfReader(Files.readAllBytes(ad.file()));
            Rectangle trim = reader.getBoxSize(1, "trim");
            Imported in = new Imported(writer, writer.getImportedPage(reader, 1), trim != null ? trim : reader.getCropBox(1));
            imported.put(ad.id(), in);
            return in;
        } catch (IOException | RuntimeException e) {
            throw new PaibanException(where + ": the ad's PDF " + ad.name() + " cannot be placed (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + "); ask for it again as PDF/X", e);
        }
    }
}
