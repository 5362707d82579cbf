package paiban.check;

import paiban.typeset.GalleyAudit;
import paiban.typeset.StressCopy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The six figures read from poppler's word boxes instead of PDFBox: lines are rebuilt from
 * {@code pdftotext -bbox} words inside the columns the test pages were made with, matched to the lines
 * that were placed there, and held against the copy.
 */
final class PopplerAudit {

    final List<String> startEnd = new ArrayList<>();
    final List<String> splits = new ArrayList<>();
    final List<String> ragged = new ArrayList<>();
    final List<String> offGrid = new ArrayList<>();
    final List<String> lone = new ArrayList<>();
    /** Text poppler reads that differs from the copy: a glyph that did not print, or not as itself. */
    final List<String> missing = new ArrayList<>();
    int lines;

    /** A line as poppler's words give it. */
    record Line(float xMin, float xMax, float yMin, String text) {
    }

    PopplerAudit(List<PopplerWords.Page> pages, List<GalleyPdf.Placed> placed, List<StressCopy.Paragraph> copy,
                 float size, float indent) {
        Map<Integer, List<GalleyPdf.Placed>> byPage = new HashMap<>();
        for (GalleyPdf.Placed p : placed) byPage.computeIfAbsent(p.grid().page(), k -> new ArrayList<>()).add(p);
        Map<Integer, List<String>> texts = new HashMap<>();
        Map<Integer, Integer> lineCounts = new HashMap<>();
        for (GalleyPdf.Placed p : placed) lineCounts.merge(p.paragraph(), 1, Integer::sum);
        for (var e : byPage.entrySet()) {
            List<GalleyPdf.Placed> onPage = e.getValue();
            GalleyPdf.PageGrid grid = onPage.getFirst().grid();
            PopplerWords.Page page = pages.get(e.getKey() - 1);
            float firstTop = Float.NaN;
            for (int c = 0; c < grid.columns(); c++) {
                int col = c;
                List<GalleyPdf.Placed> truth = onPage.stream().filter(p -> p.column() == col).toList();
                List<Line> read = lines(page, grid.columnLeft(c), grid.measure(), size);
                if (read.size() != truth.size()) {
                    missing.add("page " + e.getKey() + " column " + (c + 1) + ": poppler reads " + read.size()
                            + " lines where " + truth.size() + " were set");
                    continue;
                }
                for (int i = 0; i < read.size(); i++) {
                    Line l = read.get(i);
                    GalleyPdf.Placed p = truth.get(i);
                    lines++;
                    if (Float.isNaN(firstTop)) firstTop = l.yMin() - p.row() * grid.pitch();
                    float off = l.yMin() - firstTop - p.row() * grid.pitch();
                    if (Math.abs(off) > 0.1f) offGrid.add(String.format("%.2f pt off: 「%s」", off, l.text()));
                    texts.computeIfAbsent(p.paragraph(), k -> new ArrayList<>()).add(l.text());
                    check(l, p, grid.columnLeft(c), grid.measure(), size, indent,
                            p.index() == lineCounts.get(p.paragraph()) - 1);
                }
            }
        }
        for (var e : texts.entrySet()) {
            StressCopy.Paragraph para = copy.get(e.getKey());
            List<String> ls = e.getValue();
            String got = String.join("", ls);
            if (!got.equals(para.bare())) missing.add("poppler reads 「" + got + "」 for 「" + para.bare() + "」");
            int at = 0;
            for (int i = 0; i + 1 < ls.size(); i++) {
                at += ls.get(i).length();
                for (int[] s : para.spans()) {
                    if (at > s[0] && at < s[1]) splits.add("「" + para.bare().substring(s[0], s[1]) + "」 split");
                }
            }
            String last = ls.getLast();
            if (ls.size() > 1 && last.codePoints().filter(Character::isLetterOrDigit).count() < 2) {
                lone.add("「" + last + "」");
            }
        }
    }

    private void check(Line l, GalleyPdf.Placed p, float left, float measure, float size, float indent, boolean last) {
        String t = l.text();
        if (t.isEmpty()) return;
        if (GalleyAudit.NO_START.indexOf(t.charAt(0)) >= 0 || (t.charAt(0) == '—' && (t.length() < 2 || t.charAt(1) != '—'))) {
            startEnd.add("starts: 「" + t + "」");
        }
        if (GalleyAudit.NO_END.indexOf(t.charAt(t.length() - 1)) >= 0) startEnd.add("ends: 「" + t + "」");
        float tol = 0.1f * size;
        float start = left + (p.index() == 0 ? indent * size : 0);
        if (Math.abs(l.xMin() - start) > tol) ragged.add(String.format("starts %.2f pt off: 「%s」", l.xMin() - start, t));
        float right = left + measure;
        boolean halfMark = "、，。．：；！？”’）》〉】〗〕］｝」』".indexOf(t.charAt(t.length() - 1)) >= 0;
        boolean flush = Math.abs(l.xMax() - right) <= tol || (halfMark && Math.abs(l.xMax() - 0.5f * size - right) <= tol);
        if (!last && !flush) ragged.add(String.format("ends %.2f pt from the edge: 「%s」", right - l.xMax(), t));
    }

    /** Poppler's words within one column, grouped into lines by their tops. */
    private static List<Line> lines(PopplerWords.Page page, float left, float measure, float size) {
        List<PopplerWords.Word> in = new ArrayList<>();
        for (PopplerWords.Word w : page.words()) {
            float mid = (w.xMin() + w.xMax()) / 2;
            if (mid >= left - 0.5f * size && mid <= left + measure + 0.5f * size) in.add(w);
        }
        in.sort(Comparator.comparingDouble(PopplerWords.Word::yMin).thenComparingDouble(PopplerWords.Word::xMin));
        List<Line> out = new ArrayList<>();
        List<PopplerWords.Word> cur = new ArrayList<>();
        for (PopplerWords.Word w : in) {
            if (!cur.isEmpty() && w.yMin() - cur.getFirst().yMin() > 0.3f * size) {
                out.add(line(cur));
                cur = new ArrayList<>();
            }
            cur.add(w);
        }
        if (!cur.isEmpty()) out.add(line(cur));
        return out;
    }

    private static Line line(List<PopplerWords.Word> words) {
        words.sort(Comparator.comparingDouble(PopplerWords.Word::xMin));
        StringBuilder sb = new StringBuilder();
        float xMax = -Float.MAX_VALUE;
        float yMin = Float.MAX_VALUE;
        for (PopplerWords.Word w : words) {
            sb.append(w.text());
            xMax = Math.max(xMax, w.xMax());
            yMin = Math.min(yMin, w.yMin());
        }
        return new Line(words.getFirst().xMin(), xMax, yMin, sb.toString());
    }

    boolean clean() {
        return startEnd.isEmpty() && splits.isEmpty() && ragged.isEmpty() && offGrid.isEmpty() && lone.isEmpty()
                && missing.isEmpty();
    }

    @Override
    public String toString() {
        return String.format("poppler: %d lines: start/end %d, splits %d, ragged %d, off grid %d, lone %d, missing %d",
                lines, startEnd.size(), splits.size(), ragged.size(), offGrid.size(), lone.size(), missing.size());
    }

    String examples() {
        List<String> all = new ArrayList<>();
        for (List<String> l : List.of(startEnd, splits, ragged, offGrid, lone, missing)) {
            all.addAll(l.subList(0, Math.min(4, l.size())));
        }
        return String.join("\n", all);
    }
}
