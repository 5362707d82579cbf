package paiban.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a designer sets for composition besides the CSS, read from the layout's {@code layout.yaml}: headline
 * levels by width, what a brief is and how it is titled, the 导读 box, photo sizes, headline air, and every
 * word composition prints. Widths are in body characters, so one set of rules serves any column count.
 * {@link #DEFAULTS} are the tabloid's; a layout.yaml overrides any of them.
 */
public record LayoutRules(Headlines headlines, Briefs briefs, IndexRules index, Photos photos, Air air, Words words,
                          Ads ads, Boxes boxes, GridRules grid) {

    /** Rules whose stories stand apart by the gutter ({@link GridRules#GUTTER}). */
    public LayoutRules(Headlines headlines, Briefs briefs, IndexRules index, Photos photos, Air air, Words words,
                       Ads ads, Boxes boxes) {
        this(headlines, briefs, index, photos, air, words, ads, boxes, GridRules.GUTTER);
    }

    /**
     * How the grid's columns are shared among stories (layout.yaml's {@code grid}).
     *
     * @param storyGap between the text of two stories side by side (块间距), in body characters; 0 when the layout
     *                 does not say, which is the gutter (the CSS's .gutter), the same as inside a story
     * @param where    the file and line that set it, for the loader's errors against the gutter
     */
    public record GridRules(float storyGap, String where) {
        /** Stories stand apart by the gutter. */
        public static final GridRules GUTTER = new GridRules(0, "");

        /** The most a gap may exceed the gutter, in body characters: a one-column story gives up that much of its line. */
        public static final float MAX_OVER_GUTTER = 3;

        public boolean given() {
            return storyGap > 0;
        }
    }

    /** Rules without advertising or box styles of their own: ads take {@link Ads#DEFAULTS}, no story is boxed. */
    public LayoutRules(Headlines headlines, Briefs briefs, IndexRules index, Photos photos, Air air, Words words) {
        this(headlines, briefs, index, photos, air, words, Ads.DEFAULTS, Boxes.NONE);
    }

    /** Rules without box styles: no story is boxed. */
    public LayoutRules(Headlines headlines, Briefs briefs, IndexRules index, Photos photos, Air air, Words words,
                       Ads ads) {
        this(headlines, briefs, index, photos, air, words, ads, Boxes.NONE);
    }

    /** Rules without advertising of their own: ads take {@link Ads#DEFAULTS}. */
    public LayoutRules(Headlines headlines, Briefs briefs, IndexRules index, Photos photos, Air air, Words words,
                       Boxes boxes) {
        this(headlines, briefs, index, photos, air, words, Ads.DEFAULTS, boxes);
    }

    /**
     * Headline levels. The lead takes {@code lead}; a page's first story takes at least
     * {@code pageLead}; other stories the first of {@code levels} that their width and priority meet.
     */
    public record Headlines(String lead, String pageLead, List<Level> levels, int grow) {
        public Headlines {
            levels = List.copyOf(levels);
        }

        /** Levels a story's headline may grow by default when its run opens up short copy. */
        public static final int GROW = 2;

        /** Headlines that grow by the default {@link #GROW} levels at most. */
        public Headlines(String lead, String pageLead, List<Level> levels) {
            this(lead, pageLead, levels, GROW);
        }

        /**
         * The same headlines {@code n} levels larger, as an editor opens up copy that is short of its pages:
         * each level sets the style {@code n} distinct styles above its own, the largest staying the largest.
         * The lead's and the page lead's styles stay as they are.
         */
        public Headlines grown(int n) {
            if (n == 0) return this;
            List<String> sizes = levels.stream().map(Level::style).distinct().toList();
            List<Level> out = new java.util.ArrayList<>();
            for (Level l : levels) {
                out.add(new Level(l.minWidth(), l.maxPriority(), sizes.get(Math.max(0, sizes.indexOf(l.style()) - n))));
            }
            return new Headlines(lead, pageLead, out, grow);
        }

        /** The style for a story of {@code priority} across {@code width} body characters. */
        public String style(int priority, int width) {
            for (Level l : levels) if (width >= l.minWidth() && priority <= l.maxPriority()) return l.style();
            return levels.getLast().style();
        }

        /** The style for a page's first story: its level, but no smaller than {@link #pageLead}. */
        public String pageLeadStyle(int priority, int width) {
            String own = style(priority, width);
            int o = rank(own);
            int p = rank(pageLead);
            return o >= 0 && p >= 0 && o <= p ? own : pageLead;
        }

        /** A level's place in {@code levels}, 0 the biggest; -1 if it is not one of them. */
        private int rank(String style) {
            for (int i = 0; i < levels.size(); i++) if (levels.get(i).style().equals(style)) return i;
            return -1;
        }
    }

    /** One headline level: from {@code minWidth} body characters, for stories of priority up to {@code maxPriority}. */
    public record Level(int minWidth, int maxPriority, String style) {
    }

    /**
     * Briefs (简讯): copy of at most {@code maxCharacters}, without photos or subheads, set at most
     * {@code maxWidth} body characters wide under a small title; their kicker and subtitle are kept in
     * small styles of their own.
     */
    public record Briefs(int maxCharacters, int maxWidth, String title, String kicker, String subtitle) {
    }

    /** The same rules with headlines {@code n} levels larger (see {@link Headlines#grown}). */
    public LayoutRules grown(int n) {
        return n == 0 ? this : new LayoutRules(headlines.grown(n), briefs, index, photos, air, words, ads, boxes, grid);
    }

    /**
     * The 导读 box on page 1: its title, how many stories it lists at most, how wide one lane of items is
     * (a wider box sets its items in lanes side by side), the mark before each item, and the lines of air it
     * spreads its items over cheaply before what it is given beyond counts as white.
     */
    public record IndexRules(String title, int maxItems, int laneWidth, String marker, int air, boolean summary) {

        /** Lines of air the box spreads its items over by default, beyond what they need. */
        public static final int AIR = 6;

        /** The rules with a 提要 under each item, where the box has the lines for it. */
        public IndexRules(String title, int maxItems, int laneWidth, String marker, int air) {
            this(title, maxItems, laneWidth, marker, air, true);
        }

        /** The rules with the default {@link #AIR}. */
        public IndexRules(String title, int maxItems, int laneWidth, String marker) {
            this(title, maxItems, laneWidth, marker, AIR);
        }
    }

    /**
     * Photo widths in body characters: a story's photos prefer {@code preferredWidth}; the lead's may grow
     * to {@code leadWidth}; composition may make them smaller or larger within {@code minWidth} and the module.
     */
    public record Photos(int minWidth, int preferredWidth, int leadWidth) {
    }

    /** Grid lines of air a headline group may take above and below it: normally, and on a page that must come out even. */
    public record Air(int normal, int lastPage, int spread) {

        /** Lines of air around a headline, at most, when a run opens up copy short of its pages, by default. */
        public static final int SPREAD = 4;

        /** Air with the default {@link #SPREAD}. */
        public Air(int normal, int lastPage) {
            this(normal, lastPage, SPREAD);
        }
    }

    /**
     * Every word composition prints. {@code {page}} stands for a page number; {@code separator} joins the
     * sections that share a page in its running head; a continuation repeats its headline cut to
     * {@code jumpHeadLength} characters and {@code ellipsis}.
     */
    public record Words(String jumpTo, String jumpFrom, String indexPage, String separator, int jumpHeadLength,
                        String ellipsis, String page, String number, String editor) {

        /** The running head's and folio's page name, e.g. 第3版. */
        public String page(int page) {
            return this.page.replace("{page}", String.valueOf(page));
        }

        /** The running number, e.g. 总第2548期. */
        public String number(int number) {
            return this.number.replace("{number}", String.valueOf(number));
        }

        /** The folio's editor line, e.g. 责任编辑：李婉欣; empty without an editor. */
        public String editor(String name) {
            return name.isEmpty() ? "" : editor.replace("{editor}", name);
        }

        public String jumpTo(int page) {
            return jumpTo.replace("{page}", String.valueOf(page));
        }

        public String jumpFrom(int page) {
            return jumpFrom.replace("{page}", String.valueOf(page));
        }

        public String indexPage(int page) {
            return indexPage.replace("{page}", String.valueOf(page));
        }
    }

    /**
     * Advertising (广告): the ad sizes the layout names, the word every ad is labelled with (the rules
     * require ads to be marked), and the resolution an ad's image needs at its placed size.
     *
     * @param file      the layout.yaml that set them, for messages
     * @param sizes     by name (通栏, 半通栏, 报眼 …), in the file's order
     * @param label     printed at a corner of every ad
     * @param minDpi    below this an ad is printed with a warning naming its file
     * @param refuseDpi below this it is refused: it would print as visible pixels
     */
    public record Ads(String file, Map<String, AdSize> sizes, String label, int minDpi, int refuseDpi) {
        public Ads {
            sizes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sizes));
        }

        public static final Ads DEFAULTS = new Ads("paiban's default layout rules", Map.of(), "广告", 200, 100);
    }

    /**
     * A named ad size. {@code columns} 0 is the page's whole width (通栏, 半通栏); an ear size ({@code ear}
     * "left" or "right") is a 报眼: it stands on page 1 in the masthead's ear, beside the nameplate, not on
     * the grid the stories fill. {@code line} is its entry's line in layout.yaml (0: none), for messages.
     */
    public record AdSize(String name, int columns, int lines, String ear, int foldWidth, int foldGap, int line) {

        /** A size on the grid or in the masthead's ear, given in an issue rather than a layout.yaml line. */
        public AdSize(String name, int columns, int lines, String ear) {
            this(name, columns, lines, ear, 0, 0, 0);
        }

        /** Where the layout gives the size, for messages: {@code file:line}, or the file alone if unknown. */
        public String where(String file) {
            return line > 0 ? file + ":" + line : file;
        }

        public boolean earSize() {
            return !ear.isEmpty();
        }

        /**
         * A 中缝: a strip {@code foldWidth} mm wide in the page's inner margin, the side of the fold (left on
         * odd pages, which stand right of the fold; right on even ones), {@code foldGap} mm outside the type
         * area, {@code lines} grid lines high; off the grid the copy fills.
         */
        public boolean foldSize() {
            return foldWidth > 0;
        }
    }

    /**
     * A box style (边框/底纹) for stories set in a box: commentary (评论), sidebars (链接, 延伸阅读).
     *
     * @param name     what an article's {@code box:} names
     * @param cssClass the class of layout.css that draws the box's rule, ornament and tint
     * @param sections sections whose stories take this box unless their article names another
     * @param inset    body characters each of the box's columns gives up, so the text stands clear of the rule;
     *                 the box also takes a grid line above its headline, so every body line stays on the grid
     */
    public record Box(String name, String cssClass, List<String> sections, int inset) {
        public Box {
            sections = List.copyOf(sections);
        }
    }

    /** The layout's box styles, in the order layout.yaml lists them. */
    public record Boxes(List<Box> styles) {
        public static final Boxes NONE = new Boxes(List.of());

        public Boxes {
            styles = List.copyOf(styles);
        }

        public java.util.Optional<Box> named(String name) {
            return styles.stream().filter(b -> b.name().equals(name)).findFirst();
        }

        /** The box a section's stories take by default, if any. */
        public java.util.Optional<Box> forSection(String section) {
            return styles.stream().filter(b -> b.sections().contains(section)).findFirst();
        }

        public List<String> names() {
            return styles.stream().map(Box::name).toList();
        }
    }

    public static final LayoutRules DEFAULTS = new LayoutRules(
            new Headlines("headline-1", "headline-2", List.of(
                    new Level(60, 3, "headline-2"),
                    new Level(36, 2, "headline-2"),
                    new Level(36, 99, "headline-3"),
                    new Level(24, 2, "headline-3"),
                    new Level(0, 99, "headline-4"))),
            new Briefs(400, 36, "brief-title", "brief-kicker", "brief-subtitle"),
            new IndexRules("导读", 8, 24, "■"),
            new Photos(12, 24, 48),
            new Air(2, 3),
            new Words("（下转第{page}版）", "（上接第{page}版）", "第{page}版", "·", 16, "……", "第{page}版", "总第{number}期",
                    "责任编辑：{editor}"));

    /** The text styles these rules name, besides the ones every layout has; the layout's CSS must define them. */
    public List<String> styles() {
        List<String> out = new ArrayList<>();
        out.add(headlines.lead());
        out.add(headlines.pageLead());
        for (Level l : headlines.levels()) out.add(l.style());
        out.add(briefs.title());
        out.add(briefs.kicker());
        out.add(briefs.subtitle());
        return out.stream().distinct().toList();
    }

    /** Keys a layout.yaml may have, with what each holds, for its error messages. */
    public static final Map<String, String> SECTIONS = Map.of(
            "headlines", "lead, page-lead, levels, grow", "briefs", "max-characters, max-width, title, kicker, subtitle",
            "index", "title, max-items, lane-width, marker, air, summary", "photos", "min-width, preferred-width, lead-width",
            "air", "normal, last-page, spread",
            "words", "jump-to, jump-from, index-page, separator, jump-head-length, ellipsis, page, number, editor",
            "print", "ink-limit", "ads", "label, min-dpi, refuse-dpi, sizes", "boxes", "name, class, sections, inset",
            "grid", "story-gap");
}
