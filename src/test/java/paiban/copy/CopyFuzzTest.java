package paiban.copy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.testing.Mutator;
import paiban.testing.Mutator.Outcome;
import paiban.testing.TestIssues;
import paiban.testing.TestIssues.IssueFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated issue.yaml, front matter and Markdown bodies, written into a real issue folder and read whole.
 * Every outcome must be a clean read or a paiban error naming a file: never a NullPointerException, a
 * ClassCastException or a StackOverflowError. Fixed seeds and iteration counts keep the run
 * deterministic and within a few seconds; see {@link Mutator} to hunt longer.
 */
class CopyFuzzTest {

    private static final long SEED = 20210622L;
    private static final int ITERATIONS = 400;

    /** The message begins with the file at fault: "issue.yaml:3: ...", "articles/school.md:7: ...". */
    private static final Pattern NAMES_FILE = Pattern.compile("^(issue\\.yaml|articles/[^/]+\\.md)(:\\d+)?[:,( ]");

    private static final String ISSUE = TestIssues.ISSUE_YAML + """
            pages: 4
            publisher: 广东省科学技术协会
            serial: CN44-0011
            editor: 李婉欣
            plan:
              - page: 1
                section: 要闻
                articles:
                  - lead
                  - article: school
                    columns: 3
              - page: 2
                articles: []
            """;

    private static final String FRONT = """
            title: "科普进校园：让孩子爱上科学"
            kicker: 江门市科协
            subtitle: 副题
            dateline: 本报讯(记者李婉欣)
            source: 江门市科协
            section: 要闻
            priority: 2
            photos:
              - file: photos/a.jpg
                caption: 学生们在体验科学实验(蔡敏霞 摄)
                credit: 本报记者 蔡敏霞 摄
            """;

    private static final String BODY = """
            6月18日，江门市科协组织专家走进校园。

            ## 走进实验室

            **活动现场**，孩子们动手做实验，与会同
            志一致认为效果很好。

            > 引文一段。
            - 第一项
            - 第二项 [链接](https://gdsta.cn)

            最后一段 `代码` 与 <b>HTML</b> 与 &amp;。
            """;

    private static final List<String> YAML_TOKENS = Mutator.tokens(": ", ":", "- ", "-", "[", "]", "{", "}", "# ",
            "&a ", "*a", "!!str ", "!!binary ", "!!map ", "? ", "|", ">", "---", "...", "%YAML 1.2\n", "'", "\"",
            "\n  ", "\n    - ", ",", "plan:", "pages: ", "page: ", "articles: ", "photos:", "file: ", "<<: *a",
            "title:", "title: ", "number: ", "date: ", "layout: ", "columns: ");

    private static final List<String> MARKDOWN_TOKENS = Mutator.tokens("## ", "# ", "**", "*", "_", "__", "`", "```\n",
            "> ", "- ", "1. ", "[", "](", ")", "![", "<", ">", "&", "&amp;", "&#", "\\", "    ", "\n---\n", "\n===\n",
            "<!--", "-->", "<div>", "</div>", "|", "<https://x.cn>", "[a]: /b\n", "\n\n");

    @TempDir
    Path tmp;

    private IssueFolder issue;

    @BeforeEach
    void validIssue() {
        issue = TestIssues.minimal(tmp).issueYaml(ISSUE).article("school", FRONT, BODY).jpeg("photos/a.jpg", 48, 32);
        issue.read(); // the unmutated inputs must read cleanly, or the fuzz proves nothing
    }

    private static void assertBothOutcomes(Outcome o) {
        // a mutator that broke everything, or nothing, would not be testing the readers' error paths
        assertTrue(o.read() > ITERATIONS / 20 && o.refused() > ITERATIONS / 20, o.toString());
    }

    @Test
    void mutatedIssueYamlIsReadOrRefusedNamingTheFile() {
        assertBothOutcomes(Mutator.fuzz("issue.yaml", SEED, ITERATIONS, ISSUE, YAML_TOKENS,
                text -> issue.issueYaml(text).read(), NAMES_FILE));
    }

    @Test
    void mutatedFrontMatterIsReadOrRefusedNamingTheFile() {
        assertBothOutcomes(Mutator.fuzz("front matter", SEED + 1, ITERATIONS, FRONT, YAML_TOKENS,
                text -> issue.article("school", text, BODY).read(), NAMES_FILE));
    }

    @Test
    void mutatedMarkdownBodyIsReadOrRefusedNamingTheFile() {
        Outcome o = Mutator.fuzz("body", SEED + 2, ITERATIONS, BODY, MARKDOWN_TOKENS,
                text -> issue.article("school", FRONT, text).read(), NAMES_FILE);
        // almost any text is a valid body: refusals are rare (runaway nesting), so only reads are counted
        assertTrue(o.read() > ITERATIONS / 2, o.toString());
    }

    @Test
    void mutatedArticleBytesAreReadOrRefusedNamingTheFile() {
        byte[] valid = ("---\n" + FRONT + "---\n" + BODY).getBytes(StandardCharsets.UTF_8);
        assertBothOutcomes(Mutator.fuzzBytes("article bytes", SEED + 3, ITERATIONS, valid,
                bytes -> issue.file("articles/school.md", bytes).read(), NAMES_FILE));
    }

    @Test
    void mutatedIssueYamlBytesAreReadOrRefusedNamingTheFile() {
        assertBothOutcomes(Mutator.fuzzBytes("issue.yaml bytes", SEED + 4, ITERATIONS,
                ISSUE.getBytes(StandardCharsets.UTF_8), bytes -> issue.file("issue.yaml", bytes).read(), NAMES_FILE));
    }
}
