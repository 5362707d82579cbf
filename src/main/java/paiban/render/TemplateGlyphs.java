package paiban.render;

import paiban.core.Unicode;
import org.openpdf.text.pdf.BaseFont;
import org.xhtmlrenderer.css.style.CssContext;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Flying Saucer drops a character its font lacks without a word. The text it sets (the masthead,
 * running heads, footers: paper name, section, editor…) is checked here, after layout, against the
 * very font it was given, so nothing vanishes in silence.
 */
final class TemplateGlyphs {

    private TemplateGlyphs() {
    }

    /** One line per missing character: what, where, and in which font. */
    static Set<String> missing(Box root, CssContext ctx) {
        Set<String> out = new LinkedHashSet<>();
        walk(root, ctx, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void walk(Object node, CssContext ctx, Set<String> out, Set<Object> seen) {
        if (node == null || !seen.add(node)) return;
        if (node instanceof InlineLayoutBox inline) {
            for (Object child : inline.getInlineChildren()) {
                if (child instanceof InlineText text) check(inline, text, ctx, out);
                else walk(child, ctx, out, seen);
            }
        }
        if (node instanceof LineBox line) {
            for (Box b : line.getNonFlowContent()) walk(b, ctx, out, seen);
        }
        if (node instanceof Box box) {
            for (int i = 0; i < box.getChildCount(); i++) walk(box.getChild(i), ctx, out, seen);
        }
    }

    private static void check(InlineLayoutBox owner, InlineText text, CssContext ctx, Set<String> out) {
        if (!(owner.getStyle().getFSFont(ctx) instanceof ITextFSFont fs)) return;
        BaseFont font = fs.getFontDescription().getFont();
        String s = text.getSubstring();
        s.codePoints().filter(cp -> !Character.isWhitespace(cp) && !font.charExists(cp)).distinct().forEach(cp ->
                out.add("'" + new String(Character.toChars(cp)) + "' (" + Unicode.notation(cp) + ") in \""
                        + s.strip() + "\" is not in the font " + font.getPostscriptFontName()));
    }
}
