package paiban.render;

import org.snakeyaml.engine.v2.nodes.Node;
import paiban.compose.LayoutRules;
import paiban.copy.YamlFields;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a layout's {@code layout.yaml}: the composition rules a designer sets besides the CSS
 * ({@link LayoutRules}). Every key is optional and falls back to {@link LayoutRules#DEFAULTS}; an unknown
 * key or a wrong value is refused with the file, line and field.
 */
final class LayoutRulesReader {

    private LayoutRulesReader() {
    }

    /** The layout's rules, or the defaults when it has no layout.yaml. */
    static LayoutRules read(Path folder, String layout) {
        Path file = folder.resolve("layout.yaml");
        String name = "layouts/" + layout + "/layout.yaml";
        if (!Files.isRegularFile(file)) return LayoutRules.DEFAULTS;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PaibanException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        YamlFields f = YamlFields.parse(name, 0, text);
        f.onlyKeys(LayoutRules.SECTIONS.keySet(), "");
        LayoutRules d = LayoutRules.DEFAULTS;
        return new LayoutRules(headlines(f, d.headlines()), briefs(f, d.briefs()), index(f, d.index()),
                photos(f, d.photos()), air(f, d.air()), words(f, d.words()), ads(f, name), boxes(f), grid(f));
    }

    /**
     * The ad sizes the layout names, e.g. {@code 半通栏: { lines: 9 }} (the page's width) or
     * {@code 报眼: { columns: 1, lines: 9, ear: right }} (page 1, in the masthead's ear) or
     * {@code 中缝: { fold-width: 8, fold-gap: 2, lines: 60 }} (in the inner margin, by the fold).
     */
    private static LayoutRules.Ads ads(YamlFields f, String name) {
        LayoutRules.Ads d = LayoutRules.Ads.DEFAULTS;
        Optional<YamlFields> s = section(f, "ads");
        if (s.isEmpty()) return new LayoutRules.Ads(name, d.sizes(), d.label(), d.minDpi(), d.refuseDpi());
        YamlFields a = s.get();
        java.util.Map<String, LayoutRules.AdSize> sizes = new java.util.LinkedHashMap<>();
        Optional<YamlFields> list = a.section("sizes");
        if (list.isPresent()) {
            YamlFields l = list.get();
            for (String size : l.keys()) {
                YamlFields z = l.section(size).orElseThrow(() -> new PaibanException(f.file() + ":" + l.line(size)
                        + ": ads.sizes." + size + " needs its size, e.g. '" + size + ": { lines: 9 }'"));
                z.onlyKeys(List.of("columns", "lines", "ear", "fold-width", "fold-gap"), " under 'ads.sizes." + size + "'");
                int columns = z.integer("columns", 1, 10, "2").orElse(0);
                int lines = z.integer("lines", 2, 300, "9").orElseThrow(() -> new PaibanException(f.file() + ":"
                        + z.line() + ": ads.sizes." + size + " has no 'lines'; give its height in grid lines, e.g. 'lines: 9'"));
                String ear = z.text("ear").map(String::strip).orElse("");
                if (!ear.isEmpty() && !ear.equals("left") && !ear.equals("right")) {
                    throw new PaibanException(f.file() + ":" + z.line("ear") + ": ads.sizes." + size + ".ear must be "
                            + "left or right (the masthead's ear the 报眼 takes), found '" + ear + "'");
                }
                if (!ear.isEmpty() && columns == 0) {
                    throw new PaibanException(f.file() + ":" + z.line() + ": ads.sizes." + size + " stands in the "
                            + "masthead's ear, so it needs 'columns' (the page's whole width is the nameplate's)");
                }
                // 中缝: a strip in the inner margin, by the fold, in millimetres across
                int foldWidth = z.integer("fold-width", 1, 100, "8").orElse(0);
                int foldGap = z.integer("fold-gap", 0, 100, "2").orElse(0);
                if (foldWidth == 0 && z.has("fold-gap")) {
                    throw new PaibanException(f.file() + ":" + z.line("fold-gap") + ": ads.sizes." + size + " has 'fold-gap'"
                            + " but no 'fold-width'; a size in the fold's margin needs its width in mm, e.g. 'fold-width: 8'");
                }
                if (foldWidth > 0 && (columns > 0 || !ear.isEmpty())) {
                    throw new PaibanException(f.file() + ":" + z.line() + ": ads.sizes." + size + " stands in the inner "
                            + "margin by the fold ('fold-width'), off the grid: it takes no 'columns' and no 'ear'");
                }
                sizes.put(size, new LayoutRules.AdSize(size, columns, lines, ear, foldWidth, foldGap, l.line(size)));
            }
        }
        int min = a.integer("min-dpi", 50, 1200, "200").orElse(d.minDpi());
        int refuse = a.integer("refuse-dpi", 10, 1200, "100").orElse(d.refuseDpi());
        if (refuse > min) {
            throw new PaibanException(f.file() + ":" + a.line("refuse-dpi") + ": ads.refuse-dpi (" + refuse
                    + ") must not be above ads.min-dpi (" + min + ")");
        }
        return new LayoutRules.Ads(name, sizes, a.text("label").map(String::strip).filter(t -> !t.isEmpty())
                .orElse(d.label()), min, refuse);
    }

    /** {@code boxes:} the box styles (边框/底纹) stories may be set in, each drawn by a class of layout.css. */
    private static LayoutRules.Boxes boxes(YamlFields f) {
        List<LayoutRules.Box> out = new ArrayList<>();
        int i = 0;
        for (Node n : f.list("boxes")) {
            i++;
            String where = "boxes[" + i + "]";
            YamlFields b = f.nested(n, where);
            b.onlyKeys(List.of(LayoutRules.SECTIONS.get("boxes").split(", ")), " in " + where);
            String name = b.requiredText("name", "the name an article's 'box:' gives, e.g. commentary");
            if (out.stream().anyMatch(x -> x.name().equals(name))) {
                throw new PaibanException(f.file() + ":" + b.line("name") + ": " + where + ": the box name '" + name
                        + "' is given twice; give each box its own name");
            }
            String cls = b.requiredText("class", "the layout.css class that draws it, e.g. box-commentary");
            if (!cls.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new PaibanException(f.file() + ":" + b.line("class") + ": " + where + ": the class '" + cls
                        + "' is not a CSS class name; use letters, digits, '-' and '_'");
            }
            List<String> sections = new ArrayList<>();
            for (Node s : b.list("sections")) {
                if (!(s instanceof org.snakeyaml.engine.v2.nodes.ScalarNode sc) || sc.getValue().isBlank()) {
                    throw b.error(s, where + ".sections must list section names, e.g. [评论]");
                }
                sections.add(sc.getValue().strip());
            }
            out.add(new LayoutRules.Box(name, cls, sections, b.integer("inset", 0, 4, "1").orElse(1)));
        }
        return new LayoutRules.Boxes(out);
    }

    /**
     * The space between stories side by side, {@code grid: { story-gap: 1.5 }} in body characters (halves and
     * quarters allowed). Whether it is at least the gutter the loader checks, which knows the gutter from the CSS.
     */
    private static LayoutRules.GridRules grid(YamlFields f) {
        Optional<YamlFields> s = section(f, "grid");
        if (s.isEmpty()) return LayoutRules.GridRules.GUTTER;
        YamlFields g = s.get();
        Optional<String> t = g.text("story-gap");
        if (t.isEmpty()) return LayoutRules.GridRules.GUTTER;
        String written = t.get().strip();
        String where = f.file() + ":" + g.line("story-gap");
        if (!written.matches("[0-9]+(\\.[0-9]{1,2})?")) {
            throw new PaibanException(where + ": grid.story-gap must be a number of body characters, found '" + written
                    + "'; write it like 'story-gap: 1.5' (the gutter is usually 1)");
        }
        float v = Float.parseFloat(written);
        if (v <= 0 || v > 1 + LayoutRules.GridRules.MAX_OVER_GUTTER + 1) {
            throw new PaibanException(where + ": grid.story-gap must be more than 0 and at most "
                    + (int) (LayoutRules.GridRules.MAX_OVER_GUTTER + 2) + " body characters, found " + written
                    + "; write it like 'story-gap: 1.5'");
        }
        return new LayoutRules.GridRules(v, where);
    }

    private static Optional<YamlFields> section(YamlFields f, String key) {
        Optional<YamlFields> s = f.section(key);
        s.ifPresent(x -> x.onlyKeys(List.of(LayoutRules.SECTIONS.get(key).split(", ")), " under '" + key + "'"));
        return s;
    }

    private static LayoutRules.Headlines headlines(YamlFields f, LayoutRules.Headlines d) {
        Optional<YamlFields> s = section(f, "headlines");
        if (s.isEmpty()) return d;
        YamlFields h = s.get();
        List<LayoutRules.Level> levels = new ArrayList<>();
        int i = 0;
        for (Node n : h.list("levels")) {
            i++;
            YamlFields l = h.nested(n, "headlines.levels[" + i + "]");
            l.onlyKeys(List.of("min-width", "max-priority", "style"), " in headlines.levels[" + i + "]");
            levels.add(new LayoutRules.Level(l.integer("min-width", 0, 1000, "36").orElse(0),
                    l.integer("max-priority", 1, 99, "2").orElse(99),
                    l.requiredText("style", "a text class of layout.css, e.g. headline-2")));
        }
        if (levels.isEmpty()) levels = d.levels();
        if (levels.getLast().minWidth() != 0 || levels.getLast().maxPriority() != 99) {
            throw new PaibanException(f.file() + ":" + h.line("levels") + ": the last of headlines.levels must take "
                    + "every story (no min-width, no max-priority), so that every story has a headline");
        }
        return new LayoutRules.Headlines(h.text("lead").orElse(d.lead()), h.text("page-lead").orElse(d.pageLead()), levels,
                h.integer("grow", 0, 4, "2").orElse(d.grow()));
    }

    private static LayoutRules.Briefs briefs(YamlFields f, LayoutRules.Briefs d) {
        Optional<YamlFields> s = section(f, "briefs");
        if (s.isEmpty()) return d;
        YamlFields b = s.get();
        return new LayoutRules.Briefs(b.integer("max-characters", 0, 5000, "400").orElse(d.maxCharacters()),
                b.integer("max-width", 1, 1000, "36").orElse(d.maxWidth()),
                b.text("title").orElse(d.title()), b.text("kicker").orElse(d.kicker()),
                b.text("subtitle").orElse(d.subtitle()));
    }

    private static LayoutRules.IndexRules index(YamlFields f, LayoutRules.IndexRules d) {
        Optional<YamlFields> s = section(f, "index");
        if (s.isEmpty()) return d;
        YamlFields x = s.get();
        return new LayoutRules.IndexRules(x.text("title").orElse(d.title()),
                x.integer("max-items", 0, 40, "8").orElse(d.maxItems()),
                x.integer("lane-width", 6, 1000, "24").orElse(d.laneWidth()), x.text("marker").orElse(d.marker()),
                x.integer("air", 0, 12, "6").orElse(d.air()), x.flag("summary").orElse(d.summary()));
    }

    private static LayoutRules.Photos photos(YamlFields f, LayoutRules.Photos d) {
        Optional<YamlFields> s = section(f, "photos");
        if (s.isEmpty()) return d;
        YamlFields p = s.get();
        return new LayoutRules.Photos(p.integer("min-width", 1, 1000, "12").orElse(d.minWidth()),
                p.integer("preferred-width", 1, 1000, "24").orElse(d.preferredWidth()),
                p.integer("lead-width", 1, 1000, "48").orElse(d.leadWidth()));
    }

    private static LayoutRules.Air air(YamlFields f, LayoutRules.Air d) {
        Optional<YamlFields> s = section(f, "air");
        if (s.isEmpty()) return d;
        YamlFields a = s.get();
        return new LayoutRules.Air(a.integer("normal", 0, 6, "2").orElse(d.normal()),
                a.integer("last-page", 0, 8, "3").orElse(d.lastPage()), a.integer("spread", 0, 12, "4").orElse(d.spread()));
    }

    private static LayoutRules.Words words(YamlFields f, LayoutRules.Words d) {
        Optional<YamlFields> s = section(f, "words");
        if (s.isEmpty()) return d;
        YamlFields w = s.get();
        String jumpTo = pageWord(w, "jump-to", d.jumpTo());
        String jumpFrom = pageWord(w, "jump-from", d.jumpFrom());
        String indexPage = pageWord(w, "index-page", d.indexPage());
        return new LayoutRules.Words(jumpTo, jumpFrom, indexPage, w.text("separator").orElse(d.separator()),
                w.integer("jump-head-length", 4, 200, "16").orElse(d.jumpHeadLength()), w.text("ellipsis").orElse(d.ellipsis()),
                pageWord(w, "page", d.page()), placeholder(w, "number", "{number}", d.number()),
                placeholder(w, "editor", "{editor}", d.editor()));
    }

    /** A printed word that must say which page: it has to hold {page}. */
    private static String pageWord(YamlFields w, String key, String fallback) {
        return placeholder(w, key, "{page}", fallback);
    }

    private static String placeholder(YamlFields w, String key, String placeholder, String fallback) {
        Optional<String> v = w.text(key);
        if (v.isEmpty()) return fallback;
        if (!v.get().contains(placeholder)) {
            throw new PaibanException(w.file() + ":" + w.line(key) + ": words." + key + " must contain " + placeholder
                    + " where the value goes, e.g. '" + fallback + "'");
        }
        return v.get();
    }
}
