package paiban.compose;

import org.junit.jupiter.api.Test;
import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every piece of every article is printed, and a build whose set text lacks a character fails. */
class NothingLostTest {

    private static Path issueWithABrief() throws IOException {
        Path dir = FixtureIssue.ofShape(77L, new FixtureIssue.Shape(6_000, 1, 1)).write(ComposedIssues.fresh("brief-kicker"), "issue");
        Files.writeString(dir.resolve("articles/zz-brief.md"), """
                ---
                title: 省科协发布防汛科普提示
                kicker: 汛期安全
                subtitle: 相关成果发表于国际学术期刊
                section: 要闻
                priority: 5
                ---

                近日，省科协发布防汛科普提示，提醒市民关注天气预报，远离危险区域。
                """);
        return dir;
    }

    @Test
    void aBriefKeepsItsKickerAndSubtitle() throws IOException {
        Issue issue = IssueReader.read(issueWithABrief());
        Composer.Composition c = ComposedIssues.compose(issue);
        Module brief = c.pages().stream().flatMap(p -> p.modules().stream()).filter(m -> m.slug().equals("zz-brief"))
                .findFirst().orElseThrow();
        String text = ComposedIssues.moduleText(brief);
        assertTrue(text.contains("汛期安全"), "kicker: " + text);
        assertTrue(text.contains("相关成果发表于国际学术期刊"), "subtitle: " + text);
        assertTrue(brief.text().stream().anyMatch(l -> l.kind() == LineKind.KICKER)
                && brief.text().stream().anyMatch(l -> l.kind() == LineKind.SUBTITLE), "set as kicker and subtitle lines");
    }

    @Test
    void pagesThatLackACharacterOfTheCopyFailNamingTheArticleAndTheText() throws IOException {
        Issue issue = IssueReader.read(issueWithABrief());
        List<Page> pages = ComposedIssues.compose(issue).pages();
        FullTextCheck.verify(issue, pages); // the real pages pass
        // drop one body line of the brief: the check must name the article and the text that went missing
        List<Page> damaged = new ArrayList<>();
        for (Page p : pages) {
            List<Module> modules = new ArrayList<>();
            for (Module m : p.modules()) {
                if (m.slug().equals("zz-brief")) {
                    List<PlacedLine> text = new ArrayList<>(m.text());
                    text.remove(text.stream().filter(l -> l.kind() == LineKind.BODY).findFirst().orElseThrow());
                    m = new Module(m.slug(), m.title(), m.kind(), m.column(), m.span(), m.line(), m.lines(), text, m.photos());
                }
                modules.add(m);
            }
            damaged.add(new Page(p.number(), p.sections(), modules));
        }
        PaibanException e = assertThrows(PaibanException.class, () -> FullTextCheck.verify(issue, damaged));
        assertTrue(e.getMessage().startsWith("articles/zz-brief.md (article 'zz-brief')"), e.getMessage());
        assertTrue(e.getMessage().contains("body lacks '近日"), e.getMessage());
    }
}
