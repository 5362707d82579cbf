package paiban.render;

import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.pdf.ITextTextRenderer;
import paiban.typeset.Face;
import paiban.typeset.FontBook;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Makes Flying Saucer renderers set up the paiban way: the font roles registered under their role
 * names (so CSS says {@code font-family: kai}), the safe user agent, and our replaced elements.
 */
final class Engines {

    static final float DOTS_PER_POINT = ITextRenderer.DEFAULT_DOTS_PER_POINT;
    static final int DOTS_PER_PIXEL = ITextRenderer.DEFAULT_DOTS_PER_PIXEL;

    private Engines() {
    }

    record Engine(ITextRenderer renderer, SafeUserAgent agent) {
    }

    static Engine create(FontBook fonts, List<Path> roots,
                         Function<ITextReplacedElementFactory, ReplacedElementFactory> elements) {
        ITextOutputDevice device = new ITextOutputDevice(DOTS_PER_POINT);
        SafeUserAgent agent = new SafeUserAgent(device, DOTS_PER_PIXEL, roots);
        ITextFontResolver resolver = new ITextFontResolver();
        for (Face f : fonts.roles().values()) {
            resolver.addFont(f.renderFont(), f.file(), f.role());
        }
        ITextRenderer renderer = new ITextRenderer(DOTS_PER_POINT, DOTS_PER_PIXEL, device, agent, resolver,
                elements.apply(new ITextReplacedElementFactory(device)), new ITextTextRenderer());
        return new Engine(renderer, agent);
    }
}
