package paiban.check;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import paiban.typeset.Galley;
import paiban.typeset.GalleyAudit;
import paiban.typeset.StressCopy;
import paiban.typeset.Styles;
import paiban.typeset.TextStyle;
import paiban.typeset.Typesetter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stress copy set at every column width from 8 to 30 characters, proofread three ways: from the
 * typesetter's own output, by {@code paiban check} on a PDF of it, and from poppler's word boxes.
 */
class StressCopyTest {

    static final int PARAGRAPHS = 40;
    static final int COLUMNS = 3;
    static final int ROWS = 40;

    static final List<StressCopy.Paragraph> copy = new ArrayList<>();
    static final List<GalleyPdf.Section> sections = new ArrayList<>();
    static final List<GalleyAudit> audits = new ArrayList<>();

    @BeforeAll
    static void setTheCopyAtEveryWidth() {
        TextStyle body = Styles.body();
        for (int width = 8; width <= 30; width++) {
            float measure = width * Styles.SIZE;
            List<Galley> galleys = new ArrayList<>();
            GalleyAudit audit = new GalleyAudit();
            for (StressCopy.Paragraph p : StressCopy.generate(20210622L + width, PARAGRAPHS)) {
                Galley g = Typesetter.set(p.text(), body, measure);
                audit.audit(p, g, measure, 2);
                galleys.add(g);
                copy.add(p);
            }
            sections.add(new GalleyPdf.Section(measure, galleys));
            audits.add(audit);
        }
    }

    @Test
    void typesetterBreaksNoRuleAtAnyWidth() {
        for (int i = 0; i < audits.size(); i++) {
            GalleyAudit a = audits.get(i);
            System.out.println("width " + (8 + i) + ": " + a);
            assertTrue(a.clean(), "width " + (8 + i) + ": " + a + "\n" + a.examples());
        }
    }

    @Test
    void checkAndPopplerFindNothingInAPdfOfTheStressCopy() throws Exception {
        // kept under target/ for a look: pdftoppm -r 60 -png target/stress-copy.pdf
        Path pdf = Path.of("target", "stress-copy.pdf");
        float emTop = Styles.fonts().role("body").emTop();
        List<GalleyPdf.Placed> placed = GalleyPdf.write(pdf, sections, COLUMNS, ROWS, Styles.SIZE, Styles.PITCH, emTop);

        Report r = Proofreader.check(pdf, null);
        System.out.println(r.summary());
        r.findings().stream().limit(20).forEach(System.out::println);
        assertTrue(r.clean(), r.summary());
        assertEquals(placed.size(), r.bodyLines(), "every placed line is found as a body line");
        assertEquals(Styles.PITCH, r.pitch(), 0.01, "the pitch is inferred from the lines");
        assertEquals(r.pages() * COLUMNS - countShortPages(placed), r.columns(), "columns are found page by page");

        PopplerAudit poppler = new PopplerAudit(PopplerWords.read(pdf), placed, copy, Styles.SIZE, 2);
        System.out.println(poppler);
        assertTrue(poppler.clean(), poppler + "\n" + poppler.examples());
        assertEquals(placed.size(), poppler.lines);
    }

    /** The last page of each width may leave columns empty. */
    private static int countShortPages(List<GalleyPdf.Placed> placed) {
        java.util.Map<Integer, java.util.Set<Integer>> used = new java.util.HashMap<>();
        for (GalleyPdf.Placed p : placed) used.computeIfAbsent(p.grid().page(), k -> new java.util.HashSet<>()).add(p.column());
        int empty = 0;
        for (var s : used.values()) empty += COLUMNS - s.size();
        return empty;
    }
}
