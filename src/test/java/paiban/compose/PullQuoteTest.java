package paiban.compose;

import org.junit.jupiter.api.Test;
import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pull quote (引语) from the {@code quote:} key: set large on a page that carries its story, never as copy. */
class PullQuoteTest {

    private static final String SENTENCE = "科普工作要接地气，才能真正走进群众心里。";

    private static Path issue(String quote) throws IOException {
        Path dir = FixtureIssue.ofShape(1003L, new FixtureIssue.Shape(12_000, 4, 0)).write(ComposedIssues.fresh("quote"), "issue");
        Files.writeString(dir.resolve("articles/zz-quoted.md"), """
                ---
                title: 科协专家走进乡村开展科普讲座
                section: 农技
                priority: 2
                quote: "%s"
                ---

                本报讯　近日，省科协组织专家走进乡村，为村民讲解农业新技术。%s专家说。活动现场，村民们纷纷提问，专家一一作答。
                """.formatted(quote, SENTENCE));
        return dir;
    }

    @Test
    void aQuoteStandsOnAPageThatCarriesItsStoryAndIsNotCountedAsItsCopy() throws IOException {
        Issue issue = IssueReader.read(issue(SENTENCE));
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule("with a quote: ", issue, c);
        List<Page> withQuote = c.pages().stream().filter(p -> p.modules().stream().anyMatch(m -> m.kind() == ModuleKind.QUOTE)).toList();
        // the story's page is short of copy: the quote is one of the things that fill it
        assertEquals(1, withQuote.size(), "pages with the quote");
        for (Page p : withQuote) {
            Module q = p.modules().stream().filter(m -> m.kind() == ModuleKind.QUOTE).findFirst().orElseThrow();
            assertEquals(ComposedIssues.squeeze(SENTENCE), ComposedIssues.moduleText(q));
            assertTrue(p.modules().stream().anyMatch(m -> m.kind().article() && m.slug().equals(q.slug())),
                    "the quote of " + q.slug() + " stands on page " + p.number() + " without its story");
        }
    }

    @Test
    void aQuoteThatIsNotInTheBodyIsRefusedNamingTheFieldAndArticle() throws IOException {
        Path dir = issue("这句话文中没有。");
        PaibanException e = assertThrows(PaibanException.class, () -> IssueReader.read(dir));
        assertTrue(e.getMessage().startsWith("articles/zz-quoted.md:5: article 'zz-quoted': the field 'quote' must be a sentence"),
                e.getMessage());
    }
}
