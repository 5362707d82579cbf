package paiban.render;

import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;
import org.openpdf.text.Image;
import paiban.compose.PlacedLine;
import paiban.core.PaibanException;
import paiban.model.Photo;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each {@code <div class="galley" data-page="N">} page N's set text, and each
 * {@code <img data-photo="ID">} its photo standing upright ({@link PhotoElement}); everything else goes
 * to Flying Saucer.
 */
final class GalleyElements implements ReplacedElementFactory {

    private final ReplacedElementFactory standard;
    private final Map<Integer, List<PlacedLine>> pages;
    private final Map<String, Photo> photos;
    /** One image per photo, so that a photo placed twice is embedded once. */
    private final Map<String, Image> images = new HashMap<>();
    /** Each photo image's resource name in the PDF → its photo's id, as the photos are painted. */
    private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    /** PDF ads by {@link Photo#id}, each page imported once into the rendered PDF as a form. */
    private final Map<String, Photo> drawn;
    private final Map<String, PdfAdElement.Imported> imported = new HashMap<>();
    /** How messages name each ad, by {@link Photo#id}: "issue.yaml:31: ads[2] (粤科仪器)". */
    private final Map<String, String> adNames;

    GalleyElements(ReplacedElementFactory standard, Map<Integer, List<PlacedLine>> pages, Map<String, Photo> photos,
                   Map<String, Photo> drawn, Map<String, String> adNames) {
        this.standard = standard;
        this.pages = pages;
        this.photos = photos;
        this.drawn = drawn;
        this.adNames = adNames;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac,
                                                 int cssWidth, int cssHeight) {
        Element e = box.getElement();
        if (e != null && "galley".equals(e.getAttribute("class")) && !e.getAttribute("data-page").isEmpty()) {
            List<PlacedLine> lines = pages.get(Integer.parseInt(e.getAttribute("data-page")));
            return new GalleyElement(lines == null ? List.of() : lines, Math.max(cssWidth, 1), Math.max(cssHeight, 1));
        }
        if (e != null && "img".equals(e.getLocalName()) && photos.containsKey(e.getAttribute("data-photo"))) {
            Photo photo = photos.get(e.getAttribute("data-photo"));
            return new PhotoElement(image(photo), photo.id(), names, photo.orientation(), Math.max(cssWidth, 1),
                    Math.max(cssHeight, 1));
        }
        if (e != null && "img".equals(e.getLocalName()) && drawn.containsKey(e.getAttribute("data-photo"))) {
            Photo ad = drawn.get(e.getAttribute("data-photo"));
            return new PdfAdElement(ad, adNames.getOrDefault(ad.id(), "the ad " + ad.name()), imported,
                    Math.max(cssWidth, 1), Math.max(cssHeight, 1));
        }
        return standard.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    /** Which photo each photo image is, by its resource name: filled in as the pages are painted. */
    Map<String, String> photoImages() {
        return names;
    }

    /** The photo's file as OpenPDF embeds it: a JPEG byte for byte, a PNG re-compressed. */
    private Image image(Photo photo) {
        return images.computeIfAbsent(photo.id(), id -> {
            try {
                return Image.getInstance(Files.readAllBytes(photo.file()));
            } catch (Exception ex) {
                throw new PaibanException("the photo " + photo.name() + " cannot be placed ("
                        + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage())
                        + "); export it again as a baseline JPEG or a PNG", ex);
            }
        });
    }

    @Override
    public void reset() {
        standard.reset();
    }

    @Override
    public void remove(Element e) {
        standard.remove(e);
    }

    @Override
    public void setFormSubmissionListener(FormSubmissionListener listener) {
        standard.setFormSubmissionListener(listener);
    }
}
