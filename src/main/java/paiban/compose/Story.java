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
 * An article typeset for composition. The body is set at the grid's column width into rows of one grid
 * line each, and again at any narrower measure a module asks for (once each, cached); headlines and
 * captions are set on demand for the width a module gives them.
 * A character no font has stops the build here, naming the article, the character and its code point.
 */
public final class Story {

    /**
     * One grid line of body: a set line (or a blank line before a subhead) and the paragraph it is from, and
     * where in the body it starts: a continuation set at another measure resumes from that character.
     *
     * @param start the body position of the row's first character (see {@link Story#end}: each paragraph's
     *              characters counted from its base); a blank row's is its subhead's
     */
    public record Row(SetLine line, LineKind kind, String cssClass, int part, int start) {
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
    /** The body's paragraphs and subheads as set, with the dateline and source line in their paragraphs. */
    private final List<Text> texts = new ArrayList<>();
    /** The body set at each measure a module asks for, and continued from a position at each. */
    private final Map<Float, List<Row>> byMeasure = new HashMap<>();
    private final Map<Resume, List<Row>> resumed = new HashMap<>();
    /** Each whole text of the body made ready to set at any measure, by the text itself (not its equal). */
    private final Map<Text, Typesetter.Prepared> prepared = new java.util.IdentityHashMap<>();

    /**
     * A paragraph or subhead of the body as it is set. Body positions count its characters (code points of
     * its runs) from {@code base}; each text takes one position more than its characters, so that the end
     * of one and the start of the next are different positions.
     */
    private record Text(List<Block.Run> runs, boolean subhead, int part, int base, int length) {
    }

    private record Resume(float measure, int from) {
    }

    private record Resumed(float measure, int from, List<Row> rows) {
    }

    private Resumed lastResumed;
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
        // written out: the record's own methods go through method handles the launcher's C1 does not inline (see ModuleBuilder.Key)
        @Override
        public boolean equals(Object o) {
            return o instanceof HeadKey k && Float.compare(k.width, width) == 0 && java.util.Objects.equals(k.level, level)
                    && java.util.Objects.equals(k.kickerStyle, kickerStyle);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * java.util.Objects.hashCode(level) + java.util.Objects.hashCode(kickerStyle)) + Float.hashCode(width);
        }
    }
    private final Map<String, PhotoBlock> photos = new HashMap<>();
    private final Set<Integer> fallbacks = new TreeSet<>();

    public Story(Article article, Grid grid, Styles styles, LayoutRules rules) {
        this.article = article;
        this.grid = grid;
        this.styles = styles;
        this.rules = rules;
        this.box = boxOf(article, rules.boxes());
        collectTexts();
        this.rows = rows(measure());
        this.brief = article.photos().isEmpty() && article.bodyLength() <= rules.briefs().maxCharacters()
                && article.body().stream().noneMatch(b -> b instanceof Block.Subhead);
    }

    /**
     * The story's section's place in a run's {@code sections} (-1: not among them), as {@code sections.indexOf}
     * gives it. The page filler asks it for every piece waiting at every step of its search, always of the
     * same list while it fills a page, and comparing the section names there was a twentieth of a broadsheet
     * composition under the launcher's quick compiler; so the last answer is kept, for that list object.
     */
    int sectionIndex(List<String> sections) {
        SectionPlace known = sectionPlace;
        if (known != null && known.sections() == sections) return known.index();
        int index = sections.indexOf(article.section());
        sectionPlace = new SectionPlace(sections, index);
        return index;
    }

    /** {@link #sectionIndex}'s last answer: immutable, so a thread that reads it sees both parts. */
    private record SectionPlace(List<String> sections, int index) {
    }

    private SectionPlace sectionPlace;

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

    /**
     * The body's measure in a module {@code span} columns wide: a boxed story's {@link #measure()} (its box keeps
     * it apart from its neighbours), any other the grid's measure for the span ({@link Grid#measure}), which is
     * narrower than a column where the layout sets stories further apart than the gutter.
     */
    public float measure(int span) {
        return box == null ? grid.measure(span) : measure();
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

    /** The body's texts in reading order, as {@link #rows(float)} sets them. */
    private void collectTexts() {
        List<Block> blocks = article.body();
        int lastParagraph = -1;
        for (int i = 0; i < blocks.size(); i++) if (blocks.get(i) instanceof Block.Paragraph) lastParagraph = i;
        boolean first = true;
        int part = 0;
        int base = 0;
        if (lastParagraph < 0 && (!article.dateline().isEmpty() || !article.source().isEmpty())) {
            blocks = new ArrayList<>(blocks);
            blocks.add(new Block.Paragraph(List.of()));
            lastParagraph = blocks.size() - 1;
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            part++;
            List<Block.Run> runs;
            if (b instanceof Block.Subhead h) {
                runs = List.of(new Block.Run(h.text(), false));
            } else {
                runs = new ArrayList<>(((Block.Paragraph) b).runs());
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
                runs = List.copyOf(runs);
            }
            int length = 0;
            for (Block.Run r : runs) length += r.text().codePointCount(0, r.text().length());
            texts.add(new Text(runs, b instanceof Block.Subhead, part, base, length));
            base += length + 1;
        }
    }

    /** The body position after its last character: a piece that starts there has nothing left to set. */
    public int end() {
        return texts.isEmpty() ? 0 : texts.getLast().base() + texts.getLast().length();
    }

    /**
     * The body set at {@code measure} points, one row a grid line. The story's {@link #rows()} are this at its
     * {@link #measure()}; a module whose columns are narrower (the space between stories, {@link Grid#measure})
     * asks for its own.
     */
    public List<Row> rows(float measure) {
        if (rows != null && measure == measure()) return rows;
        List<Row> cached = byMeasure.get(measure);
        if (cached != null) return cached;
        List<Row> out = new ArrayList<>();
        for (Text t : texts) {
            if (t.subhead() && !out.isEmpty()) out.add(new Row(null, LineKind.SUBHEAD, "subhead", t.part(), t.base()));
            out.addAll(set(t, 0, measure));
        }
        List<Row> rows = List.copyOf(out);
        byMeasure.put(measure, rows);
        return rows;
    }

    /**
     * The body at {@code measure} from body position {@code from} on (a continuation's rows). Where the rows at
     * that measure have a line starting there, they are those rows; otherwise the paragraph {@code from} falls in
     * is set again from that character, its first line not indented (it is not the paragraph's first), and the
     * paragraphs after it follow as set.
     */
    public List<Row> rows(float measure, int from) {
        List<Row> all = rows(measure);
        if (from == 0) return all;
        // the module builder asks for the same piece's rows at every step of a flow: the last answer first
        Resumed last = lastResumed;
        if (last != null && last.measure() == measure && last.from() == from) return last.rows();
        if (measure == measure()) {
            // the story's own measure, where every cut is made when stories stand the gutter apart: its rows
            // from the one that starts there, found without a lookup
            int at = firstAt(rows, from);
            if (at >= 0) {
                List<Row> out = rows.subList(at, rows.size());
                lastResumed = new Resumed(measure, from, out);
                return out;
            }
        }
        Resume key = new Resume(measure, from);
        List<Row> cached = resumed.get(key);
        if (cached != null) {
            lastResumed = new Resumed(measure, from, cached);
            return cached;
        }
        int at = firstAt(all, from);
        List<Row> out;
        if (at >= 0) {
            out = all.subList(at, all.size());
        } else {
            int t = textAt(from);
            Text text = texts.get(t);
            List<Row> rest = new ArrayList<>(set(text, from - text.base(), measure));
            if (t + 1 < texts.size()) {
                int next = firstAt(all, texts.get(t + 1).base());
                // the blank line before a following subhead comes with it
                while (next > 0 && all.get(next - 1).blank() && all.get(next - 1).start() == texts.get(t + 1).base()) next--;
                rest.addAll(all.subList(next, all.size()));
            }
            out = List.copyOf(rest);
        }
        resumed.put(key, out);
        lastResumed = new Resumed(measure, from, out);
        return out;
    }

    /**
     * At least as many rows as {@link #rows(float, int)} gives, found without setting the body at {@code measure}:
     * each whole text after the one {@code from} falls in at its fewest lines ({@link Typesetter.Prepared#leastLines}),
     * with the blank row before each subhead; the text {@code from} falls in counts none, and from 0 the first counts
     * whole.
     */
    public int leastRows(float measure, int from) {
        int n = 0;
        for (int t = from == 0 ? 0 : textAt(from) + 1; t < texts.size(); t++) {
            Text text = texts.get(t);
            if (text.subhead() && t > 0) n++;
            n += prepared(text).leastLines(measure);
        }
        return n;
    }

    private Typesetter.Prepared prepared(Text t) {
        return prepared.computeIfAbsent(t, k -> Typesetter.prepare(k.runs(), styles.get(k.subhead() ? "subhead" : "body")));
    }

    /** The first row that prints something and starts at {@code position}, or -1. */
    private static int firstAt(List<Row> rows, int position) {
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows.get(mid).start() < position) lo = mid + 1;
            else hi = mid;
        }
        for (int i = lo; i < rows.size() && rows.get(i).start() == position; i++) if (!rows.get(i).blank()) return i;
        return -1;
    }

    /** The body text that holds position {@code p}. */
    private int textAt(int p) {
        for (int t = texts.size() - 1; t >= 0; t--) if (texts.get(t).base() <= p) return t;
        return 0;
    }

    /**
     * Sets one text from its {@code offset}-th character at {@code measure}, and tells each line where it starts:
     * its glyphs are matched to the text's characters in order (only spaces a break or a Han neighbour drops
     * have no glyph).
     */
    private List<Row> set(Text t, int offset, float measure) {
        TextStyle style = styles.get(t.subhead() ? "subhead" : "body");
        // a whole text is made ready once and set at each measure a module asks for
        Typesetter.Prepared ready = offset == 0 ? prepared(t)
                : Typesetter.prepare(from(t.runs(), offset), style.withIndent(0));
        Galley g = check(ready.set(measure), t.subhead() ? "a subhead" : "the body");
        int[] cps = text(t.runs());
        int i = offset;
        List<Row> out = new ArrayList<>();
        for (SetLine l : g.lines()) {
            int start = i;
            for (paiban.typeset.Glyph gl : l.glyphs()) {
                while (i < cps.length && cps[i] != gl.codePoint()) {
                    if (!Character.isWhitespace(cps[i]) && !Character.isSpaceChar(cps[i])) {
                        throw new IllegalStateException("articles/" + article.file().getFileName() + " (article '"
                                + article.slug() + "'): the body's line '" + l.text() + "' has '"
                                + new String(Character.toChars(gl.codePoint())) + "' where the copy has '"
                                + new String(Character.toChars(cps[i])) + "' (" + Unicode.notation(cps[i])
                                + "); paiban cannot tell where a continuation resumes");
                    }
                    i++;
                }
                if (i < cps.length) i++;
            }
            // a line's start is its first character, past the spaces the break before it dropped
            while (start < cps.length && start < i && (Character.isWhitespace(cps[start]) || Character.isSpaceChar(cps[start]))) start++;
            out.add(new Row(l, t.subhead() ? LineKind.SUBHEAD : LineKind.BODY, t.subhead() ? "subhead" : "body", t.part(),
                    t.base() + start));
        }
        return out;
    }

    private static int[] text(List<Block.Run> runs) {
        StringBuilder sb = new StringBuilder();
        for (Block.Run r : runs) sb.append(r.text());
        return sb.codePoints().toArray();
    }

    /** The runs from their {@code offset}-th character on, each keeping its weight. */
    private static List<Block.Run> from(List<Block.Run> runs, int offset) {
        List<Block.Run> out = new ArrayList<>();
        int skip = offset;
        for (Block.Run r : runs) {
            int n = r.text().codePointCount(0, r.text().length());
            if (skip >= n) {
                skip -= n;
                continue;
            }
            out.add(skip == 0 ? r : new Block.Run(r.text().substring(r.text().offsetByCodePoints(0, skip)), r.bold()));
            skip = 0;
        }
        return out;
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
