package paiban.compose;

import paiban.core.Unicode;
import paiban.core.PaibanException;
import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Photo;
import paiban.typeset.Face;
import paiban.typeset.Galley;
import paiban.typeset.SetLine;
import paiban.typeset.TextStyle;
import paiban.typeset.Typesetter;
import paiban.typeset.VerticalSetter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An article typeset for composition. The body is set once, at the grid's column width, into rows
 * of one grid line each; headlines and captions are set on demand for the width a module gives them.
 * A character no font has stops the build here, naming the article, the character and its code point.
 */
public final class Story {

    /** One grid line of body: a set line (or a blank line before a subhead) and the paragraph it is from. */
    public record Row(SetLine line, LineKind kind, String cssClass, int part) {
        public boolean blank() {
            return line == null;
        }
    }

    /** A headline group set for one width, and the grid lines it takes. */
    public record Headline(List<PlacedLine> lines, int gridLines) {
    }

    private final Article article;
    private final Grid grid;
    private final Styles styles;
    private final LayoutRules rules;
    private final List<Row> rows;
    private final boolean brief;
    private final LayoutRules.Box box;
    /**
     * Headline groups as set, by what they are set in and across: the page filler asks for the same one many
     * times while it tries layouts, and a key of strings and the width as it stands is cheaper than a string
     * made of them each time.
     */
    private final Map<HeadKey, Headline> headlines = new HashMap<>();

    /** What a headline group is set in: its title's style, its kicker's (null: a jump head), and its width. */
    private record HeadKey(String level, String kickerStyle, float width) {
    }
    private final Map<String, PhotoBlock> photos = new HashMap<>();
    private final Set<Integer> fallbacks = new TreeSet<>();

    public Story(Article article, Grid grid, Styles styles, LayoutRules rules) {
        this.article = article;
        this.grid = grid;
        this.styles = styles;
        this.rules = rules;
        this.box = boxOf(article, rules.boxes());
        this.rows = setBody();
        this.brief = article.photos().isEmpty() && article.bodyLength() <= rules.briefs().maxCharacters()
                && article.body().stream().noneMatch(b -> b instanceof Block.Subhead);
    }

    public Article article() {
        return article;
    }

    /**
     * A brief (简讯): short copy with no photo and no subhead. Briefs never jump; composition uses them
     * to fill the gaps that stories leave.
     */
    public boolean brief() {
        return brief;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The box (边框/底纹) the story is set in: the one its article names, else its section's; none if neither. */
    public java.util.Optional<LayoutRules.Box> box() {
        return java.util.Optional.ofNullable(box);
    }

    /** The body's measure: a column, less the box's inset in a boxed story. */
    public float measure() {
        return box == null ? grid.columnWidth() : grid.columnWidth() - box.inset() * grid.bodySize();
    }

    private static LayoutRules.Box boxOf(Article a, LayoutRules.Boxes boxes) {
        if (a.box().given()) {
            return boxes.named(a.box().name()).orElseThrow(() -> new PaibanException("articles/" + a.file().getFileName()
                    + ":" + a.box().line() + ": article '" + a.slug() + "': the field 'box' names '" + a.box().name()
                    + "', which the layout does not have; " + (boxes.styles().isEmpty() ? "this layout has no boxes"
                    : "its boxes: " + String.join(", ", boxes.names())) + " (layout.yaml, 'boxes')"));
        }
        return boxes.forSection(a.section()).orElse(null);
    }

    /** Code points set in a fallback font; the build reports them. */
    public Set<Integer> fallbacks() {
        return fallbacks;
    }

    private List<Row> setBody() {
        List<Row> out = new ArrayList<>();
        TextStyle body = styles.get("body");
        TextStyle subhead = styles.get("subhead");
        List<Block> blocks = article.body();
        int lastParagraph = -1;
        for (int i = 0; i < blocks.size(); i++) if (blocks.get(i) instanceof Block.Paragraph) lastParagraph = i;
        boolean first = true;
        int part = 0;
        if (lastParagraph < 0 && (!article.dateline().isEmpty() || !article.source().isEmpty())) {
            blocks = new ArrayList<>(blocks);
            blocks.add(new Block.Paragraph(List.of()));
            lastParagraph = blocks.size() - 1;
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            part++;
            if (b instanceof Block.Subhead h) {
                if (!out.isEmpty()) out.add(new Row(null, LineKind.SUBHEAD, "subhead", part));
                for (SetLine l : check(Typesetter.set(h.text(), subhead, measure()), "a subhead").lines()) {
                    out.add(new Row(l, LineKind.SUBHEAD, "subhead", part));
                }
                continue;
            }
            List<Block.Run> runs = new ArrayList<>(((Block.Paragraph) b).runs());
            if (first && !article.dateline().isEmpty()) {
                String d = article.dateline();
                boolean closes = d.endsWith("）") || d.endsWith(")") || d.endsWith("】");
                runs.addFirst(new Block.Run(closes ? d : d + "\u3000", true));
            }
            first = false;
            if (i == lastParagraph && !article.source().isEmpty()) {
                String s = article.source();
                runs.add(new Block.Run(s.startsWith("（") ? s : "（" + s + "）", false));
            }
            for (SetLine l : check(Typesetter.set(runs, body, measure()), "the body").lines()) {
                out.add(new Row(l, LineKind.BODY, "body", part));
            }
        }
        return List.copyOf(out);
    }

    /** One line group of a headline: its style, its text and what it is. */
    private record HeadPart(String style, String text, LineKind kind) {
    }

    /**
     * The headline group (引题, 主题, 副题) set across {@code width} points, its title in {@code level}, centred
     * vertically in the whole grid lines it takes.
     */
    public Headline headline(String level, float width) {
        return headline(level, "kicker", "subtitle", width);
    }

    /** A brief's head: its title in the layout's brief style, and its kicker and subtitle, if any, in small type. */
    public Headline briefHead(float width) {
        LayoutRules.Briefs b = rules.briefs();
        return headline(b.title(), b.kicker(), b.subtitle(), width);
    }

    private Headline headline(String level, String kickerStyle, String subtitleStyle, float width) {
        HeadKey key = new HeadKey(level, kickerStyle, width);
        Headline cached = headlines.get(key);
        if (cached != null) return cached;
        List<HeadPart> parts = new ArrayList<>();
        if (!article.kicker().isEmpty()) parts.add(new HeadPart(kickerStyle, article.kicker(), LineKind.KICKER));
        parts.add(new HeadPart(level, article.title(), LineKind.TITLE));
        if (!article.subtitle().isEmpty()) parts.add(new HeadPart(subtitleStyle, article.subtitle(), LineKind.SUBTITLE));
        return headline(key, parts, width);
    }

    /** A continuation's head: the headline repeated short, in the jump-head style (上接 parts). */
    public Headline jumpHead(float width) {
        HeadKey key = new HeadKey("jump-head", null, width);
        Headline cached = headlines.get(key);
        if (cached != null) return cached;
        return headline(key, List.of(new HeadPart("jump-head", shortTitle(), LineKind.TITLE)), width);
    }

    private Headline headline(HeadKey key, List<HeadPart> parts, float width) {
        Headline cached = headlines.get(key);
        if (cached != null) return cached;
        float y = 0;
        List<PlacedLine> lines = new ArrayList<>();
        for (HeadPart p : parts) {
            TextStyle st = styles.get(p.style());
            Galley g = check(Typesetter.set(p.text(), st, width), "the " + p.kind().word());
            for (SetLine l : g.lines()) {
                float top = y + (st.pitch() - st.size()) / 2;
                lines.add(new PlacedLine(l, 0, top + emTop(st) * st.size(), p.kind(), p.style(), st.color(), 0, false));
                y += st.pitch();
            }
        }
        int gridLines = grid.linesFor(y + grid.pitch() * 0.5f);
        float shift = (gridLines * grid.pitch() - y) / 2 - grid.pitch() * 0.15f;
        List<PlacedLine> shifted = new ArrayList<>();
        for (PlacedLine l : lines) {
            shifted.add(new PlacedLine(l.line(), l.x(), l.baseline() + Math.max(0, shift), l.kind(), l.cssClass(),
                    l.color(), l.part(), false));
        }
        Headline h = new Headline(List.copyOf(shifted), gridLines);
        headlines.put(key, h);
        return h;
    }

    /**
     * A headline group set as columns top to bottom (竖排标题), read right to left: 引题, then the title in
     * {@code level}, then 副题, each broken into columns no longer than {@code maxLength} points.
     *
     * @param lines  placed with x from the group's left edge and baselines from its top (a vertical line's
     *               baseline is its first glyph's)
     * @param width  across, in points: each column takes its style's line pitch
     * @param length the longest column, in points from the group's top
     */
    public record VerticalHead(List<PlacedLine> lines, float width, float length) {
    }

    public VerticalHead verticalHeadline(String level, float maxLength) {
        String key = "vertical/" + level + "/" + maxLength;
        VerticalHead cached = verticalHeads.get(key);
        if (cached != null) return cached;
        List<HeadPart> parts = new ArrayList<>();
        if (!article.kicker().isEmpty()) parts.add(new HeadPart("kicker", article.kicker(), LineKind.KICKER));
        parts.add(new HeadPart(level, article.title(), LineKind.TITLE));
        if (!article.subtitle().isEmpty()) parts.add(new HeadPart("subtitle", article.subtitle(), LineKind.SUBTITLE));
        List<SetLine> set = new ArrayList<>();
        List<HeadPart> of = new ArrayList<>();
        float width = 0;
        float length = 0;
        for (HeadPart p : parts) {
            TextStyle st = styles.get(p.style());
            for (SetLine l : check(VerticalSetter.set(p.text(), st, maxLength), "the " + p.kind().word()).lines()) {
                set.add(l);
                of.add(p);
                width += st.pitch();
                length = Math.max(length, l.width());
            }
        }
        // the first column stands at the right; each takes its pitch, its glyphs centred in it
        List<PlacedLine> lines = new ArrayList<>();
        float right = width;
        for (int i = 0; i < set.size(); i++) {
            TextStyle st = styles.get(of.get(i).style());
            SetLine l = set.get(i);
            float x = right - st.pitch() + (st.pitch() - st.size()) / 2;
            lines.add(new PlacedLine(l, x, emTop(st) * st.size(), of.get(i).kind(), of.get(i).style(), st.color(), 0, false));
            right -= st.pitch();
        }
        VerticalHead h = new VerticalHead(List.copyOf(lines), width, length);
        verticalHeads.put(key, h);
        return h;
    }

    private final Map<String, VerticalHead> verticalHeads = new HashMap<>();

    /** 上接 parts repeat the headline, shortened to what fits a short line. */
    private String shortTitle() {
        String t = article.title();
        int max = rules.words().jumpHeadLength();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max)) + rules.words().ellipsis();
    }

    /** The article's pull quote set across {@code width} points in the layout's quote style; none without one. */
    public List<SetLine> quote(float width) {
        if (article.quote().isEmpty()) return List.of();
        return quotes.computeIfAbsent(width, w -> check(Typesetter.set(article.quote(), styles.get("quote"), w), "the quote").lines());
    }

    private final Map<Float, List<SetLine>> quotes = new HashMap<>();

    /** A photo with caption and credit set for {@code width}, in whole grid lines. */
    public record PhotoBlock(Photo photo, float width, float imageHeight, int imageLines, List<SetLine> caption,
                             List<SetLine> credit) {
        public int gridLines() {
            return imageLines + caption.size() + credit.size() + 1;
        }
    }

    public PhotoBlock photo(Photo p, float width) {
        return photos.computeIfAbsent(p.name() + "/" + width, k -> setPhoto(p, width));
    }

    private PhotoBlock setPhoto(Photo p, float width) {
        // the photo keeps its proportions; the grid lines it takes leave a little air above the caption
        float imageHeight = (float) (width * Math.min(p.aspect(), 1.4));
        int imageLines = grid.linesFor(imageHeight + grid.pitch() * 0.3f);
        List<SetLine> caption = p.caption().isEmpty() ? List.of()
                : check(Typesetter.set(p.caption(), styles.get("caption"), width), "a photo caption").lines();
        List<SetLine> credit = p.credit().isEmpty() ? List.of()
                : check(Typesetter.set(p.credit(), styles.get("credit"), width), "a photo credit").lines();
        return new PhotoBlock(p, width, imageHeight, imageLines, caption, credit);
    }

    private Galley check(Galley g, String where) {
        if (!g.missing().isEmpty()) {
            int cp = g.missing().iterator().next();
            throw new PaibanException("articles/" + article.file().getFileName() + " (article '" + article.slug()
                    + "'): " + where + " has the character '" + new String(Character.toChars(cp)) + "' ("
                    + Unicode.notation(cp) + ") that no configured font has"
                    + (g.missing().size() > 1 ? ", and " + (g.missing().size() - 1) + " more" : "")
                    + ". Add a font that has it to fonts/ and list its role under 'fallback' in fonts/fonts.yaml"
                    + (cp >= 0x1F000 ? " (for emoji: an emoji font such as Noto Color Emoji is not embeddable "
                    + "as outlines; better replace the character in the copy)" : ""));
        }
        fallbacks.addAll(g.fallbacks());
        return g;
    }

    static float emTop(TextStyle st) {
        Face f = st.primary();
        return f.emTop();
    }
}
