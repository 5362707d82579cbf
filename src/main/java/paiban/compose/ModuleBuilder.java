package paiban.compose;

import paiban.model.HeadlineShape;
import paiban.model.Photo;
import paiban.typeset.SetLine;
import paiban.typeset.TextStyle;
import paiban.typeset.Typesetter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures and builds modules. A module is the headline across its columns, photos at the top of its body
 * with their captions (at the right where the module is L-shaped, {@link #lShaped}), and the body rows flowed
 * column by column so that a paragraph runs on
 * from the foot of one column to the head of the next. Columns are balanced: their feet differ by at
 * most one line. A cut module fills every column to its foot and keeps its last line for the 下转 line.
 * Measuring is cached, because the page filler asks the same questions many times.
 */
public final class ModuleBuilder {

    /** A cut leaves at least this many rows for the continuation: a jump for three lines is silly. */
    static final int MIN_CONTINUATION = 8;
    /** A cut places at least this many rows before the 下转 line. */
    static final int MIN_FIRST_PART = 6;
    /**
     * Every module keeps its last grid line empty: the rule above the module below is drawn in it (the
     * layout puts it half a line above that module), and at the page foot it is the space above the folio.
     */
    static final int GAP = 1;

    /**
     * No leg of body text (a column's run under a headline or photo) is shorter than this, unless the
     * piece's whole body is.
     */
    static final int MIN_LEG = 5;

    private final Grid grid;
    private final Styles styles;
    private final LayoutRules rules;
    private final Map<Key, Boolean> legal = new HashMap<>();
    private final Map<Key, Integer> naturals = new HashMap<>();
    private final Map<Key, Integer> cuts = new HashMap<>();
    private final Map<Key, int[]> feet = new HashMap<>();
    private final Map<Key, Boolean> lShapes = new HashMap<>();

    private record Key(Piece piece, int span, int photoSpan, Rank rank, int lines) {
        /*
         * Written out, as GroupStacks.Key and Story.HeadKey are: a record's own equals and hashCode go through
         * method handles, which the launcher's quick compiler (C1) does not inline, and these keys' were a fifth
         * of composition's time in a warm build (JFR, bench-16p). The same comparison as the record's.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.span == span && k.photoSpan == photoSpan && k.lines == lines && k.rank == rank
                    && java.util.Objects.equals(k.piece, piece);
        }

        @Override
        public int hashCode() {
            int h = java.util.Objects.hashCode(piece);
            h = 31 * h + span;
            h = 31 * h + photoSpan;
            h = 31 * h + (rank == null ? -1 : rank.ordinal());
            return 31 * h + lines;
        }
    }

    public ModuleBuilder(Grid grid, Styles styles, LayoutRules rules) {
        this.grid = grid;
        this.styles = styles;
        this.rules = rules;
    }

    Grid grid() {
        return grid;
    }

    LayoutRules rules() {
        return rules;
    }

    /**
     * The headline style for a story's weight (priority 1 is the heaviest), its module's width and its
     * standing on the page: a heavy story gets a big headline only where it has the width to carry it,
     * and a page's first story never less than the layout's page-lead level.
     */
    String headlineLevel(int priority, int span, Rank rank) {
        LayoutRules.Headlines h = rules.headlines();
        return switch (rank) {
            case LEAD -> h.lead();
            case PAGE_LEAD -> h.pageLeadStyle(priority, grid.charsFor(span));
            case OTHER -> h.style(priority, grid.charsFor(span));
        };
    }

    /** Grid lines the piece's head takes at {@code span}: headline group, brief head or jump head. */
    int headLines(Piece p, int span, Rank rank) {
        if (vertical(p, span, rank)) return boxTop(p);
        return head(p, span, rank).gridLines() + boxTop(p);
    }

    /** A boxed module gives its first grid line to the box: the rule runs through it, above the headline. */
    private static int boxTop(Piece p) {
        return boxed(p) ? 1 : 0;
    }

    /** Whether the piece is set in a box (边框/底纹): a story, brief or continuation whose story takes one. */
    static boolean boxed(Piece p) {
        return !p.furniture() && p.story().box().isPresent();
    }

    /**
     * The columns of the piece's module: a box's, narrower by its inset; else the grid's, each a share of the
     * module's inset narrower where the layout sets stories further apart than the gutter ({@link Grid#measure}).
     */
    private BoxedColumns columns(Piece p, int span) {
        return boxed(p) ? BoxedColumns.of(grid, p.story().box().get(), span)
                : new BoxedColumns(grid.storyInset(), grid.measure(span), grid.gutter());
    }

    /**
     * Whether the piece's headline is set as a column at its module's right edge (竖排标题): a story (not
     * a continuation or a brief set as one) whose editor asked for it, in a module wide enough to keep at
     * least a body column beside the headline's columns. Narrower, it falls back to a horizontal headline.
     */
    boolean vertical(Piece p, int span, Rank rank) {
        if (p.furniture() || p.continuation() || kind(p, rank) != ModuleKind.STORY) return false;
        if (p.story().article().headline() != HeadlineShape.VERTICAL) return false;
        return span > headColumns(p, span, rank);
    }

    /** The vertical headline group of a piece, its columns no longer than about half the type area. */
    private Story.VerticalHead verticalHead(Piece p, int span, Rank rank) {
        return verticalHeads.computeIfAbsent(new Key(p, span, 0, rank, 0), k -> {
            String level = headlineLevel(p.priority(), span, rank);
            float least = styles.get(level).size() * 4;
            Story.VerticalHead h = p.story().verticalHeadline(level,
                    Math.max(least, grid.lines() * grid.pitch() * MAX_VERTICAL_HEAD));
            // a headline longer than the body beside it would leave white under the body: it breaks into
            // columns about as long as the body, while they still fit its columns, but never shorter than
            // half its length in one column (a title in three or more short columns reads as a block, not a
            // headline)
            float em = styles.get(level).size();
            float whole = p.story().verticalHeadline(level, grid.lines() * grid.pitch() * 4).length();
            least = Math.max(least, (float) Math.ceil(whole / 2 / em - 0.01f) * em);
            for (int tries = 0; tries < 2; tries++) {
                int columns = columnsFor(h.width());
                if (columns >= span) break;
                int body = balancedEnd(occupancy(p, span - columns, 0, null, 0, 0), rowCount(p, span - columns));
                float room = Math.max(least, (body - 1) * grid.pitch());
                if (h.length() <= room + 0.01f) break;
                Story.VerticalHead shorter = p.story().verticalHeadline(level, room);
                if (columnsFor(shorter.width()) > columns && columnsFor(shorter.width()) >= span) break;
                h = shorter;
            }
            return h;
        });
    }

    private final Map<Key, Story.VerticalHead> verticalHeads = new HashMap<>();

    /** Whole columns a vertical headline group of {@code width} points takes. */
    private int columnsFor(float width) {
        return Math.max(1, (int) Math.ceil((width - grid.columnWidth()) / (grid.columnWidth() + grid.gutter()) - 1e-3) + 1);
    }

    /**
     * The most of the type area's height a vertical headline's column takes; a longer title breaks into a
     * second column beside the first.
     */
    static final float MAX_VERTICAL_HEAD = 0.45f;

    /**
     * Column lines of white under the body beside a vertical headline that is longer than the body: what
     * the page filler weighs as a hole. 0 for a horizontal headline.
     */
    int whiteBesideHead(Piece p, int span, int photoSpan, Rank rank) {
        if (!vertical(p, span, rank)) return 0;
        int b = bodySpan(p, span, rank);
        int body = balancedEnd(occupancy(p, b, Math.min(photoSpan, b), null, 0, 0), rowCount(p, b));
        return Math.max(0, headLength(p, span, rank) - body) * b;
    }

    /** Whole columns a vertical headline takes at the module's right edge. */
    int headColumns(Piece p, int span, Rank rank) {
        return columnsFor(verticalHead(p, span, rank).width());
    }

    /** The body's columns: the module's, less a vertical headline's. */
    private int bodySpan(Piece p, int span, Rank rank) {
        return vertical(p, span, rank) ? span - headColumns(p, span, rank) : span;
    }

    /** Grid lines a vertical headline's columns reach down from the module's top, with half a line of air above; else 0. */
    private int headLength(Piece p, int span, Rank rank) {
        if (!vertical(p, span, rank)) return 0;
        return grid.linesFor(verticalHead(p, span, rank).length() + grid.pitch());
    }

    private Story.Headline head(Piece p, int span, Rank rank) {
        BoxedColumns cols = columns(p, span);
        float w = cols.spanWidth(span);
        if (p.continuation()) return p.story().jumpHead(w);
        if (p.brief() && !rank.leads()) return p.story().briefHead(w);
        return p.story().headline(headlineLevel(p.priority(), span, rank), w);
    }

    /** What the module is: a brief that opens a page is set, and listed, as a story. */
    static ModuleKind kind(Piece p, Rank rank) {
        if (p.continuation()) return ModuleKind.CONTINUATION;
        return p.brief() && !rank.leads() ? ModuleKind.BRIEF : ModuleKind.STORY;
    }

    /** The photo spans worth trying for a piece in a module of {@code span} columns; {0} when it has none. */
    static int[] photoSpans(Piece p, int span) {
        if (p.furniture() || p.continuation() || p.story().article().photos().isEmpty()) return NO_PHOTO;
        return span < SPANS.length ? SPANS[span] : spans(span);
    }

    /**
     * The answers of {@link #photoSpans}, made once: the page filler asks at every step of its search, and a new
     * array each time was a tenth of its allocation. Shared, so callers only read them.
     */
    private static final int[] NO_PHOTO = {0};
    /** Spans below this have their answers made once, here and in the page filler: more columns than a page has. */
    static final int MADE_SPANS = 25;
    private static final int[][] SPANS = java.util.stream.IntStream.range(0, MADE_SPANS).mapToObj(ModuleBuilder::spans)
            .toArray(int[][]::new);

    /** 1, 2, …, {@code span}. */
    private static int[] spans(int span) {
        int[] out = new int[span];
        for (int i = 0; i < span; i++) out[i] = i + 1;
        return out;
    }

    /**
     * Body rows still to place at the story's own measure (a column's), counting the （上接第M版） line that opens
     * a continuation: what a page takes of the piece, near enough, whatever its module's span.
     */
    static int rowCount(Piece p) {
        if (p.furniture()) return 0;
        return (p.continuation() ? 1 : 0) + p.story().rows(p.story().measure(), p.from()).size();
    }

    /** Body rows still to place in a body of {@code span} columns, set at its measure, with the 上接 line. */
    private static int rowCount(Piece p, int span) {
        if (p.furniture()) return 0;
        return (p.continuation() ? 1 : 0) + rows(p, span).size();
    }

    /** The piece's body rows set for a body of {@code span} columns, from where the piece starts. */
    private static List<Story.Row> rows(Piece p, int span) {
        return p.story().rows(p.story().measure(span), p.from());
    }

    /**
     * At least the column lines a module of the whole piece takes at {@code span} columns, whatever its photos and
     * standing: its natural height times its span is at least its body rows, at the measure of a body as wide as
     * the module or (beside a vertical headline) narrower, and the empty last line across. The rows are counted
     * at their fewest ({@link Story#leastRows}), without setting the body, a headline or a caption, so that it
     * is cheap to ask of much copy.
     */
    int leastArea(Piece p, int span) {
        Story s = p.story();
        boolean vertical = !p.continuation() && s.article().headline() == HeadlineShape.VERTICAL;
        int rows = Integer.MAX_VALUE;
        for (int b = vertical ? 1 : span; b <= span; b++) rows = Math.min(rows, s.leastRows(s.measure(b), p.from()));
        return (p.continuation() ? 1 : 0) + rows + span * GAP;
    }

    /** The module's height when the whole piece is set at {@code span}, columns balanced. */
    int natural(Piece p, int span, int photoSpan, Rank rank) {
        if (p.isFiller()) return p.filler().lines();
        if (p.isQuote()) return quoteLines(p, span).size() > 0 ? grid.linesFor(quoteHeight(p, span)) + 1 + GAP : 0;
        int at = slot(span, photoSpan, rank);
        int[] known = at < 0 ? null : measured.computeIfAbsent(p, k -> new int[2 * slots()]);
        if (known != null && known[at] > 0) return known[at];
        Key k = known != null ? null : new Key(p, span, photoSpan, rank, 0);
        Integer n = known != null ? null : naturals.get(k);
        if (n == null) {
            int b = bodySpan(p, span, rank);
            int body = balancedEnd(occupancy(p, b, Math.min(photoSpan, b), null, 0, 0), rowCount(p, b));
            n = headLines(p, span, rank) + Math.max(body, headLength(p, span, rank)) + GAP;
            if (known != null) known[at] = n;
            else naturals.put(k, n);
        }
        return n;
    }

    /**
     * {@link #natural} and {@link #legal} as found, by piece: the page filler asks them at every step of its search,
     * and one look-up of the piece and an index by span, photo span and standing is cheaper than a key made and
     * hashed each time. Natural heights are at least the empty last line, so 0 is not yet known; legality is 0 not
     * yet known, 1 no, 2 yes, in the array's second half.
     */
    private final Map<Piece, int[]> measured = new HashMap<>();

    /** The standings a module can have: {@code Rank.values()} makes a new array at each call, asked at every step. */
    private static final int RANKS = Rank.values().length;

    private int slots() {
        return RANKS * (grid.columns() + 1) * (grid.columns() + 1);
    }

    /** Where {@link #measured} keeps a span, photo span and standing; -1 outside the page's columns. */
    private int slot(int span, int photoSpan, Rank rank) {
        int n = grid.columns() + 1;
        if (span < 0 || span >= n || photoSpan < 0 || photoSpan >= n) return -1;
        return (rank.ordinal() * n + span) * n + photoSpan;
    }

    /**
     * Whether the whole piece may be set at {@code span} with photos of {@code photoSpan}: every column that
     * is not a photo's to its foot holds a leg of at least {@link #MIN_LEG} lines (or the whole body, when it is
     * shorter), so that no column is a stub of two lines or a white gap inside the module.
     */
    boolean legal(Piece p, int span, int photoSpan, Rank rank) {
        if (p.furniture()) return true;
        int at = slot(span, photoSpan, rank);
        if (at < 0) return legal.computeIfAbsent(new Key(p, span, photoSpan, rank, 0), k -> legalNow(p, span, photoSpan, rank));
        int[] known = measured.computeIfAbsent(p, k -> new int[2 * slots()]);
        at += slots();
        if (known[at] == 0) known[at] = legalNow(p, span, photoSpan, rank) ? 2 : 1;
        return known[at] == 2;
    }

    private boolean legalNow(Piece p, int span, int photoSpan, Rank rank) {
        int b = bodySpan(p, span, rank);
        int[] occ = occupancy(p, b, Math.min(photoSpan, b), null, 0, 0);
        int end = balancedEnd(occ, rowCount(p, b));
        return legsHold(flow(p, occ, end, false), occ, end, rowCount(p, b));
    }

    /** Every column below its photos holds a leg of at least {@link #MIN_LEG} lines, or all the rows there are. */
    private static boolean legsHold(Flow f, int[] occ, int end, int rows) {
        int min = Math.min(MIN_LEG, rows);
        for (int c = 0; c < occ.length; c++) {
            if (f.used[c] == 0 && occ[c] >= end - 1) continue; // a photo's column to the foot
            // the blank line before a subhead takes a row but prints nothing: the reader sees the printed lines
            if (f.printed[c] < min) return false;
        }
        return true;
    }

    /**
     * Where the piece stops when its module is cut to {@code lines}: the story row its continuation
     * starts from, or -1 when it cannot be cut there (it fits whole, is a brief, or either part would
     * be too short to stand).
     */
    int cutAt(Piece p, int span, int photoSpan, Rank rank, int lines) {
        if (p.furniture() || p.brief()) return -1;
        Key k = new Key(p, span, photoSpan, rank, lines);
        Integer n = cuts.get(k);
        if (n == null) {
            n = -1;
            int b = bodySpan(p, span, rank);
            int[] occ = occupancy(p, b, Math.min(photoSpan, b), null, 0, 0);
            int end = lines - headLines(p, span, rank) - GAP;
            // a vertical headline stands whole beside the first part
            if (headLength(p, span, rank) > end) end = -1;
            int photos = 0;
            for (int o : occ) photos = Math.max(photos, o);
            // photos and their captions stay whole inside the first part
            Flow f = end > photos ? flow(p, occ, end, true) : null;
            if (f != null && f.jumpColumn >= 0 && f.next < rowCount(p, b) && legsHold(f, occ, end, rowCount(p, b))) {
                int placed = f.next - (p.continuation() ? 1 : 0);
                int left = rowCount(p, b) - f.next;
                // the continuation resumes at the first row not placed, by its character: its own module may
                // have another measure
                if (placed >= MIN_FIRST_PART && left >= MIN_CONTINUATION) n = rows(p, b).get(placed).start();
            }
            cuts.put(k, n);
        }
        return n;
    }

    /**
     * The body columns' shortfall at the module's foot when the whole piece is set in {@code lines}:
     * for each column, the empty lines below its last row. The page foot allows three.
     */
    int[] shortfall(Piece p, int span, int photoSpan, Rank rank, int lines, int headAir) {
        // looked up before it is made: computeIfAbsent's lambda, capturing four values, was made at every call
        Key key = new Key(p, span, photoSpan, rank, 0);
        int[] bottoms = feet.get(key);
        if (bottoms == null) {
            int b = bodySpan(p, span, rank);
            int[] occ = occupancy(p, b, Math.min(photoSpan, b), null, 0, 0);
            Flow f = flow(p, occ, balancedEnd(occ, rowCount(p, b)), false);
            bottoms = new int[span];
            for (int c = 0; c < b; c++) bottoms[c] = occ[c] + f.used[c];
            feet.put(key, bottoms);
        }
        int end = lines - headLines(p, span, rank) - headAir;
        int b = bodySpan(p, span, rank);
        int[] out = new int[span];
        for (int c = 0; c < b; c++) out[c] = end - bottoms[c];
        // a vertical headline's columns end where the headline does, measured from the module's top
        for (int c = b; c < span; c++) out[c] = lines - headLength(p, span, rank);
        return out;
    }

    /**
     * Sets the module for a slot. {@code jumpTo} is the page of the continuation (for 下转), and
     * {@code jumpFrom} the page of the part before (for 上接).
     */
    Module build(Slot s, int jumpTo, int jumpFrom) {
        Piece p = s.piece();
        List<PlacedLine> text = new ArrayList<>();
        List<PlacedPhoto> photos = new ArrayList<>();
        float left = grid.columnX(s.column());
        BoxedColumns cols = columns(p, s.span());
        int span = bodySpan(p, s.span(), s.rank());
        int headGridLines;
        if (span < s.span()) {
            // 竖排标题: the headline's columns at the right edge, centred across them, from half a line down
            Story.VerticalHead vh = verticalHead(p, s.span(), s.rank());
            // centred in its columns less the module's inset at the right (the space between stories)
            float headLeft = grid.columnX(s.column() + span)
                    + (grid.spanWidth(s.span() - span) - (boxed(p) ? 0 : grid.storyInset()) - vh.width()) / 2;
            float headTop = grid.lineTop(s.line() + boxTop(p)) + grid.pitch() / 2;
            for (PlacedLine l : vh.lines()) text.add(shift(l, headLeft, headTop));
            headGridLines = boxTop(p);
        } else {
            Story.Headline head = head(p, s.span(), s.rank());
            float headShift = grid.lineTop(s.line() + boxTop(p)) + s.headAir() * grid.pitch() / 2;
            for (PlacedLine l : head.lines()) text.add(shift(l, left + cols.side(), headShift));
            headGridLines = head.gridLines() + boxTop(p);
        }
        int bodyTop = s.line() + headGridLines + s.headAir();
        // the body's columns: beside a vertical headline fewer than the module's, at their own measure
        BoxedColumns body = boxed(p) ? cols : columns(p, span);

        int[] occ = occupancy(p, span, Math.min(s.photoSpan(), span), photos, s.column(), bodyTop);
        for (PlacedPhoto ph : photos) text.addAll(captionLines(p.story(), ph));
        int quoteAt = quoteColumn(p, span, Math.min(s.photoSpan(), span));
        if (quoteAt >= 0) {
            int top = bodyTop + occ[quoteAt] - quoteBlockLines(p, span);
            text.addAll(quoteLines(inlineQuote(p, span), left + body.columnX(quoteAt), top, quoteBlockLines(p, span)));
        }

        boolean cut = s.cut();
        int end = cut ? s.lines() - headGridLines - GAP : balancedEnd(occ, rowCount(p, span));
        Flow f = flow(p, occ, end, cut, true);
        TextStyle jump = styles.get("jump");
        for (int c = 0; c < span; c++) {
            int y = bodyTop + occ[c];
            for (int i = 0; i < f.rows[c].length; i++) {
                int v = f.rows[c][i];
                if (v < 0) continue;
                float x = left + body.columnX(c);
                if (p.continuation() && v == 0) {
                    SetLine l = Typesetter.set(rules.words().jumpFrom(jumpFrom), jump, body.columnWidth()).lines().getFirst();
                    text.add(new PlacedLine(l, x, baselineOf(y + i, jump), LineKind.JUMP_FROM, "jump", jump.color(), 0, false));
                    continue;
                }
                Story.Row row = rows(p, span).get(v - (p.continuation() ? 1 : 0));
                TextStyle st = styles.get(row.cssClass());
                text.add(new PlacedLine(row.line(), x, baselineOf(y + i, st), row.kind(), row.cssClass(), st.color(),
                        row.part(), row.kind() == LineKind.BODY));
            }
        }
        if (cut) {
            TextStyle right = jump.withAlign(TextStyle.Align.RIGHT).withIndent(0);
            SetLine l = Typesetter.set(rules.words().jumpTo(jumpTo), right, body.columnWidth()).lines().getFirst();
            text.add(new PlacedLine(l, left + body.columnX(f.jumpColumn), baselineOf(bodyTop + end - 1, right),
                    LineKind.JUMP_TO, "jump", right.color(), 0, false));
        }
        return new Module(p.slug(), p.story().article().title(), kind(p, s.rank()), s.column(), s.span(), s.line(),
                s.lines(), text, photos, box(p, s, bodyTop + foot(occ, f)));
    }

    /** The line below the lowest column of body text or photo, from the body top. */
    private static int foot(int[] occ, Flow f) {
        int foot = 0;
        for (int c = 0; c < occ.length; c++) foot = Math.max(foot, occ[c] + f.used[c]);
        return foot;
    }

    /**
     * The box of a boxed module: its rule through the middle of the module's first grid line (which the box
     * takes above the headline) and of the line below its text (at the most, the empty line every module keeps),
     * at its columns' outer edges.
     */
    private java.util.Optional<PlacedBox> box(Piece p, Slot s, int textFoot) {
        if (!boxed(p)) return java.util.Optional.empty();
        // a module given more lines than its text takes leaves the white below the box, not inside it
        int last = Math.min(textFoot, s.bottom() - GAP);
        return java.util.Optional.of(new PlacedBox(p.story().box().get().cssClass(), grid.columnX(s.column()),
                grid.lineTop(s.line()) + grid.pitch() / 2, grid.spanWidth(s.span()), (last - s.line()) * grid.pitch()));
    }

    /** A pull quote's lines, set across the span less a character's inset each side. */
    private List<SetLine> quoteLines(Piece p, int span) {
        return p.story().quote(grid.spanWidth(span) - grid.bodySize() * 2);
    }

    private float quoteHeight(Piece p, int span) {
        return quoteLines(p, span).size() * styles.get("quote").pitch();
    }

    /** A pull quote's module: the sentence set large, a line of air above it, centred in what is left. */
    Module quote(Slot s) {
        Piece p = s.piece();
        List<SetLine> lines = quoteLines(p, s.span());
        List<PlacedLine> text = quoteLines(lines, grid.columnX(s.column()), s.line(), s.lines());
        return new Module(p.slug(), p.story().article().title(), ModuleKind.QUOTE, s.column(), s.span(), s.line(),
                s.lines(), text, List.of());
    }

    /**
     * A pull quote's lines in {@code lines} grid lines from {@code line} at {@code x}: a line of air above
     * (for the layout's ornament), the sentence centred in what is left above the last line, which stays
     * empty (a module's gap, or the rule below a quote inside a story), inset a character each side.
     */
    private List<PlacedLine> quoteLines(List<SetLine> lines, float x, int line, int gridLines) {
        TextStyle st = styles.get("quote");
        float room = (gridLines - 1 - GAP) * grid.pitch();
        float y = grid.lineTop(line + 1) + Math.max(0, (room - lines.size() * st.pitch()) / 2);
        List<PlacedLine> text = new ArrayList<>();
        for (SetLine l : lines) {
            text.add(new PlacedLine(l, x + grid.bodySize(), y + (st.pitch() - st.size()) / 2 + Story.emTop(st) * st.size(),
                    LineKind.QUOTE, "quote", st.color(), 0, false));
            y += st.pitch();
        }
        return text;
    }

    /**
     * A filler's module: its picture in the module's columns, above the line of air every module keeps,
     * centred and as large as it fits without changing its proportions.
     */
    Module filler(Slot s) {
        paiban.model.Filler f = s.piece().filler();
        float w = grid.spanWidth(s.span());
        float h = (s.lines() - GAP) * grid.pitch();
        double aspect = f.picture().aspect();
        float pw = (float) Math.min(w, h / aspect);
        float ph = (float) (pw * aspect);
        float x = grid.columnX(s.column()) + (w - pw) / 2;
        float y = grid.lineTop(s.line()) + (h - ph) / 2;
        return new Module("", f.name(), ModuleKind.FILLER, s.column(), s.span(), s.line(), s.lines(), List.of(),
                List.of(new PlacedPhoto(f.picture(), x, y, pw, ph)));
    }

    /**
     * Photos go side by side across the top of the body, each {@code photoSpan} columns wide (an upright
     * one a column less, the last one in a row what is left): at the top right in an L-shaped module, else
     * at the top left. Gives each column's first free line.
     */
    private int[] occupancy(Piece p, int span, int photoSpan, List<PlacedPhoto> out, int column, int bodyTop) {
        int[] occ = photoRows(p, span, photoSpan, out, column, bodyTop, lShaped(p, span, photoSpan));
        int at = quoteColumn(p, span, photoSpan);
        return at >= 0 ? withQuote(p, span, occ, at) : occ;
    }

    /**
     * Whether the story's pull quote (引语) stands inside its module, whose body is {@code span} columns: it
     * does wherever the body has a column beside the quote's and every leg of body text still holds
     * {@link #MIN_LEG} lines with the quote in place. The quote is the editor's, so it goes with its story
     * wherever the story's module has room for it, not only where a page happens to be short of copy.
     */
    boolean quoteInside(Piece p, int span, int photoSpan, Rank rank) {
        // as build places it: in the body's columns, the module's less a vertical headline's
        int body = bodySpan(p, span, rank);
        return quoteColumn(p, body, Math.min(photoSpan, body)) >= 0;
    }

    /**
     * The body column where a pull quote inside the module starts, or -1 for none: the rightmost place, under
     * whatever stands at the top of its columns (the photos of an L-shaped module), where the body's legs
     * still hold, so the body opens at the top left and runs on beside and under it.
     */
    private int quoteColumn(Piece p, int span, int photoSpan) {
        if (p.furniture() || p.continuation() || p.brief() || p.story().article().quote().isEmpty()) return -1;
        if (span < 2) return -1;
        return quoteColumns.computeIfAbsent(new Key(p, span, photoSpan, null, 0), k -> {
            int[] photos = photoRows(p, span, photoSpan, null, 0, 0, lShaped(p, span, photoSpan));
            for (int at = span - quoteSpan(span); at > 0; at--) {
                // the quote's columns must be free to the same line, or white would stand above it in one
                boolean even = true;
                for (int c = at + 1; c < at + quoteSpan(span); c++) even &= photos[c] == photos[at];
                if (!even) continue;
                int[] occ = withQuote(p, span, photos, at);
                int end = balancedEnd(occ, rowCount(p, span));
                if (legsHold(flow(p, occ, end, false), occ, end, rowCount(p, span))) return at;
            }
            return -1;
        });
    }

    private final Map<Key, Integer> quoteColumns = new HashMap<>();

    /**
     * Body columns a pull quote inside its story's module takes: as many as a photo of the layout's
     * preferred width, but never the whole body.
     */
    private int quoteSpan(int span) {
        return Math.max(1, Math.min(span - 1, grid.columnsFor(rules.photos().preferredWidth())));
    }

    /**
     * Grid lines a pull quote inside a module takes: a line for its rule and ornament above the sentence,
     * the sentence, and a line for its rule below.
     */
    private int quoteBlockLines(Piece p, int span) {
        return grid.linesFor(inlineQuote(p, span).size() * styles.get("quote").pitch()) + 2;
    }

    /** A pull quote inside its module, set across its columns less a character's inset each side. */
    private List<SetLine> inlineQuote(Piece p, int span) {
        return p.story().quote(columns(p, span).spanWidth(quoteSpan(span)) - grid.bodySize() * 2);
    }

    /** The occupancy with the pull quote in the columns from {@code at}, under what stands at their top. */
    private int[] withQuote(Piece p, int span, int[] occ, int at) {
        int qs = quoteSpan(span);
        int base = 0;
        for (int c = at; c < at + qs; c++) base = Math.max(base, occ[c]);
        int[] out = occ.clone();
        for (int c = at; c < at + qs; c++) out[c] = base + quoteBlockLines(p, span);
        return out;
    }

    /**
     * Whether some module of the story could carry its pull quote inside it: if none can (a brief, a story
     * too short for a leg of body text beside the quote), the quote waits as furniture for a page short of
     * copy.
     */
    boolean quoteCanStandInside(Piece p) {
        for (int span = 2; span <= grid.columns(); span++) {
            for (int ps : photoSpans(p, span)) if (quoteInside(p, span, ps, Rank.OTHER)) return true;
        }
        return false;
    }

    /**
     * Whether the module of a piece with photos is L-shaped: the headline across the whole module, the photos
     * at the top right of the body, and the body opening at the top left, beside them, running on down its
     * columns and ending under them, so the body's region is an L. It is taken wherever some column is free
     * of photos and every leg of the L holds {@link #MIN_LEG} lines; otherwise the photos stand at the top left
     * and the body opens under them (the page filler counts that, {@link Costs#openUnderPhoto()}).
     */
    boolean lShaped(Piece p, int span, int photoSpan) {
        if (photoSpan == 0 || p.furniture() || p.continuation()) return false;
        return lShapes.computeIfAbsent(new Key(p, span, photoSpan, null, 0), k -> {
            int[] occ = photoRows(p, span, photoSpan, null, 0, 0, true);
            if (occ[0] > 0) return false; // photos across every column: a rectangle, no L
            int end = balancedEnd(occ, rowCount(p, span));
            return legsHold(flow(p, occ, end, false), occ, end, rowCount(p, span));
        });
    }

    /**
     * Photos side by side across the top of the body; with {@code right}, mirrored so that the row starts
     * at the body's right edge. Gives each column's first free line.
     */
    private int[] photoRows(Piece p, int span, int photoSpan, List<PlacedPhoto> out, int column, int bodyTop,
                            boolean right) {
        int[] occ = new int[span];
        if (photoSpan == 0 || p.index() || p.continuation()) return occ;
        int c = 0;
        for (Photo ph : p.story().article().photos()) {
            // an upright photo takes a column less than a broad one, or it would tower over the text
            int ps = ph.aspect() > 1 ? Math.max(1, photoSpan - 1) : photoSpan;
            // photos stand in a row: one that does not fit beside the last takes the columns left,
            // and only when none are left does it start a new row at the left
            if (c + ps > span) {
                if (c < span) ps = span - c;
                else c = 0;
            }
            int base = 0;
            for (int k = c; k < c + ps; k++) base = Math.max(base, occ[k]);
            BoxedColumns cols = columns(p, span);
            Story.PhotoBlock block = p.story().photo(ph, cols.spanWidth(ps));
            for (int k = c; k < c + ps; k++) occ[k] = base + block.gridLines();
            if (out != null) {
                int at = right ? span - c - ps : c;
                out.add(new PlacedPhoto(ph, grid.columnX(column) + cols.columnX(at), grid.lineTop(bodyTop + base),
                        block.width(), block.imageHeight()));
            }
            c += ps;
        }
        if (right) {
            for (int i = 0, j = span - 1; i < j; i++, j--) {
                int t = occ[i];
                occ[i] = occ[j];
                occ[j] = t;
            }
        }
        return occ;
    }

    private List<PlacedLine> captionLines(Story story, PlacedPhoto p) {
        Story.PhotoBlock block = story.photo(p.photo(), p.width());
        List<PlacedLine> out = new ArrayList<>();
        int line = Math.round(p.y() / grid.pitch()) + block.imageLines();
        int part = story.article().photos().indexOf(p.photo()) + 1;
        TextStyle cap = styles.get("caption");
        TextStyle cred = styles.get("credit");
        for (SetLine l : block.caption()) {
            out.add(new PlacedLine(l, p.x(), baselineOf(line++, cap), LineKind.CAPTION, "caption", cap.color(), part, false));
        }
        for (SetLine l : block.credit()) {
            out.add(new PlacedLine(l, p.x(), baselineOf(line++, cred), LineKind.CREDIT, "credit", cred.color(), part, false));
        }
        return out;
    }

    private float baselineOf(int line, TextStyle st) {
        return grid.lineTop(line) + (grid.pitch() - st.size()) / 2 + Story.emTop(st) * st.size();
    }

    /**
     * Body rows laid into columns. {@code rows[c][i]} is the piece's row (0 = its first, counting the
     * 上接 line) on line i of column c, or -1 for an empty line (null unless the flow is for placing);
     * {@code used[c]} the lines column c takes, {@code printed[c]} those of them that print (a blank row before a
     * subhead takes a line and prints nothing); {@code next} is the first row not placed.
     */
    private record Flow(int[][] rows, int[] used, int[] printed, int next, int jumpColumn, int skipped) {
    }

    /**
     * Flows the piece's rows into columns whose feet are at {@code end} lines below the body top.
     * Balanced (not cut): the rightmost columns give up a line each until the rows just fill them, so
     * that the feet differ by at most one line. Cut: every column is full and the last one keeps its
     * foot line for 下转. A blank row (the space before a subhead) never opens a column.
     */
    private Flow flow(Piece p, int[] occ, int end, boolean cut) {
        return flow(p, occ, end, cut, false);
    }

    /**
     * As {@link #flow(Piece, int[], int, boolean)}; {@code placing}: with the rows of each column
     * ({@link Flow#rows}), which only setting the module reads. The checks of the page filler's search (legs,
     * cuts, feet) need the counts alone, and the rows' arrays were a tenth of its allocation.
     */
    private Flow flow(Piece p, int[] occ, int end, boolean cut, boolean placing) {
        if (cut) return flow(p, occ, end, true, 0, true, placing);
        // a blank row skipped at a column's head frees a line, which can leave the last column two lines
        // short: then give up one more line, taken from the right or the left, whichever keeps them even
        Flow f = flow(p, occ, end, false, 0, true, placing);
        if (f.skipped == 0 || even(f, occ)) return f;
        for (boolean right : new boolean[] {true, false}) {
            for (int giveUp = 0; giveUp <= f.skipped; giveUp++) {
                Flow g = flow(p, occ, end, false, giveUp, right, placing);
                if (g.next == rowCount(p, occ.length) && even(g, occ)) return g;
            }
        }
        return f;
    }

    /** The feet of the columns that hold rows differ by at most one line. */
    private static boolean even(Flow f, int[] occ) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int c = 0; c < occ.length; c++) {
            if (f.used[c] == 0) continue;
            min = Math.min(min, occ[c] + f.used[c]);
            max = Math.max(max, occ[c] + f.used[c]);
        }
        return max - min <= 1;
    }

    private Flow flow(Piece p, int[] occ, int end, boolean cut, int giveUp, boolean fromRight, boolean placing) {
        int span = occ.length;
        int n = rowCount(p, span);
        List<Story.Row> body = rows(p, span);
        int[] caps = new int[span];
        int total = 0;
        for (int c = 0; c < span; c++) {
            caps[c] = Math.max(0, end - occ[c]);
            total += caps[c];
        }
        int jumpColumn = -1;
        if (cut) {
            for (int c = span - 1; c >= 0 && jumpColumn < 0; c--) {
                if (caps[c] > 0) jumpColumn = c;
            }
            if (jumpColumn < 0) return new Flow(placing ? new int[span][0] : null, new int[span], new int[span], 0, -1, 0);
            caps[jumpColumn]--;
        } else {
            int spare = total - n + giveUp;
            for (int k = 0; spare > 0 && k < 4 * span; k++) {
                int c = fromRight ? span - 1 - k % span : k % span;
                if (caps[c] > 0) {
                    caps[c]--;
                    spare--;
                }
            }
        }
        int[][] rows = placing ? new int[span][] : null;
        int[] used = new int[span];
        int[] printed = new int[span];
        int v = 0;
        int skipped = 0;
        for (int c = 0; c < span; c++) {
            if (placing) {
                rows[c] = new int[caps[c]];
                java.util.Arrays.fill(rows[c], -1);
            }
            while (used[c] < caps[c] && v < n) {
                boolean blank = !(p.continuation() && v == 0)
                        && body.get(v - (p.continuation() ? 1 : 0)).blank();
                if (blank && used[c] == 0) {
                    v++;
                    skipped++;
                    continue;
                }
                if (!blank) {
                    if (placing) rows[c][used[c]] = v;
                    printed[c]++;
                }
                used[c]++;
                v++;
            }
        }
        return new Flow(rows, used, printed, v, jumpColumn, skipped);
    }

    /**
     * The smallest column foot E (in lines below the body top) such that the columns, each starting
     * below its photos, hold {@code rows} rows with their feet at E or E − 1.
     */
    static int balancedEnd(int[] occ, int rows) {
        int e = 0;
        for (int o : occ) e = Math.max(e, o);
        while (true) {
            int cap = 0;
            for (int o : occ) cap += Math.max(0, e - o);
            if (cap >= rows) return e;
            e++;
        }
    }

    private static PlacedLine shift(PlacedLine l, float dx, float dy) {
        return new PlacedLine(l.line(), l.x() + dx, l.baseline() + dy, l.kind(), l.cssClass(), l.color(), l.part(),
                l.onGrid());
    }
}
