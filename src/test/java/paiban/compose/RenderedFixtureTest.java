package paiban.compose;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import paiban.cli.Main;
import paiban.copy.IssueReader;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standard fixture built to a PDF: what composition placed is what a reader extracts from the pages. */
class RenderedFixtureTest {

    @Test
    void everyModulesTextIsOnItsPageOfThePdf() throws IOException {
        Path folder = ComposedIssues.standardFixture();
        Path out = ComposedIssues.fresh("standard-out");
        assertEquals(0, Main.run("build", folder.toString(), "--out", out.toString()));
        Issue issue = IssueReader.read(folder);
        List<Page> pages = ComposedIssues.compose(issue).pages();
        try (PDDocument pdf = Loader.loadPDF(out.resolve("fixture/print.pdf").toFile())) {
            assertEquals(pages.size(), pdf.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            for (Page p : pages) {
                stripper.setStartPage(p.number());
                stripper.setEndPage(p.number());
                String text = ComposedIssues.squeeze(stripper.getText(pdf));
                assertTrue(text.contains("第" + p.number() + "版"), "page " + p.number() + " has no 报眉 page number");
                assertTrue(text.contains(p.section()), "page " + p.number() + " has no section in its 报眉");
                assertTrue(text.contains("责任编辑：测试编辑"), "page " + p.number() + " has no editor line");
                for (Module m : p.modules()) {
                    String placed = ComposedIssues.moduleText(m);
                    assertTrue(text.contains(placed), "page " + p.number() + ": the text of " + m.slug() + " (" + m.kind()
                            + ") is not in the PDF as placed: " + placed.substring(0, Math.min(40, placed.length())));
                }
            }
            // and so every article's whole copy is in the PDF: the composed text is checked against the
            // source in AutomaticCompositionTest, and here the composed text against the PDF
            for (var a : issue.articles()) {
                String all = ComposedIssues.squeeze(new PDFTextStripper().getText(pdf));
                for (var b : a.body()) {
                    if (b instanceof paiban.model.Block.Subhead h) assertTrue(all.contains(ComposedIssues.squeeze(h.text())));
                }
                assertTrue(all.contains(ComposedIssues.squeeze(a.title())), a.slug() + "'s title");
            }
        }
    }
}
