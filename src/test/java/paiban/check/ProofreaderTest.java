package paiban.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proofreader on made-up pages of glyphs: a clean page of three columns, and the same page with
 * one fault at a time. Each fault must be found, as what it is, and nothing else.
 */
class ProofreaderTest {

    static final float SIZE = 9;
    static final float PITCH = 13.5f;
    static final int WIDTH = 10;

    /** A page under construction: lines of text placed on the grid of three ten-em columns. */
    static final class Page {
        final List<PrintedGlyph> glyphs = new ArrayList<>();

        /** Sets {@code text} at {@code column}, {@code row}, from {@code indent} em, each character one em. */
        Page line(int column, int row, float indent, String text) {
            return line(column, row, indent, text, 0, 0);
        }

        Page line(int column, int row, float indent, String text, float dy, float spacing) {
            float x = 36 + column * (WIDTH + 1) * SIZE + indent * SIZE;
            float y = 50 + row * PITCH + dy;
            for (int cp : text.codePoints().toArray()) {
                String s = new String(Character.toChars(cp));
                float adv = cp == ' ' ? 0.25f : cp < 0x80 ? 0.5f : 1f;
                float[] ink = Marks.closing(cp) ? new float[] {0.05f, 0.35f} : Marks.opening(cp) ? new float[] {0.6f, 0.95f}
                        : new float[] {0, 1};
                glyphs.add(new PrintedGlyph(s, x, y, adv * SIZE, SIZE, "Body-Regular", "Body", ink[0], ink[1], null));
                x += adv * SIZE + spacing * SIZE;
            }
            return this;
        }

        Page glyph(PrintedGlyph g) {
            glyphs.add(g);
            return this;
        }

        Report check() {
            return Proofreader.check("test.pdf", List.of(glyphs), null);
        }
    }

    /** Three columns: two paragraphs that run from column to column, each line ten em or a short last line. */
    static Page clean() {
        Page p = new Page();
        p.line(0, 0, 2, "一二三四五六七八").line(0, 1, 0, "一二三四五六七八九十").line(0, 2, 0, "一二三四五六七八九十")
                .line(0, 3, 0, "一二三四五六七八九十");
        p.line(1, 0, 0, "一二三四五六七八九十").line(1, 1, 0, "一二三，五六七八九。").line(1, 2, 0, "一二三四五六")
                .line(1, 3, 2, "一二三四五六七八");
        p.line(2, 0, 0, "一二三四五六七八九十").line(2, 1, 0, "一二三四五六七八九十").line(2, 2, 0, "一二三四。")
                .line(2, 3, 2, "一二三四五六七八");
        return p;
    }

    @Test
    void aCleanPageHasNothingToMark() {
        Report r = clean().check();
        assertTrue(r.clean(), r.findings().toString());
        assertEquals(3, r.columns());
        assertEquals(12, r.bodyLines());
        assertEquals(PITCH, r.pitch(), 0.01);
        assertEquals(100.0, r.onGridPercent(), 0.01);
    }

    @Test
    void aClosingMarkAtALineStartIsMarked() {
        Report r = clean().line(0, 5, 0, "一二三四五六七八九十").line(0, 6, 0, "，二三四五六七八九十").line(0, 7, 0, "一二").check();
        assertOnly(r, Finding.Kind.LINE_START);
    }

    @Test
    void anOpeningMarkAtALineEndIsMarked() {
        Report r = clean().line(0, 5, 0, "一二三四五六七八九“").line(0, 6, 0, "一二三四五”").check();
        assertOnly(r, Finding.Kind.LINE_END);
    }

    @Test
    void aSingleDashAtALineStartIsMarkedButADoubledOneIsNot() {
        assertOnly(clean().line(0, 5, 0, "一二三四五六七八九十").line(0, 6, 0, "—二三").check(), Finding.Kind.LINE_START);
        assertTrue(clean().line(0, 5, 0, "一二三四五六七八九十").line(0, 6, 0, "——三四").check().clean());
    }

    @Test
    void aDoubledDashSplitAcrossLinesIsMarked() {
        Report r = clean().line(0, 5, 0, "一二三四五六七八九—").line(0, 6, 0, "—二三").check();
        assertEquals(1, r.count(Finding.Kind.SPLIT), r.findings().toString());
    }

    @Test
    void anEllipsisSplitAcrossLinesIsMarked() {
        Report r = clean().line(0, 5, 0, "一二三四五六七八九…").line(0, 6, 0, "…二三").check();
        assertOnly(r, Finding.Kind.SPLIT);
    }

    @Test
    void aNumberSplitFromItsUnitIsMarked() {
        Report r = clean().line(0, 5, 0, "一二三四五六七八九12").line(0, 6, 0, "%二三").check();
        assertEquals(1, r.count(Finding.Kind.SPLIT), r.findings().toString());
        assertOnly(clean().line(0, 5, 0, "一二三四五六七八九1.").line(0, 6, 0, "5二三").check(), Finding.Kind.SPLIT);
        assertOnly(clean().line(0, 5, 0, "一二三四五六七八九13").line(0, 6, 0, "级二三").check(), Finding.Kind.SPLIT);
    }

    @Test
    void aLatinWordSplitIsMarkedButABreakAtAKeptSpaceIsNot() {
        assertOnly(clean().line(0, 5, 0, "一二三四五六七八Type").line(0, 6, 0, "face二三").check(), Finding.Kind.SPLIT);
        assertTrue(clean().line(0, 5, 0, "一二三四五六七八Open ").line(0, 6, 0, "Type二三").check().clean());
    }

    @Test
    void aShortLineInsideAParagraphIsRagged() {
        Report r = clean().line(0, 5, 0, "一二三四五六七八九").line(0, 6, 0, "一二三四五").check();
        assertOnly(r, Finding.Kind.RAGGED);
    }

    @Test
    void aShortLineAtAColumnFootIsRaggedWhenTheParagraphGoesOnInTheNextColumn() {
        Page p = new Page();
        p.line(0, 0, 2, "一二三四五六七八").line(0, 1, 0, "一二三四五六七八九十").line(0, 2, 0, "一二三四五六七八九");
        p.line(1, 0, 0, "一二三四五六七八九十").line(1, 1, 0, "一二三四五六七八九十").line(1, 2, 0, "一二三");
        Report r = p.check();
        assertOnly(r, Finding.Kind.RAGGED);
        assertEquals(1, r.findings().getFirst().column());
    }

    @Test
    void aLineBeforeASubheadEndsItsParagraph() {
        Page p = clean();
        p.line(0, 5, 2, "一二三四五六七八").line(0, 6, 0, "一二三四");
        // a subhead in a larger size, alone in the column
        for (int i = 0; i < 4; i++) {
            p.glyph(new PrintedGlyph("标", 36 + (3 + i) * SIZE, 50 + 8 * PITCH, 10, 10, "Head-Bold", "Head", 0, 1, null));
        }
        p.line(0, 9, 2, "一二三四五六七八").line(0, 10, 0, "一二三四五");
        assertTrue(p.check().clean(), p.check().findings().toString());
    }

    @Test
    void aBodyLineOffTheGridIsMarked() {
        Report r = clean().line(0, 5, 2, "一二三四五六七八").line(0, 6, 0, "一二三四", 1.5f, 0).check();
        assertOnly(r, Finding.Kind.OFF_GRID);
        assertTrue(r.onGridPercent() < 100);
    }

    @Test
    void aLoneLastCharacterIsMarked() {
        Report r = clean().line(0, 5, 2, "一二三四五六七八").line(0, 6, 0, "九。").check();
        assertOnly(r, Finding.Kind.LONE);
    }

    @Test
    void aGlyphTheFontLacksIsMarked() {
        Report r = clean().glyph(new PrintedGlyph("字", 36, 50 + 10 * PITCH, SIZE, 4, "Body-Regular", "Body", 0, 1,
                "glyph 0 (.notdef) in Body-Regular")).check();
        assertOnly(r, Finding.Kind.MISSING_GLYPH);
    }

    @Test
    void aLineEndingInASqueezedMarkIsFlush() {
        // the stop set half-width at the line's end: its em box overhangs the edge by half an em
        Page p = clean();
        p.line(0, 5, 0, "一二三四五六七八九。").line(0, 6, 0, "一二三");
        p.glyphs.removeIf(g -> g.baseline() == 50 + 5 * PITCH && g.text().equals("。"));
        p.glyph(new PrintedGlyph("。", 36 + 9.5f * SIZE - 0.5f * SIZE, 50 + 5 * PITCH, SIZE, SIZE, "Body-Regular", "Body",
                0.05f, 0.35f, null));
        assertTrue(p.check().clean(), p.check().findings().toString());
    }

    @Test
    void justificationSpaceDoesNotMakeALineRagged() {
        Page p = clean().line(0, 5, 0, "一二三四五六七八九", 0, 1f / 8).line(0, 6, 0, "一二");
        assertTrue(p.check().clean(), p.check().findings().toString());
    }

    /** Sets {@code text} from {@code x} on {@code baseline}, one em a character, justified to {@code measure} em when given. */
    static void set(Page p, float x, float baseline, String text, float measure) {
        int n = text.codePointCount(0, text.length());
        float spacing = measure > 0 && n > 1 ? (measure * SIZE - n * SIZE) / (n - 1) : 0;
        for (int cp : text.codePoints().toArray()) {
            float[] ink = Marks.closing(cp) ? new float[] {0.05f, 0.35f} : new float[] {0, 1};
            p.glyph(new PrintedGlyph(new String(Character.toChars(cp)), x, baseline, SIZE, SIZE, "Body-Regular", "Body", ink[0],
                    ink[1], null));
            x += SIZE + spacing;
        }
    }

    /**
     * Two modules one above the other, both from the left margin: three columns of 10 em, then two of
     * 15.5 em. Read page-wide by x, their lines fell into one column and every short measure was ragged.
     */
    static Page twoMeasures() {
        Page p = new Page();
        for (int c = 0; c < 3; c++) {
            float x = 36 + c * 11 * SIZE;
            set(p, x + 2 * SIZE, 50, "一二三四五六七八", 8);
            for (int r = 1; r < 5; r++) set(p, x, 50 + r * PITCH, "一二三四五六七八九十", 10);
            set(p, x, 50 + 5 * PITCH, "一二三。", 0);
        }
        for (int c = 0; c < 2; c++) {
            float x = 36 + c * 16.5f * SIZE;
            float top = 50 + 9 * PITCH;
            set(p, x + 2 * SIZE, top, "一二三四五六七八九十一二三", 13.5f);
            for (int r = 1; r < 5; r++) set(p, x, top + r * PITCH, "一二三四五六七八九十一二三四五", 15.5f);
            set(p, x, top + 5 * PITCH, "一二三四。", 0);
        }
        return p;
    }

    @Test
    void modulesOfDifferentMeasuresAreColumnsOfTheirOwn() {
        Report r = twoMeasures().check();
        assertTrue(r.clean(), r.findings().toString());
        assertEquals(5, r.columns());
        assertEquals(30, r.bodyLines());
    }

    @Test
    void aShortLineInTheWiderModuleIsStillRagged() {
        Page p = twoMeasures();
        float baseline = 50 + 11 * PITCH;
        p.glyphs.removeIf(g -> g.baseline() == baseline && g.x() < 36 + 16 * SIZE);
        set(p, 36, baseline, "一二三四五六七八九十一二", 0);
        Report r = p.check();
        assertOnly(r, Finding.Kind.RAGGED);
        assertEquals(baseline, r.findings().getFirst().baseline(), 0.01);
    }

    @Test
    void aSubheadTwoLinesBelowAColumnFootEndsTheParagraphThoughTheNextColumnGoesOnBesideIt() {
        Page p = new Page();
        // column 1: a paragraph ending short at row 3; a subhead at row 5 (a blank row above it)
        set(p, 36 + 2 * SIZE, 50, "一二三四五六七八", 8);
        for (int r = 1; r < 3; r++) set(p, 36, 50 + r * PITCH, "一二三四五六七八九十", 10);
        set(p, 36, 50 + 3 * PITCH, "一二三四。", 0);
        for (int i = 0; i < 4; i++) {
            p.glyph(new PrintedGlyph("标", 36 + (3 + i) * 9.5f, 50 + 5 * PITCH + 0.2f, 9.5f, 9.5f, "Head-Bold", "Head", 0, 1, null));
        }
        set(p, 36 + 2 * SIZE, 50 + 6 * PITCH, "一二三四五六七八", 8);
        set(p, 36, 50 + 7 * PITCH, "一二三四五六七八九十", 10);
        set(p, 36, 50 + 8 * PITCH, "一二三四五六七八九十", 10);
        // column 2 goes on with that paragraph and runs full beside, a line on the subhead's baseline
        for (int r = 0; r < 8; r++) set(p, 36 + 11 * SIZE, 50 + r * PITCH, "一二三四五六七八九十", 10);
        set(p, 36 + 11 * SIZE, 50 + 8 * PITCH, "一二三。", 0);
        Report r = p.check();
        assertTrue(r.clean(), r.findings().toString());
    }

    @Test
    void aRightAlignedSourceIsAParagraphOfItsOwn() {
        Page p = clean();
        set(p, 36, 50 + 5 * PITCH, "一二三四五六七八九十", 10);
        set(p, 36, 50 + 6 * PITCH, "一二三四。", 0);
        set(p, 36 + 4 * SIZE, 50 + 7 * PITCH, "（来源新华社）", 0);
        assertTrue(p.check().clean(), p.check().findings().toString());
    }

    @Test
    void aStopHungPastTheEdgeIsFlush() {
        Page p = clean();
        set(p, 36, 50 + 5 * PITCH, "一二三四五六七八九十，", 0);
        set(p, 36, 50 + 6 * PITCH, "一二三四。", 0);
        assertTrue(p.check().clean(), p.check().findings().toString());
    }

    /**
     * A story's last two columns, its last paragraph ending short at the second one's foot, and a third column
     * beside them, cut to the same height, whose first line goes on with a paragraph (not indented): the
     * continuation of another story, as a4 sets the peer set's copy.
     */
    static Page besideAnother() {
        Page p = new Page();
        p.line(0, 0, 2, "一二三四五六七八").line(0, 1, 0, "一二三四五六七八九十").line(0, 2, 0, "一二三四五六七八九十")
                .line(0, 3, 0, "一二三四五六七八九十");
        p.line(1, 0, 0, "一二三四五六七八九十").line(1, 1, 0, "一二三四五六七八九十").line(1, 2, 0, "一二三四五六七八九十")
                .line(1, 3, 0, "一二三。");
        p.line(2, 0, 0, "一二三四五六七八九十").line(2, 1, 0, "一二三四五六七八九十").line(2, 2, 0, "一二三四五六七八九十")
                .line(2, 3, 2, "一二三四五六七八");
        return p;
    }

    /** {@code n} glyphs of a 12-pt head (4/3 the body) from {@code x}, two lines above the columns' first. */
    static void head(Page p, float x, int n, float baseline) {
        for (int i = 0; i < n; i++) {
            p.glyph(new PrintedGlyph("标", x + i * 12, baseline, 12, 12, "Head-Bold", "Head", 0, 1, null));
        }
    }

    @Test
    void aColumnUnderAHeadOfItsOwnOpensAnotherStory() {
        Page p = besideAnother();
        // the story's head over its two columns; the continuation's own jump head over the third, on the same line
        head(p, 36 + 4 * SIZE, 12, 50 - 2 * PITCH);
        head(p, 36 + 24 * SIZE, 4, 50 - 2 * PITCH);
        Report r = p.check();
        assertTrue(r.clean(), r.findings().toString());
    }

    @Test
    void aHeadAcrossAllThreeColumnsKeepsThemOneStory() {
        Page p = besideAnother();
        head(p, 36 + 4 * SIZE, 16, 50 - 2 * PITCH);
        Report r = p.check();
        assertOnly(r, Finding.Kind.RAGGED);
        assertEquals(2, r.findings().getFirst().column(), r.findings().toString());
    }

    @Test
    void aShortCentredHeadNotOverTheFirstColumnKeepsTheStoryOne() {
        // one story in four columns, its short head centred on them: over the second and third, not the first
        Page p = new Page();
        for (int c = 0; c < 4; c++) {
            p.line(c, 0, c == 0 ? 2 : 0, c == 0 ? "一二三四五六七八" : "一二三四五六七八九十");
            p.line(c, 1, 0, "一二三四五六七八九十").line(c, 2, 0, "一二三四五六七八九十");
        }
        p.line(0, 3, 0, "一二三四五").line(1, 3, 0, "一二三四五六七八九十").line(2, 3, 0, "一二三四五六七八九十")
                .line(3, 3, 0, "一二三。");
        head(p, 36 + 21.5f * SIZE - 24, 4, 50 - 2 * PITCH);
        Report r = p.check();
        assertOnly(r, Finding.Kind.RAGGED);
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals(50 + 3 * PITCH, r.findings().getFirst().baseline(), 0.01);
    }

    @Test
    void aPullQuoteOverTheNextColumnDoesNotEndTheParagraph() {
        Page p = new Page();
        p.line(0, 0, 2, "一二三四五六七八").line(0, 1, 0, "一二三四五六七八九十").line(0, 2, 0, "一二三四五六七八九十")
                .line(0, 3, 0, "一二三四五六七八九十");
        p.line(1, 0, 0, "一二三四五六七八九十").line(1, 1, 0, "一二三四五六七八九十").line(1, 2, 0, "一二三四五六七八九十")
                .line(1, 3, 0, "一二三四五");
        // the quote stands at the top of the third column, below the story's first line; the body goes on under it
        head(p, 36 + 23 * SIZE, 6, 50 + PITCH);
        p.line(2, 3, 0, "一二三四五六七八九十");
        Report r = p.check();
        assertOnly(r, Finding.Kind.RAGGED);
        assertEquals(2, r.findings().getFirst().column());
    }

    private static void assertOnly(Report r, Finding.Kind kind) {
        assertTrue(r.count(kind) > 0, "expected " + kind + " in " + r.findings());
        for (Finding f : r.findings()) assertEquals(kind, f.kind(), r.findings().toString());
    }
}
