package paiban.copy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;
import paiban.testing.TestIssues;
import paiban.testing.TestIssues.IssueFolder;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** issue.yaml written wrong: each mistake gets one message naming the file, the line or field, and the fix. */
class IssueYamlErrorsTest {

    @TempDir
    Path tmp;

    private IssueFolder issue(String yaml) {
        return TestIssues.minimal(tmp).issueYaml(yaml);
    }

    @Test
    void theMinimalIssueReadsCleanly() {
        var read = TestIssues.minimal(tmp).read();
        assertEquals("广东科技报", read.paper());
        assertEquals(1024, read.number());
        assertEquals("科技创新大会在广州召开", read.articles().getFirst().title());
    }

    @Test
    void invalidYamlIsReportedWithItsLine() {
        issue("""
                paper: 广东科技报
                date: 2021-06-22
                number: 1024
                layout: [tabloid
                pages: 4
                """).readFailsWith("issue.yaml:", "not valid YAML", "fix the YAML syntax");
        // the unclosed bracket on line 4 runs on into line 5; the message must point at one of them
        var e = issue("paper: 广东科技报\ndate: 2021-06-22\n  number: 1024\nlayout: tabloid\n").readFails();
        assertTrue(e.getMessage().startsWith("issue.yaml:3: not valid YAML"), e.getMessage());
    }

    @Test
    void aFullWidthColonIsNamedAsTheCulprit() {
        issue("paper: 广东科技报\ndate: 2021-06-22\nnumber：1024\nlayout: tabloid\n")
                .readFailsWith("issue.yaml:3:", "full-width", "type an ASCII ':'");
    }

    @Test
    void aTabInTheIndentationIsNamed() {
        issue("paper: 广东科技报\ndate: 2021-06-22\nnumber: 1024\nlayout: tabloid\nplan:\n\t- page: 1\n")
                .readFailsWith("issue.yaml:6:", "tab", "indent with spaces");
    }

    @Test
    void aDateThatIsNotADateIsRefused() {
        issue(TestIssues.ISSUE_YAML.replace("date: 2021-06-22", "date: 6月22日"))
                .readFailsWith("issue.yaml:2:", "'date'", "YYYY-MM-DD", "'6月22日'", "date: 2021-06-22");
    }

    @Test
    void aDateThatIsNoDayOfTheCalendarIsRefused() {
        issue(TestIssues.ISSUE_YAML.replace("date: 2021-06-22", "date: 2021-02-30"))
                .readFailsWith("issue.yaml:2:", "'date'", "not a day of the calendar");
    }

    @Test
    void aNegativePageCountIsRefused() {
        issue(TestIssues.ISSUE_YAML + "pages: -4\n")
                .readFailsWith("issue.yaml:5:", "'pages'", "from 1 to 200", "'-4'", "pages: 8");
    }

    @Test
    void aZeroPageCountIsRefused() {
        issue(TestIssues.ISSUE_YAML + "pages: 0\n").readFailsWith("issue.yaml:5:", "'pages'", "from 1 to 200");
    }

    @Test
    void aNumberThatIsNoNumberIsRefused() {
        issue(TestIssues.ISSUE_YAML.replace("number: 1024", "number: 第1024期"))
                .readFailsWith("issue.yaml:3:", "'number'", "whole number", "'第1024期'", "number: 1024");
    }

    @Test
    void aNumberTooLargeForAnyIntegerIsOutOfRangeNotACrash() {
        issue(TestIssues.ISSUE_YAML.replace("number: 1024", "number: 99999999999999999999999"))
                .readFailsWith("issue.yaml:3:", "'number'", "from 1 to 1000000");
    }

    @Test
    void aMissingFieldIsNamed() {
        issue("paper: 广东科技报\ndate: 2021-06-22\nlayout: tabloid\n")
                .readFailsWith("issue.yaml", "'number' is missing", "add a line 'number:");
    }

    @Test
    void aFieldGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        issue(TestIssues.ISSUE_YAML + "number: 1025\n")
                .readFailsWith("issue.yaml:5:", "'number' is given twice", "first on line 3", "keep one");
    }

    @Test
    void aLayoutWithASlashIsRefused() {
        issue(TestIssues.ISSUE_YAML.replace("layout: tabloid", "layout: tabloid/big"))
                .readFailsWith("issue.yaml:4:", "'layout'", "'tabloid/big'", "layout: tabloid");
    }

    @Test
    void aLayoutClimbingOutOfTheLayoutsFolderIsRefused() {
        issue(TestIssues.ISSUE_YAML.replace("layout: tabloid", "layout: ../../etc"))
                .readFailsWith("issue.yaml:4:", "'layout'", "folder under layouts/", "'../../etc'");
        issue(TestIssues.ISSUE_YAML.replace("layout: tabloid", "layout: .."))
                .readFailsWith("issue.yaml:4:", "'layout'");
    }

    @Test
    void theLayoutAloneIsReadWithTheSameLocatedErrors() {
        assertEquals("tabloid", TestIssues.minimal(tmp).layout());
        // the articles are not read for the layout: a broken article does not hide it
        assertEquals("tabloid", TestIssues.minimal(tmp).article("broken", "title: [", "正文。").layout());
        for (String bad : java.util.List.of("layout: ../../etc", "layout: [tabloid")) {
            var folder = issue(TestIssues.ISSUE_YAML.replace("layout: tabloid", bad));
            PaibanException whole = folder.readFails();
            PaibanException alone = org.junit.jupiter.api.Assertions.assertThrows(PaibanException.class, folder::layout);
            assertEquals(whole.getMessage(), alone.getMessage());
            assertTrue(alone.getMessage().matches("(?s)issue.yaml:[45]: .*"), alone.getMessage());
        }
    }

    @Test
    void aPlanNamingAnUnknownArticleIsRefused() {
        issue(TestIssues.ISSUE_YAML + "plan:\n  - page: 1\n    articles:\n      - leed\n")
                .readFailsWith("issue.yaml:8:", "plan[1] (page 1)", "no article 'leed'", "without .md",
                        "the articles are lead");
    }

    @Test
    void aPlanPlacingAnArticleTwiceIsRefused() {
        issue(TestIssues.ISSUE_YAML + """
                plan:
                  - page: 1
                    articles: [lead]
                  - page: 2
                    articles:
                      - article: lead
                        columns: 3
                """).readFailsWith("issue.yaml:10:", "plan[2] (page 2)", "'lead' is already placed in plan[1] (page 1)",
                "place each article once");
    }

    @Test
    void aPlanNamingAPageTwiceIsRefused() {
        issue(TestIssues.ISSUE_YAML + """
                plan:
                  - page: 1
                    articles: [lead]
                  - page: 1
                    section: 要闻
                """).readFailsWith("issue.yaml:8:", "plan[2]", "page 1 is already planned in plan[1]", "merge");
    }

    @Test
    void aPlanBeyondTheFixedPageCountIsRefused() {
        issue(TestIssues.ISSUE_YAML + "pages: 4\nplan:\n  - page: 5\n    articles: [lead]\n")
                .readFailsWith("issue.yaml:7:", "plan[1]", "beyond 'pages: 4'");
    }

    @Test
    void anInvisibleControlCharacterIsNamedByItsCodePoint() {
        issue(TestIssues.ISSUE_YAML.replace("paper: 广东科技报", "paper: 广东科技报\u0007"))
                .readFailsWith("issue.yaml:1:", "U+0007", "delete it");
    }

    @Test
    void absurdNestingIsRefusedWithoutOverflowingTheStack() {
        issue(TestIssues.ISSUE_YAML + "editor: " + "[".repeat(100_000) + "\n")
                .readFailsWith("issue.yaml:5:", "nested more than");
        StringBuilder deep = new StringBuilder(TestIssues.ISSUE_YAML + "plan:\n");
        for (int i = 1; i < 1000; i++) deep.append(" ".repeat(i)).append("-\n");
        issue(deep.toString()).readFailsWith("issue.yaml:", "nested more than");
    }

    @Test
    void aByteOrderMarkFromWindowsNotepadIsAccepted() {
        assertEquals("广东科技报", issue("\uFEFF" + TestIssues.ISSUE_YAML).read().paper());
    }

    @Test
    void aGbkIssueYamlIsRefusedWithItsLineAndTheEncoding() {
        TestIssues.minimal(tmp).file("issue.yaml", TestIssues.ISSUE_YAML.getBytes(Charset.forName("GBK")))
                .readFailsWith("issue.yaml:1:", "not UTF-8", "GBK", "save it as UTF-8");
    }

    @Test
    void aMissingIssueYamlIsNamed() {
        TestIssues.minimal(tmp).delete("issue.yaml").readFailsWith("2021-06-22/issue.yaml", "missing");
    }

    @Test
    void aMissingIssueFolderIsNamed() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(PaibanException.class,
                () -> IssueReader.read(tmp.resolve("2021-06-23")));
        assertTrue(e.getMessage().contains("2021-06-23: no such issue folder"), e.getMessage());
    }

    @Test
    void aMissingOrEmptyArticlesFolderIsNamed() throws Exception {
        IssueFolder issue = TestIssues.minimal(tmp).delete("articles/lead.md");
        issue.readFailsWith("2021-06-22/articles: no .md articles found", "one .md file per article");
        Files.delete(issue.resolve("articles"));
        issue.readFailsWith("2021-06-22/articles: the folder is missing");
    }

    @Test
    void aPlanEntryWithoutPageIsNamed() {
        issue(TestIssues.ISSUE_YAML + "plan:\n  - section: 要闻\n    articles: [lead]\n")
                .readFailsWith("issue.yaml:6: plan[1] has no 'page'", "page: 2");
    }

    @Test
    void anIssueYamlThatIsALinkOutOfTheFolderIsNotRead() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.yaml"), TestIssues.ISSUE_YAML);
        IssueFolder issue = TestIssues.minimal(tmp).delete("issue.yaml").symlink("issue.yaml", secret);
        PaibanException e = issue.readFailsWith("issue.yaml", "link that leads outside the issue folder");
        assertFalse(e.getMessage().contains("广东科技报"));
    }

    @Test
    void valuesEchoedInMessagesCannotDriveTheTerminal() {
        PaibanException e = issue(TestIssues.ISSUE_YAML.replace("number: 1024", "number: \"\\e[2J12\""))
                .readFailsWith("issue.yaml:3:", "U+001B");
        assertFalse(e.getMessage().contains("\u001b"), "an escape character reached the message");
    }
}
