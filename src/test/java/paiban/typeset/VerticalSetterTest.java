package paiban.typeset;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A vertical headline's columns (竖排), set top to bottom by clreq §3.3. */
class VerticalSetterTest {

    static final float SIZE = 22f;

    static TextStyle headline() {
        FontBook f = Styles.fonts();
        return new TextStyle(f.chain(f.role("headline")), f.chain(f.role("headline")), SIZE, 29f, TextStyle.Align.CENTER, 0, 0);
    }

    static Galley set(String text, float em) {
        return VerticalSetter.set(text, headline(), em * SIZE);
    }

    @Test
    void hanStandsUprightOneEmBelowTheOther() {
        SetLine l = set("科技创新大赛", 20).lines().getFirst();
        assertTrue(l.vertical());
        assertEquals("科技创新大赛", l.text());
        for (int i = 0; i < l.glyphs().size(); i++) {
            Glyph g = l.glyphs().get(i);
            assertEquals(Glyph.Orientation.UPRIGHT, g.orientation());
            assertEquals(i * SIZE, g.x(), 0.01f, "cell " + i);
            assertEquals(0, g.across(), 0.01f, "a Han glyph fills its em across");
        }
        assertEquals(6 * SIZE, l.width(), 0.01f, "the column is as long as its cells");
    }

    @Test
    void marksTakeTheirVerticalFormsAndKeepTheirTextForTheTextLayer() {
        SetLine l = set("科技，“创新”。", 20).lines().getFirst();
        assertEquals("科技，“创新”。", l.text());
        assertEquals(0xFE10, l.glyphs().get(2).drawn());
        assertEquals(Glyph.Orientation.VERTICAL_FORM, l.glyphs().get(2).orientation());
        assertEquals('﹃', l.glyphs().get(3).drawn(), "GB/T 15834: double quotes become ﹃﹄ in vertical text");
        assertEquals('﹄', l.glyphs().get(6).drawn());
        assertEquals(0xFE12, l.glyphs().get(7).drawn());
    }

    @Test
    void twoOrThreeDigitsShareOneUprightCell() {
        for (String n : List.of("36", "120")) {
            SetLine l = set("第" + n + "届大赛", 20).lines().getFirst();
            List<Glyph> digits = l.glyphs().subList(1, 1 + n.length());
            float right = 0;
            for (Glyph g : digits) {
                assertEquals(Glyph.Orientation.UPRIGHT, g.orientation());
                assertEquals(SIZE, g.x(), 0.01f, n + ": every digit in the second cell");
                assertTrue(g.across() >= right - 0.01f, n + ": digits side by side, left to right");
                right = g.across() + g.face().advance(g.codePoint()) * g.scale() * SIZE;
            }
            assertTrue(digits.getFirst().across() >= -0.01f && right <= SIZE + 0.01f, n + ": the digits keep within an em");
            assertEquals(2 * SIZE, l.glyphs().get(1 + n.length()).x(), 0.01f, n + ": the next character one cell down");
        }
    }

    @Test
    void longerRunsOfDigitsAndLatinTurnSideways() {
        SetLine l = set("2021年5G网络", 20).lines().getFirst();
        List<Glyph> year = l.glyphs().subList(0, 4);
        float at = 0;
        for (Glyph g : year) {
            assertEquals(Glyph.Orientation.SIDEWAYS, g.orientation());
            assertEquals(at, g.x(), 0.01f, "a sideways run keeps its own advances down the line");
            at += g.face().advance(g.codePoint()) * SIZE;
        }
        assertEquals(at, l.glyphs().get(4).x(), 0.01f, "年 follows the run");
        assertEquals(Glyph.Orientation.SIDEWAYS, l.glyphs().get(5).orientation(), "5G: Latin, not a number, so sideways");
    }

    @Test
    void noColumnStartsWithAClosingMarkOrEndsWithAnOpeningOne() {
        String title = "“科技强省”战略：推动创新（试点），成果丰硕！《规划》发布——全面推进";
        for (int em = 3; em <= 30; em++) {
            List<SetLine> cols = set(title, em).lines();
            StringBuilder all = new StringBuilder();
            for (SetLine c : cols) {
                String t = c.text();
                all.append(t);
                assertFalse(CharClass.noStart(t.codePointAt(0)), em + " em: a column starts with " + t);
                assertFalse(CharClass.noEnd(t.codePointBefore(t.length())), em + " em: a column ends with " + t);
                assertFalse(t.startsWith("—") && !t.startsWith("——"), em + " em: a single dash starts " + t);
                assertTrue(c.width() <= em * SIZE + 0.01f, em + " em: a column is longer than its measure");
            }
            assertEquals(title, all.toString(), em + " em: the title is set whole, in order");
        }
    }

    @Test
    void aLongTitleBreaksIntoEvenColumns() {
        List<SetLine> cols = set("第36届青少年科技创新大赛在江门开幕", 9).lines();
        assertEquals(2, cols.size());
        assertTrue(Math.abs(cols.get(0).width() - cols.get(1).width()) <= SIZE + 0.01f, "columns differ by a cell at most");
    }

    /**
     * The presentation forms paiban draws are the fonts' own vertical glyphs: for every mark whose glyph
     * Noto's OpenType {@code vert} feature replaces, the replacement is the glyph the cmap gives its form.
     */
    @Test
    void theVerticalFormsAreTheGlyphsOfTheFontsVertFeature() throws IOException {
        for (String role : List.of("headline", "body")) {
            Face face = Styles.fonts().role(role);
            try (TrueTypeCollection ttc = new TrueTypeCollection(new File(face.file()))) {
                TrueTypeFont font = ttc.getFontByName(face.postscript());
                CmapLookup plain = font.getUnicodeCmapLookup();
                font.enableVerticalSubstitutions();
                CmapLookup vert = font.getUnicodeCmapLookup();
                int substituted = 0;
                for (int cp : VerticalForms.marks()) {
                    int own = plain.getGlyphId(cp);
                    int vertical = vert.getGlyphId(cp);
                    if (own == vertical) continue; // “” ‘’ and — keep their glyph under vert; GB/T 15834 sets ﹃﹄ ﹁﹂ ︱
                    substituted++;
                    assertEquals(vertical, plain.getGlyphId(VerticalForms.of(cp)), role + ": U+"
                            + Integer.toHexString(cp) + "'s vertical form is not the font's vert glyph");
                }
                assertTrue(substituted >= 25, role + ": only " + substituted + " marks have a vert glyph");
            }
        }
    }
}
