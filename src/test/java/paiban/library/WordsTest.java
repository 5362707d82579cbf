package paiban.library;

import org.junit.jupiter.api.Test;
import paiban.typeset.Galley;
import paiban.typeset.SetLine;
import paiban.typeset.Styles;
import paiban.typeset.Typesetter;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Set lines cut into ALTO Strings and SPs, on copy the fixtures do not have: Western words, dashes, squeezes. */
class WordsTest {

    static final float EM = Styles.SIZE;

    private static Galley set(String text, int em) {
        return Typesetter.set(text, Styles.body(0), em * EM);
    }

    private static List<String> contents(List<Words.Word> words) {
        List<String> out = new ArrayList<>();
        for (Words.Word w : words) out.add(w.space() ? " " : w.content());
        return out;
    }

    @Test
    void westernWordsAreStringsWithAnSpBetweenThemAndHanCharactersStandAlone() {
        Galley g = set("团队用CRISPR Cas9 gene editing技术。", 40);
        assertEquals(1, g.lines().size());
        List<String> c = contents(Words.of(g.lines().getFirst()));
        assertEquals(List.of("团", "队", "用", "CRISPR", " ", "Cas9", " ", "gene", " ", "editing", "技", "术", "。"), c);
    }

    @Test
    void aSpaceAtABreakIsNoSpAndEveryLineStartsAndEndsWithAString() {
        Galley g = set("He said the quick brown fox jumps over the lazy dog again and again and again.", 8);
        assertTrue(g.lines().size() > 3);
        StringBuilder all = new StringBuilder();
        for (SetLine l : g.lines()) {
            List<Words.Word> w = Words.of(l);
            assertFalse(w.getFirst().space() || w.getLast().space(), l.text());
            for (int i = 0; i + 1 < w.size(); i++) assertFalse(w.get(i).space() && w.get(i + 1).space());
            for (Words.Word x : w) all.append(x.space() ? " " : x.content());
            all.append(' ');
        }
        assertEquals("He said the quick brown fox jumps over the lazy dog again and again and again. ", all.toString());
    }

    @Test
    void doubledDashesAndEllipsesAreOneStringEach() {
        Galley g = set("他说——这是真的……我们走吧", 30);
        assertEquals(List.of("他", "说", "——", "这", "是", "真", "的", "……", "我", "们", "走", "吧"),
                contents(Words.of(g.lines().getFirst())));
    }

    @Test
    void boxesFollowOneAnotherAndSqueezedMarksLoseTheirBlankHalf() {
        // 。“ meet: clreq takes one blank half out of the pair, so the two boxes together are 1½ em wide
        Galley g = set("春江潮水连海平。“明月共生”，滟随波千万里何处无", 30);
        List<Words.Word> w = Words.of(g.lines().getFirst());
        for (int i = 0; i + 1 < w.size(); i++) {
            assertTrue(w.get(i).end() <= w.get(i + 1).start() + 1e-3f, w.get(i).content() + " runs into " + w.get(i + 1).content());
            assertTrue(w.get(i).end() > w.get(i).start(), w.get(i).content());
        }
        int stop = contents(w).indexOf("。");
        assertEquals("“", w.get(stop + 1).content());
        assertEquals(1.5f * EM, w.get(stop + 1).end() - w.get(stop).start(), 0.01f, "。“ together take 1½ em");
        assertEquals(w.get(stop).end(), w.get(stop + 1).start(), 1e-3f, "and touch");
        assertEquals(EM, w.get(0).end() - w.get(0).start(), 0.01f, "a Han character's box is its em");
    }

    @Test
    void aClosingMarkAtTheLineEndEndsAtTheMeasure() {
        Galley g = set("春江潮水连海平明月共生，滟随波千万里何处无春江潮水连海平", 12);
        for (SetLine l : g.lines()) {
            List<Words.Word> w = Words.of(l);
            assertTrue(w.getLast().end() <= l.width() + 1e-3f, l.text() + " ends past its measure");
        }
    }
}
