package paiban.check;

import paiban.core.Unicode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proofreads the Chinese line setting of any PDF from its positioned glyphs alone: finds the body
 * text, its columns, lines, paragraphs and baseline grid, and marks what clreq forbids. The
 * heuristics are described in this package's {@code package-info}.
 */
public final class Proofreader {

    /** How far (in em of the body size) a line may miss a column edge and still count as flush. */
    static final float EDGE = 0.1f;
    /** A gap on one baseline wider than this (em) is a gutter: inter-character gaps never reach it. */
    static final float GAP = 0.5f;
    /**
     * Full lines narrower than this (em) found no column: the pieces of two very loose lines, one
     * character each, can stand over each other by chance. No newspaper sets a column this narrow.
     */
    static final float MIN_MEASURE = 4f;

    private Proofreader() {
    }

    /** Reads and checks a PDF; {@code pitch} is the line pitch in points, or null to infer it. */
    public static Report check(Path pdf, Float pitch) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            GlyphReader.Glyphs glyphs = GlyphReader.read(doc);
            return check(pdf.getFileName().toString(), glyphs.pages(), pitch).withOffPage(glyphs.offPage());
        } catch (IOException e) {
            throw new PaibanException(pdf + ": not a readable PDF (" + e.getMessage() + ")");
        }
    }

    static Report check(String name, List<List<PrintedGlyph>> pages, Float givenPitch) {
        List<Finding> findings = new ArrayList<>(missingGlyphs(pages));
        Map<Float, Integer> sizes = new HashMap<>();
        for (List<PrintedGlyph> page : pages) {
            for (PrintedGlyph g : page) if (!g.blank()) sizes.merge(Math.round(g.size() * 10) / 10f, 1, Integer::sum);
        }
        if (sizes.isEmpty()) return new Report(name, pages.size(), 0, "-", 0, 0, 0, 0, 0, 0, findings, 0);
        float size = mode(sizes);
        Map<String, Integer> families = new HashMap<>();
        Map<String, Integer> fonts = new HashMap<>();
        for (List<PrintedGlyph> page : pages) {
            for (PrintedGlyph g : page) {
                if (g.blank() || Math.abs(g.size() - size) >= 0.05f) continue;
                families.merge(g.family(), 1, Integer::sum);
                fonts.merge(g.font(), 1, Integer::sum);
            }
        }
        String family = mode(families);
        String font = mode(fonts);

        List<PageLayout> layouts = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) layouts.add(new PageLayout(p + 1, pages.get(p), family, size));
        float pitch = givenPitch != null ? givenPitch : inferPitch(layouts, size);

        int bodyLines = 0;
        int onGrid = 0;
        int columns = 0;
        int ends = 0;
        for (PageLayout page : layouts) {
            columns += page.columns.size();
            page.link(pitch);
            for (PrintedLine l : page.bodyLines()) {
                bodyLines++;
                if (l.endsParagraph) ends++;
            }
            onGrid += page.grid(pitch, findings);
            page.proofread(findings);
        }
        int vertical = 0;
        for (int p = 0; p < pages.size(); p++) vertical += verticalLines(p + 1, pages.get(p), findings);
        findings.sort(Comparator.comparingInt(Finding::page).thenComparingInt(Finding::column)
                .thenComparingDouble(Finding::baseline));
        return new Report(name, pages.size(), size, font, pitch, columns, bodyLines, ends, onGrid, 0, findings, vertical);
    }

    /** One finding per character and font that cannot print. */
    private static List<Finding> missingGlyphs(List<List<PrintedGlyph>> pages) {
        Map<String, Finding> seen = new LinkedHashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            for (PrintedGlyph g : pages.get(p)) {
                if (g.missing() == null) continue;
                String key = g.font() + "/" + g.text();
                seen.putIfAbsent(key, new Finding(Finding.Kind.MISSING_GLYPH, p + 1, 0, g.baseline(), g.text(),
                        "'" + g.text() + "' (" + Unicode.notation(g.codePoint()) + "): " + g.missing()));
            }
        }
        return new ArrayList<>(seen.values());
    }

    /**
     * The mean of the distances between neighbouring lines of a column that lie within 0.1 em of the
     * most common one. A renderer that rounds baselines to its pixels (Chromium: 0.75 pt) sets a 12.6 pt
     * pitch as steps of 12.75 and 12.0 pt: their mean is the pitch.
     */
    private static float inferPitch(List<PageLayout> layouts, float size) {
        Map<Float, Integer> bins = new HashMap<>();
        List<Float> diffs = new ArrayList<>();
        for (PageLayout page : layouts) {
            for (Column c : page.columns) {
                List<PrintedLine> lines = c.bodyLines();
                for (int i = 1; i < lines.size(); i++) {
                    float d = lines.get(i).baseline - lines.get(i - 1).baseline;
                    if (d < 0.9f * size || d > 3f * size) continue;
                    diffs.add(d);
                    bins.merge(Math.round(d * 100) / 100f, 1, Integer::sum);
                }
            }
        }
        if (bins.isEmpty()) return 1.5f * size;
        float mode = mode(bins);
        double sum = 0;
        int n = 0;
        for (float d : diffs) {
            if (Math.abs(d - mode) <= 0.1f * size) {
                sum += d;
                n++;
            }
        }
        return (float) (sum / n);
    }

    static <K> K mode(Map<K, Integer> counts) {
        K best = null;
        int n = -1;
        for (var e : counts.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    // ---- one column ---------------------------------------------------------------------------

    /**
     * A column: body lines on consecutive baselines, one pitch apart, that keep within one pair of edges
     * (each line flush left or indented, and flush right unless it ends its paragraph). Columns are found
     * per module, so that modules of different measures on one page never fall into one column.
     */
    static final class Column {
        int index;
        final List<PrintedLine> lines = new ArrayList<>();
        float left;
        float right;
        /** Short lines after a break in a column (a subhead, a blank line), judged by the column's edges. */
        boolean borrowed;
        /** Grown from one line, with no full lines to show its edges: they are its lines' extremes. */
        boolean seeded;
        /** The columns it shares a baseline grid with: side by side in one module, or set above and below. */
        Column module = this;

        Column(List<PrintedLine> lines) {
            this.lines.addAll(lines);
            this.lines.sort(Comparator.comparingDouble(l -> l.baseline));
        }

        List<PrintedLine> bodyLines() {
            return lines;
        }

        float top() {
            return lines.getFirst().baseline;
        }

        float foot() {
            return lines.getLast().baseline;
        }

        Column module() {
            Column m = this;
            while (m.module != m) m = m.module;
            return m;
        }

        /** The distance between its neighbouring lines most of them keep. */
        float pitch(float fallback) {
            if (lines.size() < 2) return fallback;
            float[] d = new float[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) d[i - 1] = lines.get(i).baseline - lines.get(i - 1).baseline;
            java.util.Arrays.sort(d);
            return d[d.length / 2];
        }

        /**
         * The edges most lines agree on: the left of flush lines, the right of full ones. An indent is
         * never the edge: a left edge 2 em further left wins if any line sits there.
         */
        void findEdges(float em) {
            Map<Float, Integer> lefts = new HashMap<>();
            Map<Float, Integer> rights = new HashMap<>();
            float minLeft = Float.MAX_VALUE;
            float maxRight = -Float.MAX_VALUE;
            for (PrintedLine l : lines) {
                lefts.merge(Math.round(l.left() * 10) / 10f, 1, Integer::sum);
                for (float r : l.rights()) rights.merge(Math.round(r * 10) / 10f, 1, Integer::sum);
                minLeft = Math.min(minLeft, l.left());
                maxRight = Math.max(maxRight, l.rightHalf());
            }
            if (lines.size() < 3) {
                left = minLeft;
                right = maxRight;
                return;
            }
            left = mode(lefts);
            right = mode(rights);
            for (var e : lefts.entrySet()) if (e.getKey() < left - em) left = Math.min(left, e.getKey());
        }

        /**
         * Whether {@code d} stands beside this column in one module: they start on one line (balanced
         * columns, the last one shorter) or end on one line (a photo or a head set over one of them), give
         * or take a line. Two modules side by side are not one unless they are cut to the same height.
         */
        boolean besides(Column d, float em) {
            float line = 1.2f * Math.max(pitch(1.4f * em), d.pitch(1.4f * em));
            float overlap = Math.min(foot(), d.foot()) - Math.max(top(), d.top());
            return overlap >= 0 && (Math.abs(top() - d.top()) <= line || Math.abs(foot() - d.foot()) <= line);
        }

        /** Whether {@code l} keeps within this column's edges: flush left or indented, or flush right. */
        boolean fits(PrintedLine l, float em) {
            float tol = EDGE * em;
            if (seeded) {
                // the seed may be an indented first line, or the short line after one
                boolean shares = near(l.left(), left, tol) || near(l.left(), left - 2 * em, tol)
                        || near(l.left(), left + 2 * em, tol) || flushRight(l, em);
                return shares && Math.min(l.rightHalf(), right) - Math.max(l.left(), left) > 0;
            }
            if (l.left() < left - tol - l.halfStart() || l.rightKept() > right + tol) return false;
            return flushLeft(l, em) || indented(l, em) || flushRight(l, em);
        }

        boolean flushLeft(PrintedLine l, float em) {
            float tol = EDGE * em;
            return near(l.left(), left, tol) || near(l.left() + l.halfStart(), left, tol);
        }

        boolean indented(PrintedLine l, float em) {
            float tol = EDGE * em;
            return near(l.left(), left + 2 * em, tol) || near(l.left() + l.halfStart(), left + 2 * em, tol);
        }

        boolean flushRight(PrintedLine l, float em) {
            for (float r : l.rights()) if (near(r, right, EDGE * em)) return true;
            return false;
        }

        /**
         * A line set apart, not in the flow of a paragraph: right-aligned (a source) or centred, starting
         * further in than an indent. A full line that merely starts off the edge is ragged, not set apart.
         */
        boolean setApart(PrintedLine l, float em) {
            float tol = EDGE * em;
            if (flushLeft(l, em) || indented(l, em) || l.left() - left <= 2 * em + tol) return false;
            return flushRight(l, em) || near(l.left() - left, right - l.rightHalf(), 2 * tol);
        }
    }

    // ---- one page -----------------------------------------------------------------------------

    /** Text this many times the body size or more above a column's first line is a head (a4's jump head: 12 pt over 10.5). */
    static final float HEAD = 1.1f;

    static final class PageLayout {
        final int page;
        final List<PrintedGlyph> glyphs;
        final float em;
        final List<Column> columns = new ArrayList<>();

        PageLayout(int page, List<PrintedGlyph> glyphs, String family, float size) {
            this.page = page;
            this.glyphs = glyphs;
            this.em = size;
            List<PrintedLine> body = new ArrayList<>();
            List<PrintedLine> all = pieces(page, glyphs, family, size);
            for (PrintedLine l : all) if (l.body) body.add(l);
            findColumns(body, all);
        }

        /**
         * The lines of a page: glyphs of the body size on one baseline, split where a gap wider than
         * {@link #GAP} em opens (a gutter). A squeezed closing mark counts only to its half, so that it does
         * not bridge the gutter; a word space does bridge its gap. A loose line split here is joined again
         * once its column is known ({@link #rejoin}).
         */
        static List<PrintedLine> pieces(int page, List<PrintedGlyph> glyphs, String family, float size) {
            List<PrintedGlyph> sized = new ArrayList<>();
            // a glyph turned sideways belongs to a vertical line, read by VerticalLines
            for (PrintedGlyph g : glyphs) if (Math.abs(g.size() - size) < 0.05f && !g.sideways()) sized.add(g);
            sized.sort(Comparator.comparingDouble(PrintedGlyph::baseline));
            List<PrintedLine> out = new ArrayList<>();
            List<PrintedGlyph> row = new ArrayList<>();
            for (PrintedGlyph g : sized) {
                if (!row.isEmpty() && g.baseline() - row.getFirst().baseline() > 0.2f * size) {
                    splitRow(page, row, family, size, out);
                    row = new ArrayList<>();
                }
                row.add(g);
            }
            if (!row.isEmpty()) splitRow(page, row, family, size, out);
            return out;
        }

        private static void splitRow(int page, List<PrintedGlyph> row, String family, float size, List<PrintedLine> out) {
            row.sort(Comparator.comparingDouble(PrintedGlyph::x));
            List<PrintedGlyph> piece = new ArrayList<>();
            float end = -Float.MAX_VALUE;
            float gap = GAP;
            for (PrintedGlyph g : row) {
                if (!piece.isEmpty() && g.x() - end > gap * size && !g.blank()) {
                    add(page, piece, family, size, out);
                    piece = new ArrayList<>();
                    end = -Float.MAX_VALUE;
                }
                piece.add(g);
                // a squeezed closing mark's box ends at its half; a gutter after it must be wider than
                // the half it gave up, so that a plain stop inside a line never passes for one
                boolean squeezed = g.halfWidthAtEnd();
                float e = squeezed ? g.x() + g.advance() / 2 : g.right();
                if (e >= end) {
                    end = e;
                    gap = squeezed ? GAP + 0.25f : GAP;
                }
            }
            add(page, piece, family, size, out);
        }

        private static void add(int page, List<PrintedGlyph> piece, String family, float size, List<PrintedLine> out) {
            PrintedLine l = new PrintedLine(page, 0, piece, family, size);
            if (!l.glyphs.isEmpty()) out.add(l);
        }

        /**
         * Columns, per module. (1) Body lines on neighbouring baselines that share both edges are one
         * column's full lines. (2) Each such column grows up and down, a pitch at a time, by the lines of
         * the body size that keep within its edges (an indented first line, a short last line, a
         * right-aligned source, a first line that opens with a dateline in another face) and by columns
         * with the same edges that follow on the next baseline. (3) Body lines left over join into columns
         * by their neighbours: with the edges of the column of the module they keep to, above or below
         * (after a subhead), or else with the widest line's.
         */
        private void findColumns(List<PrintedLine> body, List<PrintedLine> all) {
            all.sort(Comparator.comparingDouble((PrintedLine l) -> l.baseline).thenComparingDouble(PrintedLine::left));
            body.sort(Comparator.comparingDouble((PrintedLine l) -> l.baseline).thenComparingDouble(PrintedLine::left));
            int n = body.size();
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) parent[i] = i;
            float tol = EDGE * em;
            for (int i = 0; i < n; i++) {
                PrintedLine a = body.get(i);
                PrintedLine b = below(body, i);
                if (b == null) continue;
                boolean left = near(a.left(), b.left(), tol);
                boolean right = false;
                for (float ra : a.rights()) for (float rb : b.rights()) right |= near(ra, rb, tol);
                boolean wide = a.rightHalf() - a.left() >= MIN_MEASURE * em && b.rightHalf() - b.left() >= MIN_MEASURE * em;
                if (left && right && wide) union(parent, i, body.indexOf(b));
            }
            Map<Integer, List<PrintedLine>> groups = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(body.get(i));
            Map<PrintedLine, Column> owner = new HashMap<>();
            List<Column> found = new ArrayList<>();
            for (List<PrintedLine> g : groups.values()) {
                if (g.size() < 2) continue;
                Column c = new Column(g);
                c.findEdges(em);
                found.add(c);
                for (PrintedLine l : g) owner.put(l, c);
            }
            found.sort(Comparator.comparingInt((Column c) -> -c.lines.size()));
            for (Column c : found) {
                if (c.lines.isEmpty()) continue;
                grow(c, all, owner);
            }
            found.removeIf(c -> c.lines.isEmpty());
            rejoin(found, all, body, owner);
            // (3) body lines left over: a column of their own, with the edges of the column they keep to
            // above or below (borrowed) or of their widest line (seeded)
            List<PrintedLine> rest = new ArrayList<>();
            for (PrintedLine l : body) if (!owner.containsKey(l)) rest.add(l);
            while (!rest.isEmpty()) {
                PrintedLine widest = rest.stream().max(Comparator.comparingDouble(l -> l.rightHalf() - l.left())).orElseThrow();
                Column c = new Column(List.of(widest));
                Column edges = neighbour(found, widest);
                c.left = edges != null ? edges.left : widest.left();
                c.right = edges != null ? edges.right : widest.rightHalf();
                c.seeded = edges == null;
                owner.put(widest, c);
                grow(c, all, owner);
                rest.removeIf(owner::containsKey);
                c.borrowed = edges != null;
                found.add(c);
            }
            found.removeIf(c -> c.lines.isEmpty()); // taken into a column grown from a left-over line
            rejoin(found, all, body, owner); // loose lines in the columns just grown
            for (Column c : found) {
                if (!c.borrowed) c.findEdges(em);
                for (PrintedLine l : c.lines) {
                    l.flushLeft = c.flushLeft(l, em);
                    l.indented = c.indented(l, em);
                    l.flushRight = c.flushRight(l, em);
                    // a line wholly in another face at the body size (a jump line, a credit) stands alone
                    l.setApart = c.setApart(l, em) || !l.hasBodyFace();
                }
            }
            modules(found);
            found.sort(Comparator.comparingDouble((Column c) -> c.module().top()).thenComparingDouble(c -> c.left)
                    .thenComparingDouble(Column::top));
            for (Column c : found) {
                c.index = columns.size() + 1;
                for (PrintedLine l : c.lines) l.column = c.index;
                columns.add(c);
            }
        }

        /**
         * A column whose edges a left-over line keeps to, above or below it within three pitches: the
         * same column of the module, after a break (a subhead, a blank line).
         */
        private Column neighbour(List<Column> found, PrintedLine l) {
            Column best = null;
            float dist = Float.MAX_VALUE;
            for (Column c : found) {
                if (c.seeded || c.borrowed || c.lines.isEmpty() || !c.fits(l, em)) continue;
                float d = l.baseline > c.foot() ? l.baseline - c.foot() : c.top() - l.baseline;
                if (d > 0 && d <= 3 * c.pitch(1.4f * em) + 0.5f * em && d < dist) {
                    best = c;
                    dist = d;
                }
            }
            return best;
        }

        /**
         * Pieces that lie within another column, on the baseline of one of its lines, are that line's other
         * part: a line loose enough to open a gutter-wide gap (a long word pushed to the next line). They
         * may be left over, or have made a narrow column of their own with the pieces below them.
         */
        private void rejoin(List<Column> found, List<PrintedLine> all, List<PrintedLine> body, Map<PrintedLine, Column> owner) {
            float tol = EDGE * em;
            for (PrintedLine p : new ArrayList<>(all)) {
                Column home = owner.get(p);
                for (Column c : found) {
                    if (c == home || c.lines.isEmpty()) continue;
                    if (p.left() < c.left - tol || p.rightKept() > c.right + tol) continue;
                    PrintedLine mate = null;
                    for (PrintedLine l : c.lines) if (Math.abs(l.baseline - p.baseline) <= 0.2f * em && overlap(l, p) < 0) mate = l;
                    if (mate == null) continue;
                    List<PrintedGlyph> gs = new ArrayList<>(mate.all);
                    gs.addAll(p.all);
                    gs.sort(Comparator.comparingDouble(PrintedGlyph::x));
                    PrintedLine joined = new PrintedLine(page, 0, gs, mate.bodyFamily, mate.bodySize);
                    c.lines.set(c.lines.indexOf(mate), joined);
                    if (home != null) home.lines.remove(p);
                    owner.remove(mate);
                    owner.put(joined, c);
                    owner.put(p, c);
                    // the lists hold pieces as read; a line joined while growing is in its column only
                    if (all.contains(mate)) all.set(all.indexOf(mate), joined);
                    if (body.contains(mate)) body.set(body.indexOf(mate), joined);
                    break;
                }
            }
            found.removeIf(c -> c.lines.isEmpty());
        }

        /** The nearest body line below {@code body.get(i)} that overlaps it by half the narrower one, or null. */
        private PrintedLine below(List<PrintedLine> body, int i) {
            PrintedLine a = body.get(i);
            PrintedLine best = null;
            for (int j = i + 1; j < body.size(); j++) {
                PrintedLine b = body.get(j);
                float dy = b.baseline - a.baseline;
                if (dy < 0.8f * em) continue;
                if (dy > 2.5f * em || best != null && dy > best.baseline - a.baseline + 0.2f * em) break;
                if (overlap(a, b) >= 0.5f * Math.min(a.rightHalf() - a.left(), b.rightHalf() - b.left())
                        && (best == null || overlap(a, b) > overlap(a, best))) {
                    best = b;
                }
            }
            return best;
        }

        private static float overlap(PrintedLine a, PrintedLine b) {
            return Math.min(a.rightHalf(), b.rightHalf()) - Math.max(a.left(), b.left());
        }

        /**
         * Takes in, above and below {@code c}, the lines a pitch away that keep within its edges, and the
         * columns with its edges that go on from there.
         */
        private void grow(Column c, List<PrintedLine> body, Map<PrintedLine, Column> owner) {
            boolean more = true;
            while (more) {
                more = false;
                float pitch = c.pitch(1.4f * em);
                float slack = Math.max(0.15f * em, 0.1f * pitch);
                for (PrintedLine l : body) {
                    float dyDown = l.baseline - c.foot();
                    float dyUp = c.top() - l.baseline;
                    boolean next = near(dyDown, pitch, slack) || c.lines.size() == 1 && dyDown > 0.8f * em && dyDown < 2.2f * em;
                    boolean prev = near(dyUp, pitch, slack) || c.lines.size() == 1 && dyUp > 0.8f * em && dyUp < 2.2f * em;
                    if (!next && !prev) continue;
                    Column o = owner.get(l);
                    if (o == c) continue;
                    if (o == null) {
                        // a loose line may have come apart at wide gaps: its pieces within the edges are one line
                        List<PrintedLine> parts = new ArrayList<>();
                        if (!c.seeded) {
                            for (PrintedLine p : body) {
                                if (owner.get(p) == null && Math.abs(p.baseline - l.baseline) <= 0.2f * em
                                        && p.left() >= c.left - EDGE * em - p.halfStart() && p.rightKept() <= c.right + EDGE * em) {
                                    parts.add(p);
                                }
                            }
                        }
                        PrintedLine line = parts.size() > 1 ? join(parts) : l;
                        if (!c.fits(line, em)) continue;
                        c.lines.add(line);
                        owner.put(line, c);
                        for (PrintedLine p : parts) owner.put(p, c);
                    } else {
                        // a column with these edges, or one within them whose lines all keep to them (a
                        // paragraph indented 2 em throughout, which shares both edges line by line)
                        boolean within = o.left >= c.left - EDGE * em && o.right <= c.right + EDGE * em
                                && o.lines.stream().allMatch(m -> c.fits(m, em));
                        if (!within) continue;
                        if (!(next && l == o.lines.getFirst() || prev && l == o.lines.getLast())) continue;
                        for (PrintedLine m : o.lines) owner.put(m, c);
                        c.lines.addAll(o.lines);
                        o.lines.clear();
                    }
                    c.lines.sort(Comparator.comparingDouble(x -> x.baseline));
                    if (c.seeded) {
                        c.left = Math.min(c.left, l.left());
                        c.right = Math.max(c.right, l.rightHalf());
                    }
                    more = true;
                    break;
                }
            }
        }

        /** Pieces of one baseline as one line. */
        private PrintedLine join(List<PrintedLine> parts) {
            List<PrintedGlyph> gs = new ArrayList<>();
            for (PrintedLine p : parts) gs.addAll(p.all);
            gs.sort(Comparator.comparingDouble(PrintedGlyph::x));
            PrintedLine first = parts.getFirst();
            return new PrintedLine(page, 0, gs, first.bodyFamily, first.bodySize);
        }

        /**
         * Gathers columns into modules, which share one baseline grid: side by side (the next column to the
         * right within 3 em, of the same measure, overlapping in height), or set one above the other with the
         * same edges, less than three pitches apart (a subhead between them).
         */
        private void modules(List<Column> cs) {
            for (Column a : cs) {
                for (Column b : cs) {
                    if (a == b) continue;
                    float width = a.right - a.left;
                    boolean beside = b.left > a.right && b.left - a.right < 3 * em
                            && near(b.right - b.left, width, EDGE * em) && a.besides(b, em);
                    boolean below = near(a.left, b.left, EDGE * em) && near(a.right, b.right, EDGE * em)
                            && b.top() > a.foot() && b.top() - a.foot() < 3 * a.pitch(1.4f * em) + 0.5f * em;
                    if (beside || below) {
                        Column ra = a.module();
                        Column rb = b.module();
                        if (ra != rb) rb.module = ra;
                    }
                }
            }
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private static void union(int[] parent, int a, int b) {
            parent[find(parent, a)] = find(parent, b);
        }

        List<PrintedLine> bodyLines() {
            List<PrintedLine> all = new ArrayList<>();
            for (Column c : columns) all.addAll(c.bodyLines());
            return all;
        }

        /** Links every line to the one read next, and marks where paragraphs end. */
        void link(float pitch) {
            for (int ci = 0; ci < columns.size(); ci++) {
                Column c = columns.get(ci);
                List<PrintedLine> run = c.lines;
                for (int i = 0; i < run.size(); i++) {
                    PrintedLine l = run.get(i);
                    l.next = i + 1 < run.size() ? run.get(i + 1) : continuation(c, pitch);
                    l.endsParagraph = l.next == null || l.next.indented || l.next.setApart || l.setApart;
                }
            }
        }

        /**
         * Where the text at the foot of a column goes on. Text set within the column right below it (a
         * subhead, a jump line) ends the paragraph; otherwise the reader goes to the next column of its
         * module, to the right, the one that starts highest.
         */
        private PrintedLine continuation(Column c, float pitch) {
            PrintedLine foot = c.lines.getLast();
            // the same column going on a line below, cut from this one by a line that does not keep to it
            // (an overfull line): the text reads on down
            for (Column d : columns) {
                if (d != c && near(d.left, c.left, EDGE * em) && near(d.top() - foot.baseline, pitch, 0.2f * pitch)) {
                    return d.lines.getFirst();
                }
            }
            PrintedGlyph below = null;
            for (PrintedGlyph g : glyphs) {
                if (g.blank()) continue;
                float mid = g.x() + g.advance() / 2;
                float dy = g.baseline() - foot.baseline;
                if (dy > 0.3f * em && dy <= 3 * pitch && mid >= c.left - 0.5f * em && mid <= c.right + 0.5f * em
                        && (below == null || g.baseline() < below.baseline())) {
                    below = g;
                }
            }
            if (below != null) {
                float lo = Float.MAX_VALUE;
                float hi = -Float.MAX_VALUE;
                for (PrintedGlyph g : glyphs) {
                    if (g.blank() || Math.abs(g.baseline() - below.baseline()) > 0.2f * g.size()) continue;
                    float mid = g.x() + g.advance() / 2;
                    if (mid < c.left - 1.5f * em || mid > c.right + 1.5f * em) continue;
                    lo = Math.min(lo, g.x());
                    hi = Math.max(hi, g.right());
                }
                // a line of its own within this column interrupts the text; one that runs on across a gutter
                // (a wider head) is the next module. A glyph of the next column's own line on about the same
                // baseline starts beyond the gutter and does not count.
                boolean spansMore = false;
                for (PrintedGlyph g : glyphs) {
                    if (g.blank() || Math.abs(g.baseline() - below.baseline()) > 0.2f * g.size()
                            || Math.abs(g.size() - below.size()) > 0.05f) continue;
                    boolean overRight = g.x() < c.right + 0.5f * em && g.right() > c.right + em;
                    boolean overLeft = g.right() > c.left - 0.5f * em && g.x() < c.left - em;
                    if (overRight || overLeft) spansMore = true;
                }
                if (!spansMore && lo <= hi) return null;
            }
            float tol = 0.2f * pitch;
            Column best = null;
            for (Column d : columns) {
                if (d.module() != c.module() || d.left <= c.right || d.left - c.right >= 3 * em) continue;
                if (!near(d.right - d.left, c.right - c.left, EDGE * em) || !c.besides(d, em)) continue;
                if (d.top() <= foot.baseline + tol && d.foot() >= c.top() - tol
                        && (best == null || d.top() < best.top() || d.top() == best.top() && d.left < best.left)) {
                    best = d;
                }
            }
            return best == null || headsOnly(c, best, pitch) ? null : best.lines.getFirst();
        }

        /**
         * Whether {@code c} and {@code d} stand under heads of their own: above their first lines, a run of text
         * larger than the body (a headline, a continuation's jump head) over {@code c} that ends before the
         * gutter between them, and another over {@code d} that starts after it. Then {@code d} opens another
         * story set beside {@code c}'s and cut to the same height (a continuation beside a story's last
         * columns, whose first line goes on with a paragraph), and {@code c}'s last paragraph ends at its foot.
         * One story's head lines are all centred on its columns (or all set from its left edge), so no two of
         * them lie on either side of one of its gutters; a pull quote inside a story stands below its first
         * line, and a caption is set smaller.
         */
        private boolean headsOnly(Column c, Column d, float pitch) {
            float gutter = (c.right + d.left) / 2;
            float top = Math.min(c.top(), d.top());
            List<PrintedGlyph> heads = new ArrayList<>();
            for (PrintedGlyph g : glyphs) {
                if (!g.blank() && g.size() >= HEAD * em && g.baseline() < top - 0.5f * pitch && g.baseline() > top - 6 * pitch) {
                    heads.add(g);
                }
            }
            heads.sort(Comparator.comparingDouble(PrintedGlyph::baseline));
            boolean overC = false, overD = false;
            for (int i = 0; i < heads.size(); ) {
                // one line: the glyphs of one size on one baseline, give or take a fifth of it
                PrintedGlyph first = heads.get(i);
                List<PrintedGlyph> line = new ArrayList<>();
                int j = i;
                for (; j < heads.size() && heads.get(j).baseline() - first.baseline() <= 0.2f * first.size(); j++) {
                    if (Math.abs(heads.get(j).size() - first.size()) <= 0.05f) line.add(heads.get(j));
                }
                i = j;
                line.sort(Comparator.comparingDouble(PrintedGlyph::x));
                // its runs: no gap wider than the size between neighbours
                for (int k = 0; k < line.size(); ) {
                    float lo = line.get(k).x(), hi = line.get(k).right();
                    int m = k + 1;
                    while (m < line.size() && line.get(m).x() - hi <= first.size()) hi = Math.max(hi, line.get(m++).right());
                    overC |= hi < gutter && hi > c.left && lo < c.right;
                    overD |= lo > gutter && lo < d.right && hi > d.left;
                    k = m;
                }
            }
            return overC && overD;
        }

        /**
         * Marks body lines off their module's grid; returns how many are on it. A line is on the grid
         * within 0.1 pt (or 1% of the pitch), or within half the module's rounding step.
         */
        int grid(float pitch, List<Finding> findings) {
            Map<Column, List<Column>> modules = new LinkedHashMap<>();
            for (Column c : columns) modules.computeIfAbsent(c.module(), k -> new ArrayList<>()).add(c);
            int on = 0;
            for (List<Column> module : modules.values()) {
                List<PrintedLine> lines = new ArrayList<>();
                for (Column c : module) lines.addAll(c.lines);
                float tol = Math.max(Math.max(0.1f, 0.01f * pitch), rounding(module, em) / 2 + 0.01f);
                float step = modulePitch(lines, pitch);
                float[] res = new float[lines.size()];
                for (int i = 0; i < res.length; i++) res[i] = residue(lines.get(i).baseline, step);
                float origin = res[0];
                int most = -1;
                // the grid line that most baselines lie within the tolerance of: the middle of the window
                // two tolerances wide, starting at some baseline, that holds most baselines
                for (float r : res) {
                    float mid = residue(r + tol, step);
                    int k = 0;
                    for (float s : res) if (circular(mid, s, step) <= tol + 1e-4f) k++;
                    if (k > most) {
                        most = k;
                        origin = mid;
                    }
                }
                for (int i = 0; i < res.length; i++) {
                    float off = circular(res[i], origin, step);
                    if (off <= tol + 1e-4f) {
                        on++;
                    } else {
                        PrintedLine l = lines.get(i);
                        findings.add(new Finding(Finding.Kind.OFF_GRID, page, l.column, l.baseline, l.text,
                                String.format("baseline %.2f pt off its module's grid of %.2f pt", off, step)));
                    }
                }
            }
            return on;
        }

        /**
         * The step a renderer rounded this module's baselines to, or 0. Chromium rounds each baseline to a
         * whole CSS pixel, so a 12.6 pt pitch comes out as steps of 12.75 and 12.0 pt. Taken as rounding
         * when the neighbouring distances take two values less than 0.1 em apart and nearly every baseline
         * is a whole number of their difference from the page's top. A single displaced line never passes
         * for rounding: its step is its own displacement, twice the tolerance it would get.
         */
        static float rounding(List<Column> module, float em) {
            Map<Float, Integer> steps = new HashMap<>();
            int lines = 0;
            for (Column c : module) {
                lines += c.lines.size();
                for (int i = 1; i < c.lines.size(); i++) {
                    float d = c.lines.get(i).baseline - c.lines.get(i - 1).baseline;
                    steps.merge(Math.round(d * 100) / 100f, 1, Integer::sum);
                }
            }
            if (steps.size() < 2) return 0;
            float first = mode(steps);
            steps.remove(first);
            float step = Math.abs(mode(steps) - first);
            if (step < 0.05f || step > 0.1f * em) return 0;
            int multiples = 0;
            for (Column c : module) {
                for (PrintedLine l : c.lines) {
                    float r = residue(l.baseline, step);
                    if (r < 0.02f || step - r < 0.02f) multiples++;
                }
            }
            return multiples >= 0.9f * lines ? step : 0;
        }

        /**
         * The pitch a module's lines keep, fitted over its whole height (least squares of baseline on line
         * number), where it is within 0.2% of the document's: a renderer that rounds each baseline leaves
         * the mean of neighbouring distances a little off, which over seventy lines adds up to a whole
         * rounding step. A module set at another pitch is judged by the document's.
         */
        static float modulePitch(List<PrintedLine> lines, float pitch) {
            if (lines.size() < 3) return pitch;
            float b0 = Float.MAX_VALUE;
            for (PrintedLine l : lines) b0 = Math.min(b0, l.baseline);
            double sn = 0, sb = 0, snn = 0, snb = 0;
            for (PrintedLine l : lines) {
                double n = Math.round((l.baseline - b0) / pitch);
                double b = l.baseline - b0;
                sn += n;
                sb += b;
                snn += n * n;
                snb += n * b;
            }
            int k = lines.size();
            double den = k * snn - sn * sn;
            if (den <= 0) return pitch;
            float fitted = (float) ((k * snb - sn * sb) / den);
            return Math.abs(fitted - pitch) <= 0.002f * pitch ? fitted : pitch;
        }

        /** Line-start and line-end prohibitions, split pairs, ragged lines and lone last characters. */
        void proofread(List<Finding> findings) {
            Map<PrintedLine, PrintedLine> previous = new HashMap<>();
            for (PrintedLine l : bodyLines()) if (l.next != null && !l.endsParagraph) previous.put(l.next, l);
            for (Column c : columns) {
                for (PrintedLine l : c.bodyLines()) {
                    prohibitions(l, previous.get(l), findings);
                    if (l.next != null && !l.endsParagraph) {
                        String split = split(l, l.next);
                        if (split != null) add(findings, Finding.Kind.SPLIT, l, split + " split before 「" + l.next.text + "」");
                    }
                    if (!l.flushLeft && !l.indented && !l.setApart) {
                        add(findings, Finding.Kind.RAGGED, l, String.format("starts %.1f pt from the column's left edge",
                                l.left() - c.left));
                    } else if (!l.endsParagraph && !l.flushRight) {
                        add(findings, Finding.Kind.RAGGED, l, String.format("ends %.1f pt short of the column's right edge, "
                                + "but the paragraph goes on", c.right - l.rightHalf()));
                    }
                    if (l.endsParagraph && !l.indented && !l.setApart && l.letters() <= 1) {
                        add(findings, Finding.Kind.LONE, l, "the paragraph's last line holds a single character");
                    }
                }
            }
        }

        private void prohibitions(PrintedLine l, PrintedLine prev, List<Finding> findings) {
            Proofreader.prohibitions(l, prev, (kind, detail) -> add(findings, kind, l, detail));
        }

        private void add(List<Finding> findings, Finding.Kind kind, PrintedLine l, String detail) {
            findings.add(new Finding(kind, page, l.column, l.baseline, l.text, detail));
        }
    }

    /** clreq §3.1.7 at a line's ends, horizontal or vertical: what starts or ends {@code l} that must not. */
    static void prohibitions(PrintedLine l, PrintedLine prev, java.util.function.BiConsumer<Finding.Kind, String> found) {
        boolean dashCarried = prev != null && Marks.dash(prev.last()) && prev.trailing(Marks::dash) % 2 == 1;
        if (Marks.noStart(l.first())) {
            found.accept(Finding.Kind.LINE_START, "starts with '" + new String(Character.toChars(l.first())) + "'");
        } else if (Marks.dash(l.first()) && l.leading(Marks::dash) == 1 && !dashCarried) {
            found.accept(Finding.Kind.LINE_START, "starts with a single dash");
        }
        if (Marks.noEnd(l.last())) {
            found.accept(Finding.Kind.LINE_END, "ends with '" + new String(Character.toChars(l.last())) + "'");
        }
    }

    /**
     * Vertical lines (a vertical headline's columns): each read top to bottom, the next one to its left;
     * the same prohibitions at their ends, and no pair split between one and the next.
     */
    static int verticalLines(int page, List<PrintedGlyph> glyphs, List<Finding> findings) {
        List<VerticalLines.Line> lines = VerticalLines.of(page, glyphs);
        Map<VerticalLines.Line, VerticalLines.Line> previous = new HashMap<>();
        for (VerticalLines.Line l : lines) {
            VerticalLines.Line n = VerticalLines.next(l, lines);
            if (n != null) previous.putIfAbsent(n, l);
        }
        for (VerticalLines.Line l : lines) {
            VerticalLines.Line prev = previous.get(l);
            String where = String.format(java.util.Locale.ROOT, "vertical line at x %.1f pt, from y %.1f to %.1f pt: ",
                    l.axis(), l.top(), l.bottom());
            prohibitions(l.text(), prev == null ? null : prev.text(), (kind, detail) ->
                    findings.add(new Finding(kind, page, 0, l.top(), l.text().text, where + detail)));
            VerticalLines.Line n = VerticalLines.next(l, lines);
            if (n != null && previous.get(n) == l) {
                String split = split(l.text(), n.text());
                if (split != null) {
                    findings.add(new Finding(Finding.Kind.SPLIT, page, 0, l.top(), l.text().text,
                            where + split + " split before 「" + n.text().text + "」"));
                }
            }
        }
        return lines.size();
    }

    /** What pair a break between these two lines splits, or null. */
    static String split(PrintedLine a, PrintedLine b) {
        int x = a.last();
        int y = b.first();
        if (Marks.dash(x) && Marks.dash(y) && a.trailing(Marks::dash) % 2 == 1) return "——";
        if (Marks.ellipsis(x) && Marks.ellipsis(y) && a.trailing(Marks::ellipsis) % 2 == 1) return "……";
        if (a.trailingSpace) return null;
        int[] cps = a.text.codePoints().toArray();
        int before = cps.length > 1 ? cps[cps.length - 2] : 0;
        int[] next = b.text.codePoints().toArray();
        int after = next.length > 1 ? next[1] : 0;
        if (Character.isDigit(x) && Marks.numberTail(y)) return "a number and its unit";
        if (Marks.numberSeparator(x) && Character.isDigit(before) && Character.isDigit(y)) return "a number";
        if (Character.isDigit(x) && Marks.numberSeparator(y) && Character.isDigit(after)) return "a number";
        if (Marks.western(x) && Marks.western(y)) return "a Latin word";
        if (Marks.numberSeparator(x) && Marks.western(before) && Marks.western(y)) return "a Latin word";
        if (Marks.western(x) && Marks.numberSeparator(y) && Marks.western(after)) return "a Latin word";
        return null;
    }

    static boolean near(float a, float b, float tol) {
        return Math.abs(a - b) <= tol;
    }

    static float residue(float y, float pitch) {
        float r = y % pitch;
        return r < 0 ? r + pitch : r;
    }

    static float circular(float a, float b, float pitch) {
        float d = Math.abs(a - b) % pitch;
        return Math.min(d, pitch - d);
    }
}
