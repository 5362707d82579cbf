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
    /** Column regions closer than this (em) are one column: inter-character gaps never reach it. */
    static final float GUTTER = 0.4f;

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
        if (sizes.isEmpty()) return new Report(name, pages.size(), 0, "-", 0, 0, 0, 0, 0, 0, findings);
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
        findings.sort(Comparator.comparingInt(Finding::page).thenComparingInt(Finding::column)
                .thenComparingDouble(Finding::baseline));
        return new Report(name, pages.size(), size, font, pitch, columns, bodyLines, ends, onGrid, 0, findings);
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

    /** The most common distance between neighbouring body lines of a column. */
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
                    bins.merge(Math.round(d * 50) / 50f, 1, Integer::sum);
                }
            }
        }
        if (bins.isEmpty()) return 1.5f * size;
        float mode = mode(bins);
        double sum = 0;
        int n = 0;
        for (float d : diffs) {
            if (Math.abs(d - mode) <= 0.06f) {
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

    /** A column region of a page: its edges, and the lines set in it, top to bottom. */
    static final class Column {
        final int index;
        final float lo;
        final float hi;
        final List<PrintedLine> lines = new ArrayList<>();
        float left;
        float right;
        /** Runs of body lines one pitch apart. */
        final List<List<PrintedLine>> runs = new ArrayList<>();

        Column(int index, float lo, float hi) {
            this.index = index;
            this.lo = lo;
            this.hi = hi;
        }

        List<PrintedLine> bodyLines() {
            return lines.stream().filter(l -> l.body).toList();
        }

        /** The edges most body lines agree on: the left of flush lines, the right of full ones. */
        void findEdges(float em) {
            Map<Float, Integer> lefts = new HashMap<>();
            Map<Float, Integer> rights = new HashMap<>();
            float minLeft = Float.MAX_VALUE;
            float maxRight = -Float.MAX_VALUE;
            for (PrintedLine l : bodyLines()) {
                lefts.merge(Math.round(l.left() * 10) / 10f, 1, Integer::sum);
                rights.merge(Math.round(l.right() * 10) / 10f, 1, Integer::sum);
                if (l.rightHalf() != l.right()) rights.merge(Math.round(l.rightHalf() * 10) / 10f, 1, Integer::sum);
                minLeft = Math.min(minLeft, l.left());
                maxRight = Math.max(maxRight, l.rightHalf());
            }
            if (bodyLines().size() < 3) {
                left = minLeft;
                right = maxRight;
                return;
            }
            left = mode(lefts);
            right = mode(rights);
            // an indent is never the column's edge: prefer an edge 2 em further left if lines sit there
            for (var e : lefts.entrySet()) if (e.getKey() < left - em && e.getValue() > 0) left = Math.min(left, e.getKey());
        }
    }

    // ---- one page -----------------------------------------------------------------------------

    static final class PageLayout {
        final int page;
        final List<PrintedGlyph> glyphs;
        final float em;
        final List<Column> columns = new ArrayList<>();

        PageLayout(int page, List<PrintedGlyph> glyphs, String family, float size) {
            this.page = page;
            this.glyphs = glyphs;
            this.em = size;
            // Column regions: where body glyphs' em boxes lie, merged unless a gutter separates them. A
            // closing mark with nothing right after it is a squeezed line end: only its inked half counts,
            // so that it does not bridge the gutter.
            List<PrintedGlyph> body = new ArrayList<>();
            for (PrintedGlyph g : glyphs) {
                if (!g.blank() && g.family().equals(family) && Math.abs(g.size() - size) < 0.05f) body.add(g);
            }
            body.sort(Comparator.comparingDouble(PrintedGlyph::baseline).thenComparingDouble(PrintedGlyph::x));
            List<float[]> ink = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                PrintedGlyph g = body.get(i);
                PrintedGlyph next = i + 1 < body.size() ? body.get(i + 1) : null;
                boolean lineEnd = next == null || Math.abs(next.baseline() - g.baseline()) > 0.2f * size
                        || next.x() > g.right() + 0.2f * size;
                float right = g.halfWidthAtEnd() && lineEnd ? g.x() + g.advance() / 2 : g.right();
                ink.add(new float[] {g.x(), right});
            }
            ink.sort(Comparator.comparingDouble(a -> a[0]));
            List<float[]> regions = new ArrayList<>();
            for (float[] iv : ink) {
                if (!regions.isEmpty() && iv[0] <= regions.getLast()[1] + GUTTER * size) {
                    regions.getLast()[1] = Math.max(regions.getLast()[1], iv[1]);
                } else {
                    regions.add(new float[] {iv[0], iv[1]});
                }
            }
            regions.removeIf(r -> r[1] - r[0] < 1.5f * size);
            for (float[] r : regions) columns.add(new Column(columns.size() + 1, r[0], r[1]));

            Map<Column, List<PrintedGlyph>> byColumn = new LinkedHashMap<>();
            for (PrintedGlyph g : glyphs) {
                if (Math.abs(g.size() - size) >= 0.05f) continue;
                Column c = columnAt(g.x() + g.advance() / 2, 0.6f * size);
                if (c != null) byColumn.computeIfAbsent(c, k -> new ArrayList<>()).add(g);
            }
            for (var e : byColumn.entrySet()) {
                List<PrintedGlyph> gs = e.getValue();
                gs.sort(Comparator.comparingDouble(PrintedGlyph::baseline));
                List<PrintedGlyph> line = new ArrayList<>();
                for (PrintedGlyph g : gs) {
                    if (!line.isEmpty() && g.baseline() - line.getFirst().baseline() > 0.2f * size) {
                        addLine(e.getKey(), line, family, size);
                        line = new ArrayList<>();
                    }
                    line.add(g);
                }
                if (!line.isEmpty()) addLine(e.getKey(), line, family, size);
            }
            for (Column c : columns) c.findEdges(size);
        }

        private void addLine(Column c, List<PrintedGlyph> gs, String family, float size) {
            gs.sort(Comparator.comparingDouble(PrintedGlyph::x));
            PrintedLine l = new PrintedLine(page, c.index, gs, family, size);
            if (!l.glyphs.isEmpty()) c.lines.add(l);
        }

        private Column columnAt(float x, float margin) {
            Column best = null;
            float dist = Float.MAX_VALUE;
            for (Column c : columns) {
                float d = x < c.lo ? c.lo - x : x > c.hi ? x - c.hi : 0;
                if (d <= margin && d < dist) {
                    best = c;
                    dist = d;
                }
            }
            return best;
        }

        List<PrintedLine> bodyLines() {
            List<PrintedLine> all = new ArrayList<>();
            for (Column c : columns) all.addAll(c.bodyLines());
            return all;
        }

        /** Splits each column into runs, marks each line's edges, and links every line to the one read next. */
        void link(float pitch) {
            float tol = EDGE * em;
            for (Column c : columns) {
                List<PrintedLine> run = new ArrayList<>();
                for (PrintedLine l : c.bodyLines()) {
                    if (!run.isEmpty() && l.baseline - run.getLast().baseline > 1.5f * pitch) {
                        c.runs.add(run);
                        run = new ArrayList<>();
                    }
                    run.add(l);
                    PrintedGlyph first = l.glyphs.getFirst();
                    float halfStart = first.halfWidthAtStart() ? first.advance() / 2 : 0;
                    l.flushLeft = near(l.left(), c.left, tol) || near(l.left() + halfStart, c.left, tol);
                    l.indented = near(l.left(), c.left + 2 * em, tol) || near(l.left() + halfStart, c.left + 2 * em, tol);
                    l.flushRight = near(l.right(), c.right, tol) || near(l.rightHalf(), c.right, tol);
                }
                if (!run.isEmpty()) c.runs.add(run);
            }
            for (int ci = 0; ci < columns.size(); ci++) {
                Column c = columns.get(ci);
                for (List<PrintedLine> run : c.runs) {
                    for (int i = 0; i < run.size(); i++) {
                        PrintedLine l = run.get(i);
                        l.next = i + 1 < run.size() ? run.get(i + 1) : continuation(ci, run, pitch);
                        l.endsParagraph = l.next == null || l.next.indented;
                    }
                }
            }
        }

        /**
         * Where the text at the foot of a run goes on. Text set within the column right below it (a
         * subhead, a jump line) ends the paragraph; otherwise the reader goes to the next column, to the
         * run beside this one that starts highest.
         */
        private PrintedLine continuation(int ci, List<PrintedLine> run, float pitch) {
            Column c = columns.get(ci);
            PrintedLine foot = run.getLast();
            PrintedGlyph below = null;
            for (PrintedGlyph g : glyphs) {
                if (g.blank()) continue;
                float mid = g.x() + g.advance() / 2;
                float dy = g.baseline() - foot.baseline;
                if (dy > 0.3f * em && dy <= 1.6f * pitch && mid >= c.left - 0.5f * em && mid <= c.right + 0.5f * em
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
                // a line of its own within this column interrupts the text; a wider one is the next module
                boolean spansMore = false;
                for (PrintedGlyph g : glyphs) {
                    if (g.blank() || Math.abs(g.baseline() - below.baseline()) > 0.2f * g.size()) continue;
                    if (g.x() >= c.right + 1.5f * em || g.right() <= c.left - 1.5f * em) continue;
                    if (g.x() < c.left - em || g.right() > c.right + em) spansMore = true;
                }
                if (!spansMore && lo <= hi) return null;
            }
            if (ci + 1 >= columns.size()) return null;
            float top = run.getFirst().baseline;
            float tol = 0.2f * pitch;
            List<PrintedLine> best = null;
            for (List<PrintedLine> r : columns.get(ci + 1).runs) {
                if (r.getFirst().baseline <= foot.baseline + tol && r.getLast().baseline >= top - tol
                        && (best == null || r.getFirst().baseline < best.getFirst().baseline)) {
                    best = r;
                }
            }
            return best == null ? null : best.getFirst();
        }

        /** Marks body lines off the page's grid; returns how many are on it. */
        int grid(float pitch, List<Finding> findings) {
            List<PrintedLine> lines = bodyLines();
            if (lines.isEmpty()) return 0;
            float tol = Math.max(0.1f, 0.01f * pitch);
            float[] res = new float[lines.size()];
            for (int i = 0; i < res.length; i++) res[i] = residue(lines.get(i).baseline, pitch);
            float origin = res[0];
            int most = -1;
            for (float r : res) {
                int n = 0;
                for (float s : res) if (circular(r, s, pitch) <= tol) n++;
                if (n > most) {
                    most = n;
                    origin = r;
                }
            }
            int on = 0;
            for (int i = 0; i < res.length; i++) {
                float off = circular(res[i], origin, pitch);
                if (off <= tol) {
                    on++;
                } else {
                    PrintedLine l = lines.get(i);
                    findings.add(new Finding(Finding.Kind.OFF_GRID, page, l.column, l.baseline, l.text,
                            String.format("baseline %.2f pt off the page's grid of %.2f pt", off, pitch)));
                }
            }
            return on;
        }

        /** Line-start and line-end prohibitions, split pairs, ragged lines and lone last characters. */
        void proofread(List<Finding> findings) {
            Map<PrintedLine, PrintedLine> previous = new HashMap<>();
            for (PrintedLine l : bodyLines()) if (l.next != null && !l.next.indented) previous.put(l.next, l);
            for (Column c : columns) {
                for (PrintedLine l : c.bodyLines()) {
                    PrintedLine prev = previous.get(l);
                    boolean dashCarried = prev != null && Marks.dash(prev.last()) && prev.trailing(Marks::dash) % 2 == 1;
                    if (Marks.noStart(l.first())) {
                        add(findings, Finding.Kind.LINE_START, l, "starts with '" + l.text.substring(0, 1) + "'");
                    } else if (Marks.dash(l.first()) && l.leading(Marks::dash) == 1 && !dashCarried) {
                        add(findings, Finding.Kind.LINE_START, l, "starts with a single dash");
                    }
                    if (Marks.noEnd(l.last())) {
                        add(findings, Finding.Kind.LINE_END, l, "ends with '" + new String(Character.toChars(l.last())) + "'");
                    }
                    if (l.next != null && !l.next.indented) {
                        String split = split(l, l.next);
                        if (split != null) add(findings, Finding.Kind.SPLIT, l, split + " split before 「" + l.next.text + "」");
                    }
                    if (!l.flushLeft && !l.indented) {
                        add(findings, Finding.Kind.RAGGED, l, String.format("starts %.1f pt from the column's left edge",
                                l.left() - c.left));
                    } else if (!l.endsParagraph && !l.flushRight) {
                        add(findings, Finding.Kind.RAGGED, l, String.format("ends %.1f pt short of the column's right edge, "
                                + "but the paragraph goes on", c.right - l.rightHalf()));
                    }
                    if (l.endsParagraph && !l.indented && l.letters() <= 1) {
                        add(findings, Finding.Kind.LONE, l, "the paragraph's last line holds a single character");
                    }
                }
            }
        }

        private void add(List<Finding> findings, Finding.Kind kind, PrintedLine l, String detail) {
            findings.add(new Finding(kind, page, l.column, l.baseline, l.text, detail));
        }
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
