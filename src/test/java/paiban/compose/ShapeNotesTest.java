package paiban.compose;

import org.junit.jupiter.api.Test;
import paiban.copy.IssueReader;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A vertical headline (竖排标题) that falls back to one across the module is named in the build's warnings. */
class ShapeNotesTest {

    @Test
    void aShortStoryAskingForAVerticalHeadlineIsSetAsABriefAndTheBuildSaysSo() throws IOException {
        Path dir = VerticalHeadlineTest.issue("tabloid");
        String section = Files.readAllLines(dir.resolve("articles/zz-vertical.md")).stream()
                .filter(l -> l.startsWith("section: ")).findFirst().orElseThrow().substring(9);
        Files.writeString(dir.resolve("articles/zz-short.md"), """
                ---
                title: 市科协召开年度工作会议
                section: %s
                priority: 3
                headline: vertical
                ---

                本报讯　近日，市科协召开年度工作会议，总结去年工作，部署今年任务。
                """.formatted(section));
        Issue issue = IssueReader.read(dir);
        Composer.Composition c = ComposedIssues.compose(issue);
        List<String> notes = c.warnings().stream().filter(w -> w.contains("vertical headline")).toList();
        assertEquals(List.of("articles/zz-short.md (article 'zz-short'): its vertical headline (headline: vertical) is set"
                + " across the module instead, because the story is set as a brief, whose head is always one line across"), notes);
        // and the brief's head really is across: no line of it is set vertically
        for (Page p : c.pages()) {
            for (Module m : p.modules()) {
                if (!m.slug().equals("zz-short")) continue;
                assertTrue(m.text().stream().noneMatch(l -> l.line().vertical()), "a vertical line in zz-short's module");
            }
        }
    }

    @Test
    void aOneColumnModuleNamesTheHeadlinesColumns() throws IOException {
        Issue issue = IssueReader.read(VerticalHeadlineTest.issue("tabloid"));
        paiban.render.Layout l = ComposedIssues.layout("tabloid");
        ModuleBuilder b = new ModuleBuilder(l.grid(), l.styles(), l.rules());
        Piece p = new Piece(new Story(issue.article("zz-vertical").orElseThrow(), l.grid(), l.styles(), l.rules()), 0, 0);
        ShapeNotes notes = new ShapeNotes();
        notes.built(new Slot(p, 0, 1, 0, 60, 0, 0, p.story().rows().size(), Rank.OTHER), b);
        List<String> w = notes.notes(List.of());
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.getFirst().startsWith("articles/zz-vertical.md (article 'zz-vertical'): its vertical headline"
                + " (headline: vertical) is set across the module instead, because its module is 1 column wide and the"
                + " headline's columns take 1, which leaves no column of body text beside them"), w.getFirst());
    }
}
