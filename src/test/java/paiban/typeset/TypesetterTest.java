package paiban.typeset;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typesetter on strings and widths, one clreq rule at a time. Widths are in em of 9 pt. */
class TypesetterTest {

    static final float EM = Styles.SIZE;
    static final String HAN = "春江潮水连海平明月共生滟随波千万里何处无";

    static Galley set(String text, int widthEm, float indent) {
        return Typesetter.set(text, Styles.body(indent), widthEm * EM);
    }

    static String han(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(HAN.charAt(i % HAN.length()));
        return sb.toString();
    }

    static List<String> lines(Galley g) {
        return g.lines().stream().map(l -> l.text().replace(" ", "")).toList();
    }

    static List<Glyph> visible(SetLine l) {
        return l.glyphs().stream().filter(x -> x.codePoint() != ' ').toList();
    }

    static Glyph glyph(SetLine l, char c, int nth) {
        int n = 0;
        for (Glyph g : l.glyphs()) if (g.codePoint() == c && n++ == nth) return g;
        throw new AssertionError("no " + c + " in " + l.text());
    }

    static float em(float points) {
        return points / EM;
    }

    // ---- line-start and line-end prohibitions ---------------------------------------------------

    @Test
    void closingPunctuationNeverStartsALine() {
        for (char mark : GalleyAudit.NO_START.toCharArray()) {
            for (int width : new int[] {8, 12, 17}) {
                for (int k = 1; k <= width + 2; k++) {
                    Galley g = set(han(k) + mark + han(12), width, 0);
                    for (String l : lines(g)) assertFalse(l.charAt(0) == mark, width + " em: line starts with " + mark + ": " + lines(g));
                }
            }
        }
    }

    @Test
    void openingPunctuationNeverEndsALine() {
        for (char mark : GalleyAudit.NO_END.toCharArray()) {
            for (int width : new int[] {8, 12, 17}) {
                for (int k = 1; k <= width + 2; k++) {
                    Galley g = set(han(k) + mark + han(3) + han(12), width, 0);
                    for (String l : lines(g)) {
                        assertFalse(l.charAt(l.length() - 1) == mark, width + " em: line ends with " + mark + ": " + lines(g));
                    }
                }
            }
        }
    }

    @Test
    void aClosingMarkIsPulledBackWhenSqueezingMakesRoom() {
        // ten em: "九，" does not fit after eight characters and 、 unless 、 gives up its blank half
        Galley g = set("一二、三四五六七八九，乙丙丁", 10, 0);
        SetLine first = g.lines().getFirst();
        assertEquals("一二、三四五六七八九，", lines(g).getFirst());
        assertEquals(0.5f, first.squeeze(), 1e-3);
        assertEquals(0.5f, em(glyph(first, '三', 0).x() - glyph(first, '、', 0).x()), 1e-3);
        assertEquals(10f, em(first.inkEnd()), 1e-3);
    }

    @Test
    void aCharacterIsPushedDownWithItsMarkOnlyWhenNothingCanBeSqueezed() {
        Galley g = set("一二三四五六七八九十，乙丙丁", 10, 0);
        assertEquals("一二三四五六七八九", lines(g).get(0));
        assertTrue(lines(g).get(1).startsWith("十，"));
        // the em left over is spread over the eight junctions between the nine characters
        assertEquals(1f / 8, g.lines().getFirst().spacing(), 1e-3);
    }

    // ---- pairs that never split ------------------------------------------------------------------

    @Test
    void doubledDashesAndEllipsesAreNeverSplit() {
        for (int width = 8; width <= 14; width++) {
            for (int k = 0; k <= width + 1; k++) {
                Galley g = set(han(k) + "——" + han(3) + "……" + han(3) + "——……" + han(9), width, 0);
                List<String> ls = lines(g);
                for (int i = 0; i + 1 < ls.size(); i++) {
                    String a = ls.get(i);
                    String b = ls.get(i + 1);
                    assertFalse(trailing(a, '—') % 2 == 1, "—— split: " + ls);
                    assertFalse(trailing(a, '…') % 2 == 1, "…… split: " + ls);
                    assertFalse(b.charAt(0) == '…', "…… starts a line: " + ls);
                }
            }
        }
    }

    private static int trailing(String s, char c) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == c; i--) n++;
        return n;
    }

    @Test
    void aDoubledDashIsOneUnbrokenRuleTwoEmsWide() {
        SetLine l = set("一——二", 30, 0).lines().getFirst();
        Glyph d0 = glyph(l, '—', 0);
        Glyph d1 = glyph(l, '—', 1);
        float[] ink = d0.face().ink('—');
        float s = d0.scale();
        assertTrue(s > 1, "Noto's em dash is 0.89 em: it must be widened");
        float start0 = em(d0.x()) + ink[0] * s;
        float end0 = em(d0.x()) + ink[1] * s;
        float start1 = em(d1.x()) + ink[0] * s;
        float end1 = em(d1.x()) + ink[1] * s;
        assertTrue(start1 <= end0, "the two rules overlap, so no seam shows");
        assertEquals(1f, start0, 0.08f);
        assertEquals(3f, end1, 0.08f);
        assertEquals(3f, em(glyph(l, '二', 0).x()), 1e-3, "—— takes exactly two em");
    }

    @Test
    void numbersWithTheirSeparatorsAndUnitsAreNeverSplit() {
        for (String number : new String[] {"3.6%", "0.25μg/mL", "±0.3μm", "12～13级", "5 km", "2021年", "35.7℃"}) {
            for (int width = 8; width <= 13; width++) {
                for (int k = 0; k <= width + 1; k++) {
                    assertWhole(set(han(k) + number + han(10), width, 0), number);
                }
            }
        }
    }

    @Test
    void latinWordsAreNeverSplitNorLetterSpaced() {
        for (String word : new String[] {"OpenType", "Internationalization", "microelectronics", "DNA", "COVID-19"}) {
            for (int width = 8; width <= 13; width++) {
                for (int k = 0; k <= width + 1; k++) {
                    Galley g = set(han(k) + word + han(10), width, 0);
                    assertWhole(g, word);
                    for (SetLine l : g.lines()) assertNoLetterSpacing(l);
                }
            }
        }
    }

    private static void assertWhole(Galley g, String token) {
        String bare = token.replace(" ", "");
        boolean found = false;
        for (String l : lines(g)) found |= l.contains(bare);
        assertTrue(found, "「" + bare + "」 split in " + lines(g));
    }

    private static void assertNoLetterSpacing(SetLine l) {
        List<Glyph> gs = l.glyphs();
        for (int i = 1; i < gs.size(); i++) {
            Glyph a = gs.get(i - 1);
            Glyph b = gs.get(i);
            if (a.codePoint() >= 0x80 || b.codePoint() >= 0x80 || a.codePoint() == ' ' || b.codePoint() == ' ') continue;
            float expected = a.x() + a.face().advance(a.codePoint()) * a.scale() * EM;
            assertEquals(expected, b.x(), 0.001f, "letter-spaced between " + (char) a.codePoint() + (char) b.codePoint()
                    + " in " + l.text());
        }
    }

    // ---- punctuation compression -------------------------------------------------------------------

    @Test
    void adjacentMarksTakeOneAndAHalfEm() {
        SetLine l = set("他说：“好。”然后", 30, 0).lines().getFirst();
        assertEquals(1.5f, em(glyph(l, '好', 0).x() - glyph(l, '：', 0).x()), 1e-3, "：“ is 1.5 em");
        assertEquals(1.5f, em(glyph(l, '然', 0).x() - glyph(l, '。', 0).x()), 1e-3, "。” is 1.5 em");
        SetLine m = set("结果（见表）（见图）好", 30, 0).lines().getFirst();
        assertEquals(1.5f, em(glyph(m, '见', 1).x() - glyph(m, '）', 0).x()), 1e-3, "）（ is 1.5 em");
    }

    @Test
    void aMarkAtTheEndOfALineIsSetHalfWidth() {
        Galley g = set("一二三四五六七八九。十一二三", 10, 0);
        SetLine first = g.lines().getFirst();
        assertEquals("一二三四五六七八九。", lines(g).getFirst());
        assertEquals(9.5f, em(glyph(first, '。', 0).x()), 1e-3, "its blank half hangs past the edge");
        assertEquals(10f, em(first.inkEnd()), 1e-3);
    }

    @Test
    void aCentredMarkIsNeverSqueezed() {
        // UKai centres ，and 。 in their em, so there is no blank half to take
        SetLine l = Typesetter.set("一二三四五六七八九，十一二三", Styles.kai(), 10 * EM).lines().getFirst();
        Glyph comma = glyph(l, '，', 0);
        assertEquals(l.inkEnd(), comma.x() + EM, 1e-3);
    }

    // ---- justification, gaps, indent ---------------------------------------------------------------

    @Test
    void everyLineButTheLastEndsFlushRight() {
        for (StressCopy.Paragraph p : StressCopy.generate(7, 12)) {
            for (int width : new int[] {9, 12, 20}) {
                Galley g = Typesetter.set(p.text(), Styles.body(), width * EM);
                for (int i = 0; i < g.size(); i++) {
                    SetLine l = g.lines().get(i);
                    if (i < g.size() - 1) {
                        assertEquals(width * EM, l.inkEnd(), 0.01f, "flush: " + l.text());
                    } else if (g.size() > 1) {
                        assertEquals(0, l.spacing(), 0, "the last line is set solid: " + l.text());
                    }
                }
            }
        }
        Galley g = set(han(30), 12, 2);
        assertTrue(g.lines().getLast().inkEnd() < 12 * EM, "the last line is flush left");
    }

    @Test
    void latinAmongHanGetsAQuarterEmButNoneNextToPunctuation() {
        SetLine l = set("中文DNA中文，DNA。", 30, 0).lines().getFirst();
        Glyph a = glyph(l, 'A', 0);
        assertEquals(2.25f, em(glyph(l, 'D', 0).x()), 1e-3);
        assertEquals(0.25f, em(glyph(l, '中', 1).x() - a.x() - a.face().advance('A') * EM), 1e-3);
        assertEquals(1f, em(glyph(l, 'D', 1).x() - glyph(l, '，', 0).x()), 1e-3, "none after ，");
        Glyph a2 = glyph(l, 'A', 1);
        assertEquals(0f, em(glyph(l, '。', 0).x() - a2.x() - a2.face().advance('A') * EM), 1e-3, "none before 。");
        // a typed space between Han and Latin becomes the same quarter em
        SetLine spaced = set("中文 DNA 中文，DNA。", 30, 0).lines().getFirst();
        assertEquals(glyph(l, '中', 1).x(), glyph(spaced, '中', 1).x(), 1e-3);
    }

    @Test
    void noGapIsSetAtALineStart() {
        Galley g = set("春江潮水连海平明DNA月共生", 8, 0);
        assertEquals("DNA月共生", lines(g).get(1));
        assertEquals(0f, visible(g.lines().get(1)).getFirst().x(), 1e-3);
    }

    @Test
    void theFirstLineIsIndentedTwoEm() {
        Galley g = set(han(40), 12, 2);
        assertEquals(2f, em(g.lines().get(0).glyphs().getFirst().x()), 1e-3);
        assertEquals(0f, em(g.lines().get(1).glyphs().getFirst().x()), 1e-3);
        assertEquals(10, lines(g).getFirst().length());
    }

    @Test
    void aMiddleDotIsCentredInAFullEm() {
        SetLine l = set("学党史·回顾", 30, 0).lines().getFirst();
        assertEquals(2f, em(glyph(l, '回', 0).x() - glyph(l, '史', 0).x()), 1e-3);
    }

    // ---- the paragraph's last line ------------------------------------------------------------------

    @Test
    void noParagraphEndsOnALoneCharacter() {
        for (int width = 8; width <= 30; width++) {
            for (int n = 1; n <= 70; n++) {
                for (String end : new String[] {"。", "。”", "……"}) {
                    Galley g = set(han(n) + end, width, 2);
                    if (g.size() < 2) continue;
                    long letters = lines(g).getLast().codePoints().filter(Character::isLetterOrDigit).count();
                    assertTrue(letters >= 2, width + " em: " + lines(g));
                }
            }
        }
    }

    // ---- hard lines ---------------------------------------------------------------------------------

    @Test
    void slackBeforeALongWordIsSharedBetweenLinesNotLeftInOne() {
        // greedy filling leaves seven characters and five em of slack before the word on line 2
        Galley g = set(han(17) + "Internationalization" + han(6), 12, 2);
        float worst = 0;
        for (SetLine l : g.lines()) worst = Math.max(worst, l.spacing());
        assertTrue(worst < 0.5f, "widest junction " + worst + " em in " + lines(g));
    }

    @Test
    void aWordWiderThanTheColumnIsCondensedToFitFlush() {
        Galley g = set("甲" + "Internationalization" + "乙丙丁", 8, 0);
        SetLine word = g.lines().stream().filter(l -> l.text().contains("Internationalization")).findFirst().orElseThrow();
        assertTrue(word.scale() < 1, "condensed");
        assertEquals(8 * EM, word.inkEnd(), 0.01f);
        assertNoLetterSpacing(word);
    }

    @Test
    void aWordAloneOnItsLineIsWidenedNeverLetterSpaced() {
        Galley g = set("Internationalization Internationalization", 11, 0);
        SetLine first = g.lines().getFirst();
        assertEquals("Internationalization", lines(g).getFirst());
        assertTrue(first.scale() > 1, "widened to the measure");
        assertEquals(11 * EM, first.inkEnd(), 0.01f);
        assertNoLetterSpacing(first);
    }

    @Test
    void theWordSpaceAtABreakStaysInTheTextLayerPastTheLineEnd() {
        Galley g = set("open source software", 8, 0);
        SetLine first = g.lines().getFirst();
        Glyph last = first.glyphs().getLast();
        assertEquals(' ', last.codePoint());
        assertTrue(last.x() >= 8 * EM - 0.01f);
    }

    @Test
    void everyCharacterOfTheCopyIsSetOnceInOrder() {
        for (StressCopy.Paragraph p : StressCopy.generate(11, 20)) {
            for (int width = 8; width <= 30; width += 3) {
                assertEquals(p.bare(), String.join("", lines(Typesetter.set(p.text(), Styles.body(), width * EM))));
            }
        }
    }

    @Test
    void aCentredHeadlineIsBalancedAcrossItsLines() {
        TextStyle headline = Styles.body(0).withAlign(TextStyle.Align.CENTER);
        // 16 characters in a 14-character measure: two lines of 8, never 14 + 2 or 1 + 15
        Galley g = Typesetter.set(han(16), headline, 14 * EM);
        assertEquals(2, g.size(), lines(g).toString());
        int first = lines(g).get(0).length();
        int second = lines(g).get(1).length();
        assertTrue(Math.abs(first - second) <= 1, "balanced: " + lines(g));
    }
}
