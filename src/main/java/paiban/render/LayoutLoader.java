package paiban.render;

import org.w3c.dom.Document;
import org.xhtmlrenderer.css.constants.CSSName;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.parser.FSRGBColor;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.CssContext;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.PageBox;
import paiban.core.PaibanException;
import paiban.compose.Grid;
import paiban.compose.LayoutRules;
import paiban.compose.Styles;
import paiban.core.Units;
import paiban.typeset.Face;
import paiban.typeset.FontBook;
import paiban.typeset.TextStyle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads a layout's grid and text styles from its CSS by letting Flying Saucer compute them: a probe
 * document holding one element of each class is laid out, and the computed sizes, fonts, pitches,
 * alignments and colours are read back. So the CSS is the one place a designer changes the look.
 */
public final class LayoutLoader {

    private static final Map<String, Layout> LOADED = new ConcurrentHashMap<>();

    private LayoutLoader() {
    }

    /**
     * Starts loading the fonts and the layout that an issue's issue.yaml names, on a thread of its own,
     * so that a cold start reads the copy meanwhile: the fonts are most of a cold start and do not
     * depend on the copy. Any problem is left for {@link #load} to report, in the build's own words.
     *
     * @param layoutName the layout's name as the copy reader finds it in issue.yaml (called on that thread)
     */
    public static void preload(Path layoutsRoot, Path fontsFolder, Supplier<String> layoutName) {
        Thread.ofPlatform().daemon().name("paiban-preload").start(() -> {
            try {
                FontBook fonts = FontBook.of(fontsFolder);
                load(layoutsRoot, layoutName.get(), fonts);
            } catch (Exception | LinkageError e) {
                // the build loads them again and says what is wrong
            }
        });
    }

    /** The layout {@code name} under {@code layoutsRoot}, loaded once per process. */
    public static Layout load(Path layoutsRoot, String name, FontBook fonts) {
        Path folder = layoutsRoot.resolve(name).toAbsolutePath().normalize();
        return LOADED.computeIfAbsent(folder + "|" + fonts.folder(), k -> read(layoutsRoot, name, folder, fonts));
    }

    private static Layout read(Path layoutsRoot, String name, Path folder, FontBook fonts) {
        if (!Files.isRegularFile(folder.resolve("page.xhtml")) || !Files.isRegularFile(folder.resolve("layout.css"))) {
            String known;
            try (var s = Files.list(layoutsRoot)) {
                known = String.join(", ", s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList());
            } catch (Exception e) {
                known = "none";
            }
            throw new PaibanException("issue.yaml: field 'layout': unknown layout '" + name + "'; known layouts: "
                    + known + " (each is a folder under layouts/ with page.xhtml and layout.css)");
        }
        // Parsers build DOM nodes lazily, on first read, which is not safe when builds running in parallel
        // clone the shared template; a deep copy is fully built, and cloning it only reads it.
        Document template = (Document) XmlDocuments.parse(folder.resolve("page.xhtml"), "layouts/" + name + "/page.xhtml")
                .cloneNode(true);

        StringBuilder probe = new StringBuilder("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                + "<link rel=\"stylesheet\" href=\"layout.css\"/></head><body>"
                + "<div class=\"page\"><div class=\"type-area\" style=\"position: static\">"
                + "<div class=\"masthead\" style=\"position: static\"></div>"
                + "<div class=\"column\" style=\"position: static\"></div>"
                + "<div class=\"gutter\" style=\"position: static\"></div>");
        LayoutRules rules = LayoutRulesReader.read(folder, name);
        List<String> classes = new java.util.ArrayList<>(Styles.REQUIRED);
        for (String c : rules.styles()) if (!classes.contains(c)) classes.add(c);
        // an optional style is one the CSS may leave out: probed beside a paragraph no rule names, it is
        // taken only if it is styled otherwise than that paragraph
        List<String> probed = new java.util.ArrayList<>(classes);
        probed.addAll(Styles.OPTIONAL);
        probed.add(UNSTYLED);
        for (String c : probed) {
            probe.append("<p class=\"").append(c).append("\" style=\"position: static\">国</p>");
        }
        probe.append("</div></div></body></html>");
        Engines.Engine engine = Engines.create(fonts, List.of(folder), f -> f);
        var r = engine.renderer();
        try {
            r.setDocument(XmlDocuments.builder().parse(new org.xml.sax.InputSource(new java.io.StringReader(probe.toString()))),
                    folder.toUri().toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        r.layout();
        if (!engine.agent().refused().isEmpty()) {
            throw new PaibanException("layouts/" + name + "/layout.css: refers to " + engine.agent().refused()
                    + "; a layout may only use files inside its own folder");
        }
        float dpp = r.getDotsPerPoint();
        CssContext ctx = r.getSharedContext().newLayoutContextInstance(new org.xhtmlrenderer.pdf.ITextFontContext());
        Map<String, Box> boxes = new HashMap<>();
        collect(r.getRootBox(), boxes);
        PageBox page = r.getRootBox().getLayer().getPages().getFirst();
        float pageW = page.getWidth(ctx) / dpp;
        float pageH = page.getHeight(ctx) / dpp;

        Box area = need(boxes, "type-area", name);
        CalculatedStyle as = area.getStyle();
        float areaW = area.getContentWidth() / dpp;
        float areaH = as.getFloatPropertyProportionalHeight(CSSName.HEIGHT, 0, ctx) / dpp;
        float left = as.getFloatPropertyProportionalWidth(CSSName.LEFT, page.getWidth(ctx), ctx) / dpp;
        float top = as.getFloatPropertyProportionalHeight(CSSName.TOP, page.getHeight(ctx), ctx) / dpp;

        float colW = need(boxes, "column", name).getContentWidth() / dpp;
        float gutter = need(boxes, "gutter", name).getContentWidth() / dpp;
        float mastheadH = need(boxes, "masthead", name).getStyle()
                .getFloatPropertyProportionalHeight(CSSName.HEIGHT, 0, ctx) / dpp;

        Map<String, TextStyle> styles = new HashMap<>();
        for (String c : classes) styles.put(c, textStyle(need(boxes, c, name), fonts, ctx, dpp, name, c));
        for (String c : Styles.OPTIONAL) {
            Box b = need(boxes, c, name);
            if (!styledAlike(b, need(boxes, UNSTYLED, name), ctx)) styles.put(c, textStyle(b, fonts, ctx, dpp, name, c));
        }
        TextStyle body = styles.get("body");
        float size = body.size();
        float pitch = body.pitch();
        int columns = Math.round((areaW + gutter) / (colW + gutter));
        String where = "layouts/" + name + "/layout.css: ";
        if (Math.abs(colW / size - Math.round(colW / size)) > 0.01f) {
            throw new PaibanException(where + ".column is " + colW / size + " characters wide; make it a whole number "
                    + "of body characters (e.g. width: 12em at the body's font-size)");
        }
        if (columns < 1 || Math.abs(columns * colW + (columns - 1) * gutter - areaW) > 0.5f) {
            throw new PaibanException(where + ".type-area is " + areaW + " pt wide, which is not a whole number of "
                    + ".column (" + colW + " pt) and .gutter (" + gutter + " pt)");
        }
        if (columns < Grid.MIN_COLUMNS || columns > Grid.MAX_COLUMNS) {
            throw new PaibanException(where + ".type-area (" + areaW + " pt) holds " + columns + " columns of .column ("
                    + colW + " pt) and .gutter (" + gutter + " pt); paiban composes pages of " + Grid.MIN_COLUMNS + " to "
                    + Grid.MAX_COLUMNS + " columns: change the widths of .type-area or .column");
        }
        int lines = (int) Math.floor(areaH / pitch + 1e-3);
        float baseline = (pitch - size) / 2 + body.primary().emTop() * size;
        int mastheadLines = (int) Math.ceil(mastheadH / pitch - 1e-3);
        // page 1 must hold the masthead and at least the lead story's headline over a readable column of text
        int leadHead = (int) Math.ceil(styles.get(rules.headlines().lead()).pitch() * 2 / pitch - 1e-3);
        int need = mastheadLines + leadHead + Grid.MIN_STORY_LINES;
        if (lines < need) {
            throw new PaibanException(where + ".type-area holds " + lines + " lines of .body (" + areaH + " pt at "
                    + pitch + " pt); page 1 needs at least " + need + ": " + mastheadLines + " for .masthead, " + leadHead
                    + " for a two-line ." + rules.headlines().lead() + " and " + Grid.MIN_STORY_LINES
                    + " for the story under it. Make .type-area taller or .masthead shorter");
        }
        float storyGap = storyGap(rules.grid(), gutter, colW, size);
        Grid grid = new Grid(areaW, lines * pitch, columns, colW, gutter, pitch, lines, baseline, size, mastheadLines,
                storyGap);
        foldSizesFit(rules.ads(), grid, Math.min(left, pageW - left - areaW), where);
        return new Layout(name, folder, template, fonts, grid, new Styles(styles), rules, pageW, pageH, left, top,
                paiban.copy.FillerReader.read(folder, "layouts/" + name + "/"), PrintSettings.read(folder, name));
    }

    /**
     * The space between stories side by side in points: layout.yaml's {@code grid.story-gap}, or the gutter. It may
     * not be narrower than the gutter (stories would read as one), nor so much wider that a one-column story's
     * measure, which gives up the difference, falls under six characters or loses more than
     * {@link paiban.compose.LayoutRules.GridRules#MAX_OVER_GUTTER}.
     */
    private static float storyGap(paiban.compose.LayoutRules.GridRules g, float gutter, float colW, float size) {
        if (!g.given()) return gutter;
        float gap = g.storyGap() * size;
        String chars = String.format(java.util.Locale.ROOT, "%.2f", gutter / size);
        if (gap < gutter - 0.01f) {
            throw new PaibanException(g.where() + ": grid.story-gap is " + g.storyGap() + " body characters, narrower than "
                    + "the gutter inside a story (.gutter in layout.css, " + chars + " characters); stories side by side "
                    + "would read as one. Give it at least " + chars);
        }
        float over = (gap - gutter) / size;
        if (over > paiban.compose.LayoutRules.GridRules.MAX_OVER_GUTTER + 0.001f || colW - (gap - gutter) < 6 * size) {
            throw new PaibanException(g.where() + ": grid.story-gap is " + g.storyGap() + " body characters, "
                    + String.format(java.util.Locale.ROOT, "%.2f", over) + " more than the gutter (" + chars + "); a "
                    + "one-column story gives up that much of its line. Keep it within "
                    + (int) paiban.compose.LayoutRules.GridRules.MAX_OVER_GUTTER + " characters of the gutter and leave "
                    + "a column at least 6 characters");
        }
        return Math.abs(gap - gutter) < 0.01f ? gutter : gap;
    }

    /**
     * A 中缝 stands in the inner margin, by the fold: its width and its gap from the type area must fit
     * the narrower of the two margins (pages alternate sides of the fold), and its height the type area.
     */
    private static void foldSizesFit(paiban.compose.LayoutRules.Ads ads, Grid grid, float margin, String where) {
        for (paiban.compose.LayoutRules.AdSize s : ads.sizes().values()) {
            if (!s.foldSize()) continue;
            float need = (s.foldWidth() + s.foldGap()) * Units.POINTS_PER_MM;
            if (need > margin) {
                throw new PaibanException(s.where(ads.file()) + ": ads.sizes." + s.name() + " (fold-width " + s.foldWidth()
                        + " mm and fold-gap " + s.foldGap() + " mm) does not fit the inner margin of "
                        + String.format(java.util.Locale.ROOT, "%.1f", margin / Units.POINTS_PER_MM)
                        + " mm beside " + where + ".type-area; make the strip narrower or the margin wider");
            }
            if (s.lines() > grid.lines()) {
                throw new PaibanException(s.where(ads.file()) + ": ads.sizes." + s.name() + " is " + s.lines() + " lines high, but "
                        + where + ".type-area holds " + grid.lines() + "; give it at most " + grid.lines());
            }
        }
    }

    private static TextStyle textStyle(Box box, FontBook fonts, CssContext ctx, float dpp, String layout, String cls) {
        CalculatedStyle s = box.getStyle();
        String[] families = s.valueByName(CSSName.FONT_FAMILY).asStringArray();
        Face face = null;
        for (String f : families) {
            if (fonts.hasRole(f)) {
                face = fonts.role(f);
                break;
            }
        }
        if (face == null) {
            throw new PaibanException("layouts/" + layout + "/layout.css: ." + cls + " has font-family "
                    + String.join(", ", families) + "; name a role from fonts/fonts.yaml: " + fonts.roles().keySet());
        }
        float size = s.getFont(ctx).size() / dpp;
        float pitch = s.getLineHeight(ctx) / dpp;
        IdentValue a = s.getIdent(CSSName.TEXT_ALIGN);
        TextStyle.Align align = a == IdentValue.JUSTIFY ? TextStyle.Align.JUSTIFY
                : a == IdentValue.CENTER ? TextStyle.Align.CENTER
                : a == IdentValue.RIGHT ? TextStyle.Align.RIGHT : TextStyle.Align.LEFT;
        float indent = s.getFloatPropertyProportionalWidth(CSSName.TEXT_INDENT, 0, ctx) / dpp / size;
        int color = 0;
        if (s.getColor() instanceof FSRGBColor rgb) {
            color = (rgb.getRed() << 16) | (rgb.getGreen() << 8) | rgb.getBlue();
        }
        Face bold = fonts.hasRole("bold") ? fonts.role("bold") : face;
        return new TextStyle(fonts.chain(face), fonts.chain(bold), size, pitch, align, indent, color);
    }

    /** A class no layout names: the probe's paragraph that shows what a class the CSS leaves out looks like. */
    private static final String UNSTYLED = "paiban-unstyled-probe";

    private static boolean styledAlike(Box a, Box b, CssContext ctx) {
        CalculatedStyle x = a.getStyle();
        CalculatedStyle y = b.getStyle();
        return java.util.Arrays.equals(x.valueByName(CSSName.FONT_FAMILY).asStringArray(),
                y.valueByName(CSSName.FONT_FAMILY).asStringArray())
                && x.getFont(ctx).size() == y.getFont(ctx).size() && x.getLineHeight(ctx) == y.getLineHeight(ctx)
                && String.valueOf(x.getColor()).equals(String.valueOf(y.getColor())) && x.getIdent(CSSName.TEXT_ALIGN) == y.getIdent(CSSName.TEXT_ALIGN);
    }

    private static Box need(Map<String, Box> boxes, String cls, String layout) {
        Box b = boxes.get(cls);
        if (b == null) {
            throw new PaibanException("layouts/" + layout + "/layout.css: the probe found no box for ." + cls);
        }
        return b;
    }

    private static void collect(Box box, Map<String, Box> out) {
        if (box.getElement() != null && box instanceof BlockBox) {
            String c = box.getElement().getAttribute("class");
            if (!c.isEmpty()) out.putIfAbsent(c, box);
        }
        for (int i = 0; i < box.getChildCount(); i++) collect(box.getChild(i), out);
    }
}
