package paiban.render;

import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;
import paiban.compose.PlacedLine;

import java.util.List;
import java.util.Map;

/** Gives each {@code <div class="galley" data-page="N">} page N's set text; everything else goes to Flying Saucer. */
final class GalleyElements implements ReplacedElementFactory {

    private final ReplacedElementFactory standard;
    private final Map<Integer, List<PlacedLine>> pages;

    GalleyElements(ReplacedElementFactory standard, Map<Integer, List<PlacedLine>> pages) {
        this.standard = standard;
        this.pages = pages;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac,
                                                 int cssWidth, int cssHeight) {
        Element e = box.getElement();
        if (e != null && "galley".equals(e.getAttribute("class")) && !e.getAttribute("data-page").isEmpty()) {
            List<PlacedLine> lines = pages.get(Integer.parseInt(e.getAttribute("data-page")));
            return new GalleyElement(lines == null ? List.of() : lines, Math.max(cssWidth, 1), Math.max(cssHeight, 1));
        }
        return standard.createReplacedElement(c, box, uac, cssWidth, cssHeight);
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
