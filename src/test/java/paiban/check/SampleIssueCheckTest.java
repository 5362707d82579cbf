package paiban.check;

import paiban.finish.Edition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.Pipeline;
import paiban.cli.Main;
import paiban.copy.IssueReader;
import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Issue;
import paiban.render.Layout;
import paiban.render.LayoutLoader;
import paiban.typeset.FontBook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample issue, built by the real pipeline, proofread by {@code paiban check} and, independently,
 * from poppler's word boxes held against the copy itself.
 */
class SampleIssueCheckTest {

    static final Path ISSUE = Path.of("issues", "2021-06-22");
    static Path pdf;

    @BeforeAll
    static void build(@TempDir Path out) {
        Path folder = Pipeline.run(ISSUE, out, Set.of(Edition.PRINT), w -> { }).folder();
        pdf = folder.resolve("print.pdf");
    }

    @Test
    void paibanCheckFindsNothingInTheSampleIssue() {
        Report r = Proofreader.check(pdf, null);
        System.out.println(r.summary());
        assertTrue(r.clean(), r.summary() + "\n" + r.findings());
        assertEquals(0, r.offPage(), "every glyph drawn lies on its page");
        // the proofreader infers from the glyphs alone what the layout set: its grid's pitch and body size
        var grid = LayoutLoader.load(Path.of("layouts"), "tabloid", FontBook.of(Path.of("fonts"))).grid();
        assertEquals(grid.pitch(), r.pitch(), 0.01f);
        assertEquals(grid.bodySize(), r.bodySize(), 0.01f);
        assertTrue(r.bodyLines() > 200, "the body lines are found: " + r.bodyLines());
    }

    @Test
    void theCheckCommandPrintsOneSummaryLineAndExitsZeroWhenClean() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.run("check", pdf.toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.contains("line-start/end 0, split pairs 0, ragged 0, on grid 100.0%, lone 0, missing glyphs 0"), out);
    }

    /** A body line as poppler reads it. */
    record Line(int page, int column, float xMin, float xMax, float yMin, String text) {
    }

    @Test
    void popplerWordBoxesAgreeWithTheCopy() throws Exception {
        Layout layout = LayoutLoader.load(Path.of("layouts"), "tabloid", FontBook.of(Path.of("fonts")));
        var grid = layout.grid();
        float em = grid.bodySize();
        // poppler measures from the MediaBox; print.pdf's trim sits inside it, past the bleed
        float trimLeft;
        float trimTop;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var page = doc.getPage(0);
            trimLeft = page.getTrimBox().getLowerLeftX() - page.getMediaBox().getLowerLeftX();
            trimTop = page.getMediaBox().getUpperRightY() - page.getTrimBox().getUpperRightY();
        }
        float areaLeft = layout.areaLeft() + trimLeft;
        float areaTop = layout.areaTop() + trimTop;
        Issue issue = IssueReader.read(ISSUE);
        List<String> paragraphs = paragraphs(issue);

        List<Line> lines = new ArrayList<>();
        List<PopplerWords.Page> pages = PopplerWords.read(pdf);
        for (int p = 0; p < pages.size(); p++) {
            for (int c = 0; c < grid.columns(); c++) {
                float left = areaLeft + grid.columnX(c);
                for (Line l : lines(pages.get(p), p + 1, c, left, grid.columnWidth(), em)) {
                    // body text only: not the page furniture above the type area, not jump lines
                    if (l.yMin() < areaTop || l.text().isEmpty()) continue;
                    if (paragraphs.stream().anyMatch(t -> t.contains(l.text()))) lines.add(l);
                }
            }
        }
        assertTrue(lines.size() > 200, "poppler finds the body lines: " + lines.size());

        List<String> problems = new ArrayList<>();
        float residue = Float.NaN;
        for (Line l : lines) {
            float r = (l.yMin() - areaTop) % grid.pitch();
            if (Float.isNaN(residue)) residue = r;
            if (Math.abs(r - residue) > 0.1f) problems.add("off grid: " + l);
            String t = l.text();
            if (Marks.noStart(t.codePointAt(0))) problems.add("line start: " + l);
            if (Marks.noEnd(t.codePointBefore(t.length()))) problems.add("line end: " + l);
        }
        // every paragraph is covered by its lines, end to end; breaks fall only between tokens
        boolean[] used = new boolean[lines.size()];
        for (String para : paragraphs) {
            List<Integer> path = new ArrayList<>();
            if (!cover(para, 0, lines, used, path)) {
                problems.add("poppler's lines do not make up 「" + para + "」");
                continue;
            }
            int at = 0;
            for (int i : path) {
                Line l = lines.get(i);
                int end = at + l.text().length();
                float left = areaLeft + grid.columnX(l.column());
                float right = left + grid.columnWidth();
                boolean first = at == 0;
                boolean last = end == para.length();
                if (Math.abs(l.xMin() - left - (first ? 2 * em : 0)) > 0.1f * em) problems.add("left edge: " + l);
                boolean half = "、，。．：；！？”’）》〉】〗〕］｝」』".indexOf(l.text().charAt(l.text().length() - 1)) >= 0;
                boolean flush = Math.abs(l.xMax() - right) <= 0.1f * em || (half && Math.abs(l.xMax() - 0.5f * em - right) <= 0.1f * em);
                if (!last && !flush) problems.add("ragged: " + l);
                if (last && !first && l.text().codePoints().filter(Character::isLetterOrDigit).count() < 2) problems.add("lone: " + l);
                if (!last && splitsToken(para, end)) problems.add("split pair after: " + l);
                at = end;
            }
        }
        for (int i = 0; i < lines.size(); i++) if (!used[i]) problems.add("a body line in no paragraph: " + lines.get(i));
        System.out.println("poppler: " + lines.size() + " body lines in " + paragraphs.size() + " paragraphs, "
                + problems.size() + " problems");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Finds lines, each used once, that spell {@code para} from {@code at} to its end. */
    private static boolean cover(String para, int at, List<Line> lines, boolean[] used, List<Integer> path) {
        if (at == para.length()) return true;
        for (int i = 0; i < lines.size(); i++) {
            if (used[i] || !para.startsWith(lines.get(i).text(), at)) continue;
            used[i] = true;
            path.add(i);
            if (cover(para, at + lines.get(i).text().length(), lines, used, path)) return true;
            used[i] = false;
            path.removeLast();
        }
        return false;
    }

    private static final Pattern TOKENS = Pattern.compile("——|……|[0-9０-９][0-9.,:%％～~]*[0-9%％]?[年月日个名位万亿元级度倍次期版人场]?|[A-Za-z][A-Za-z0-9-]*");

    private static boolean splitsToken(String para, int at) {
        Matcher m = TOKENS.matcher(para);
        while (m.find()) if (at > m.start() && at < m.end()) return true;
        return false;
    }

    /** Each body paragraph as the typesetter got it: dateline first, source last, no white space. */
    private static List<String> paragraphs(Issue issue) {
        List<String> out = new ArrayList<>();
        for (Article a : issue.articles()) {
            List<String> ps = new ArrayList<>();
            for (Block b : a.body()) if (b instanceof Block.Paragraph p) ps.add(p.text());
            if (ps.isEmpty()) ps.add("");
            ps.set(0, a.dateline() + ps.getFirst());
            String src = a.source();
            if (!src.isEmpty()) ps.set(ps.size() - 1, ps.getLast() + (src.startsWith("（") ? src : "（" + src + "）"));
            for (String p : ps) out.add(p.replaceAll("[\\s\u3000]", ""));
        }
        return out;
    }

    private static List<Line> lines(PopplerWords.Page page, int pageNo, int column, float left, float width, float em) {
        // a word wider than a column belongs to a caption across columns: its whole line is left out
        List<PopplerWords.Word> wide = page.words().stream().filter(w -> w.xMax() - w.xMin() > width + em).toList();
        List<PopplerWords.Word> in = new ArrayList<>();
        for (PopplerWords.Word w : page.words()) {
            float mid = (w.xMin() + w.xMax()) / 2;
            float h = w.yMax() - w.yMin();
            boolean spanned = wide.stream().anyMatch(s -> Math.abs(s.yMin() - w.yMin()) < 0.3f * em
                    && s.xMin() < left + width && s.xMax() > left);
            if (mid >= left - 0.5f * em && mid <= left + width + 0.5f * em && Math.abs(h - em) < 0.3f && !spanned) {
                in.add(w);
            }
        }
        in.sort(Comparator.comparingDouble(PopplerWords.Word::yMin).thenComparingDouble(PopplerWords.Word::xMin));
        List<Line> out = new ArrayList<>();
        List<PopplerWords.Word> cur = new ArrayList<>();
        for (PopplerWords.Word w : in) {
            if (!cur.isEmpty() && w.yMin() - cur.getFirst().yMin() > 0.3f * em) {
                out.add(line(cur, pageNo, column));
                cur = new ArrayList<>();
            }
            cur.add(w);
        }
        if (!cur.isEmpty()) out.add(line(cur, pageNo, column));
        return out;
    }

    private static Line line(List<PopplerWords.Word> words, int page, int column) {
        words.sort(Comparator.comparingDouble(PopplerWords.Word::xMin));
        StringBuilder sb = new StringBuilder();
        float xMax = -Float.MAX_VALUE;
        for (PopplerWords.Word w : words) {
            sb.append(w.text());
            xMax = Math.max(xMax, w.xMax());
        }
        return new Line(page, column, words.getFirst().xMin(), xMax, words.getFirst().yMin(),
                sb.toString().replaceAll("[\\s\u3000]", ""));
    }
}
