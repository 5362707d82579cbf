package paiban.check;

import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code paiban check} on pages it did not make: an A3 page drawn as Chromium prints HTML ({@link ForeignPdf}),
 * with modules of different measures and column counts (6, 3 beside a photo, two modules of 3 side by side
 * with different tops, 8), justified lines, 2-em first-line indents, short last lines, a dateline in another
 * face, a right-aligned source, a caption at the body size in kai, and radicals in the ToUnicode map. Set
 * clean, it must yield no finding at all; with one fault set in, that fault and nothing else.
 */
class ForeignPagesTest {

    static final float SIZE = 9;
    static final float PITCH = 12.6f;
    static final float GUTTER = 9.9f;
    static final float LEFT = 42.75f;
    static final float WIDTH = 756.4f;
    static final String HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
            + "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其"
            + "些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很"
            + "情者最立代想已通并提直题党程展五果科广长";

    enum Fault { RAGGED, LINE_START, OFF_GRID, LONE }

    /** One module of body text: where its columns are, how many lines each holds, and how its baselines fall. */
    record Module(String name, float x, float top, int columns, float measure, int rows, int lastRows, boolean pixels,
                  boolean dateline) {
    }

    /** Where a line was set, and what kind it is. */
    record Line(Module module, int column, float baseline, String text) {
    }

    static final class Sheet {
        final ForeignPdf pdf = new ForeignPdf(841.92f, 1191.12f);
        final ForeignPdf.Face serif = pdf.face("NotoSerifCJKsc-Regular", "Noto Serif CJK SC");
        final ForeignPdf.Face sans = pdf.face("NotoSansCJKsc-Bold", "Noto Sans CJK SC");
        final ForeignPdf.Face kai = pdf.face("UKaiCN", "AR PL UKai CN");
        final Random random = new Random(20210622L);
        final List<Line> lines = new ArrayList<>();
        final java.util.Set<Fault> faults;
        /** Where each fault went: its baseline, and the line's text. */
        final java.util.Map<Fault, Line> placed = new java.util.EnumMap<>(Fault.class);
        int radicals;

        Sheet(java.util.Set<Fault> faults) {
            this.faults = faults;
            pdf.newPage();
        }

        float measure(int columns) {
            return (WIDTH - (columns - 1) * GUTTER) / columns;
        }

        /** The page: headlines, modules, a photo with its caption. */
        Sheet page() {
            headline("省科协举办党史学习教育交流分享会", 62);
            module(new Module("A", LEFT, 100, 6, measure(6), 16, 12, true, true), Fault.LINE_START, 2, 5);
            headline("广州市科协利用科普长廊学习习近平总书记重要讲话", 330);
            float photo = 2 * measure(6) + GUTTER;
            pdf.box(LEFT, 350, photo, 150);
            pdf.text(kai, SIZE, LEFT, 512, "省科协党史学习教育交流分享会在广东科学馆召开。", 0, java.util.Set.of());
            String credit = "本报记者 蔡敏霞 摄";
            pdf.text(kai, SIZE, LEFT + photo - width(credit), 524.5f, credit, 0, java.util.Set.of());
            float beside = LEFT + photo + GUTTER;
            float besideWidth = WIDTH - photo - GUTTER;
            module(new Module("B", beside, 370, 3, (besideWidth - 2 * GUTTER) / 3, 20, 17, false, false), Fault.RAGGED, 1, 9);
            headline("江门市科协扎实开展实践活动", 645);
            module(new Module("C-left", LEFT, 670, 3, measure(6), 14, 12, true, false), Fault.LONE, 2, 0);
            module(new Module("C-right", LEFT + 3 * (measure(6) + GUTTER), 625.5f, 3, measure(6), 17, 15, true, false),
                    Fault.OFF_GRID, 1, 6);
            headline("科普活动周", 880);
            module(new Module("D", LEFT, 910, 8, measure(8), 15, 9, true, false), null, 0, 0);
            return this;
        }

        void headline(String text, float baseline) {
            pdf.text(sans, 22, LEFT, baseline, text, 0, java.util.Set.of());
        }

        static float width(String s) {
            float w = 0;
            for (int cp : s.codePoints().toArray()) w += ForeignPdf.advance(cp) * SIZE;
            return w;
        }

        /**
         * Flows paragraphs down the module's columns. A paragraph opens with a 2-em indent, its full lines
         * are justified to the measure, its last line is short; it runs on from a column's foot to the next
         * column's head. The module's last line is a right-aligned source.
         */
        void module(Module m, Fault fault, int faultColumn, int faultRow) {
            int full = (int) Math.floor(m.measure() / SIZE + 1e-3);
            List<String[]> flow = new ArrayList<>(); // kind, text
            int capacity = (m.columns() - 1) * m.rows() + m.lastRows() - 1;
            boolean first = true;
            while (flow.size() < capacity) {
                int left = capacity - flow.size();
                int n = Math.min(left, 2 + random.nextInt(7));
                for (int i = 0; i < n; i++) {
                    boolean opens = i == 0;
                    boolean ends = i == n - 1;
                    int room = opens ? full - 2 : full;
                    String text;
                    if (ends) {
                        int k = 3 + random.nextInt(Math.max(1, room - 4));
                        text = radicals++ % 5 == 0 && k >= 3 ? han(k - 3) + "广长。" : han(k - 1) + "。";
                    } else {
                        text = fullLine(room);
                    }
                    if (opens && first && m.dateline()) text = "本报讯（记者李婉欣）" + text.substring(Math.min(text.length(), 6));
                    flow.add(new String[] {opens ? "open" : "", ends ? "end" : "", text});
                    first = false;
                }
            }
            int index = 0;
            for (int c = 0; c < m.columns(); c++) {
                int rows = c == m.columns() - 1 ? m.lastRows() : m.rows();
                float x = m.x() + c * (m.measure() + GUTTER);
                for (int r = 0; r < rows; r++) {
                    float baseline = m.top() + r * PITCH;
                    if (m.pixels()) baseline = Math.round(baseline / 0.75f) * 0.75f;
                    if (index == flow.size()) {
                        source(m, x, baseline);
                        continue;
                    }
                    String[] line = flow.get(index++);
                    boolean here = fault != null && faults.contains(fault) && !placed.containsKey(fault) && c == faultColumn
                            && r >= faultRow && fits(fault, line);
                    set(m, c, x, baseline, line, here ? fault : null, full);
                }
            }
        }

        /** Whether {@code fault} can be set in this line: a full line inside a paragraph, or a last line for a lone one. */
        private static boolean fits(Fault fault, String[] line) {
            boolean opens = !line[0].isEmpty();
            boolean ends = !line[1].isEmpty();
            return fault == Fault.LONE ? ends && !opens : !opens && !ends;
        }

        private void source(Module m, float x, float baseline) {
            String src = "（来源：新华社）";
            pdf.text(serif, SIZE, x + m.measure() - width(src), baseline, src, 0, java.util.Set.of());
            lines.add(new Line(m, 0, baseline, src));
        }

        private void set(Module m, int column, float x, float baseline, String[] line, Fault fault, int full) {
            boolean opens = !line[0].isEmpty();
            boolean ends = !line[1].isEmpty();
            String text = line[2];
            float start = opens ? x + 2 * SIZE : x;
            float measure = opens ? m.measure() - 2 * SIZE : m.measure();
            if (fault == Fault.RAGGED) {
                // a line inside its paragraph set short and left unjustified
                if (ends) throw new IllegalStateException("the ragged fault must fall inside a paragraph");
                text = text.substring(0, text.length() - 3);
                ends = true;
            } else if (fault == Fault.LINE_START) {
                if (opens || ends) throw new IllegalStateException("the line-start fault must fall on a full line");
                text = "，" + text.substring(1);
            } else if (fault == Fault.OFF_GRID) {
                baseline += 1.5f;
            } else if (fault == Fault.LONE) {
                if (!ends || opens) throw new IllegalStateException("the lone fault must fall on a last line");
                text = "国。";
            }
            float spacing = 0;
            if (!ends) {
                int count = text.codePointCount(0, text.length());
                spacing = (measure - width(text)) / (count - 1);
            }
            // the dateline opens in the sans face, as a bold byline does in HTML
            int date = text.startsWith("本报讯（") ? text.indexOf('）') + 1 : 0;
            java.util.Set<Integer> actual = new HashSet<>();
            for (int i = 0; i < text.length(); i += 2) actual.add(i);
            if (date > 0) {
                pdf.text(sans, SIZE, start, baseline, text.substring(0, date), spacing, java.util.Set.of());
                start += width(text.substring(0, date)) + date * spacing;
                text = text.substring(date);
            }
            pdf.text(serif, SIZE, start, baseline, text, spacing, actual);
            Line s = new Line(m, column, baseline, line[2]);
            lines.add(s);
            if (fault != null) placed.put(fault, s);
        }

        /** A full line: ideographs with a comma or a stop inside, sometimes a year, never a mark first. */
        private String fullLine(int room) {
            StringBuilder sb = new StringBuilder(han(room));
            int at = 2 + random.nextInt(room - 3);
            sb.setCharAt(at, random.nextBoolean() ? '，' : '。');
            if (random.nextInt(4) == 0 && room > 8) sb.replace(room - 5, room - 3, "2021");
            if (random.nextInt(6) == 0) sb.setCharAt(room - 1, '，');
            return sb.toString();
        }

        private String han(int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.append(HAN.charAt(random.nextInt(HAN.length())));
            return sb.toString();
        }

        Report check(Path dir, String name) throws Exception {
            Path file = System.getProperty("foreign.keep") != null ? Path.of("target", name) : dir.resolve(name);
            pdf.write(file);
            return Proofreader.check(file, null);
        }
    }

    @Test
    void aCleanForeignPageHasNothingToMark(@TempDir Path dir) throws Exception {
        Sheet sheet = new Sheet(EnumSet.noneOf(Fault.class)).page();
        Report r = sheet.check(dir, "chromium-like.pdf");
        System.out.println(r.summary());
        assertTrue(r.clean(), r.summary() + "\n" + String.join("\n", r.findings().stream().map(Finding::toString).toList()));
        assertEquals(6 + 3 + 3 + 3 + 8, r.columns(), "each module's columns are found, and no more");
        assertEquals(sheet.lines.size(), r.bodyLines(), "every line of every module is read as body, captions are not");
        assertEquals(PITCH, r.pitch(), 0.02f, "the pitch of baselines rounded to pixels");
        assertEquals(100.0, r.onGridPercent(), 0.01);
        assertEquals("NotoSerifCJKsc-Regular", r.bodyFont(), "Type 3 fonts are named by their descriptors");
    }

    @Test
    void theOldPageWideColumnsWouldHaveFoundRaggedLinesHere(@TempDir Path dir) throws Exception {
        // the page must hold modules whose measures differ in one x range, or the clean test proves nothing
        Sheet sheet = new Sheet(EnumSet.noneOf(Fault.class)).page();
        java.util.Set<Float> measures = new HashSet<>();
        for (Line s : sheet.lines) if (s.module().x() < 100) measures.add(s.module().measure());
        assertTrue(measures.size() >= 2, "modules of different measures start at the left margin: " + measures);
        assertTrue(sheet.radicals > 5, "last lines of radicals are set");
    }

    @Test
    void radicalsReadAsTheIdeographsTheyDraw(@TempDir Path dir) throws Exception {
        Sheet sheet = new Sheet(EnumSet.noneOf(Fault.class)).page();
        Path file = dir.resolve("radicals.pdf");
        sheet.pdf.write(file);
        try (var doc = Loader.loadPDF(file.toFile())) {
            StringBuilder text = new StringBuilder();
            for (List<PrintedGlyph> page : GlyphReader.read(doc).pages()) for (PrintedGlyph g : page) text.append(g.text());
            assertTrue(text.indexOf("广") >= 0 && text.indexOf("长") >= 0, "广 and 长 are read");
            assertFalse(text.codePoints().anyMatch(cp -> cp >= 0x2E80 && cp <= 0x2FDF), "no radical is left in the text");
            assertTrue(text.indexOf("本报讯（记者李婉欣）") >= 0);
        }
        // without ActualText, by the ToUnicode map alone
        assertEquals("广长豈", Radicals.unify("\u2F34\u2ED3\uF900"));
        assertEquals("，！％", Radicals.unify("，！％"), "full-width marks stay what they are");
    }

    @Test
    void aShortLineInsideAParagraphIsRagged(@TempDir Path dir) throws Exception {
        assertOnlyAt(Fault.RAGGED, Finding.Kind.RAGGED, dir);
    }

    @Test
    void aStopAtALineStartIsMarked(@TempDir Path dir) throws Exception {
        assertOnlyAt(Fault.LINE_START, Finding.Kind.LINE_START, dir);
    }

    @Test
    void aLineOffItsModulesGridIsMarked(@TempDir Path dir) throws Exception {
        assertOnlyAt(Fault.OFF_GRID, Finding.Kind.OFF_GRID, dir);
    }

    @Test
    void aLoneLastCharacterIsMarked(@TempDir Path dir) throws Exception {
        assertOnlyAt(Fault.LONE, Finding.Kind.LONE, dir);
    }

    /** With {@code fault} set in, exactly one finding, of {@code kind}, on the line where it went. */
    private static void assertOnlyAt(Fault fault, Finding.Kind kind, Path dir) throws Exception {
        Sheet sheet = new Sheet(EnumSet.of(fault)).page();
        Report r = sheet.check(dir, fault + ".pdf");
        Line at = sheet.placed.get(fault);
        assertTrue(at != null, fault + " was set");
        List<String> all = r.findings().stream().map(Finding::toString).toList();
        assertEquals(1, r.findings().size(), String.join("\n", all));
        Finding f = r.findings().getFirst();
        assertEquals(kind, f.kind(), all.toString());
        assertEquals(at.baseline(), f.baseline(), 0.3f, "the finding is on the faulty line: " + f);
    }
}
