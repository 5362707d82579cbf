package paiban.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken input: one clear message naming the file, exit code 1, and no output that looks finished. */
class FormatErrorsThroughTheCommandLineTest {

    @TempDir
    Path dir;

    private Path issue(String yaml, String article) throws IOException {
        Path issue = dir.resolve("2021-07-01");
        Files.createDirectories(issue.resolve("articles"));
        Files.writeString(issue.resolve("issue.yaml"), yaml);
        Files.writeString(issue.resolve("articles/story.md"), article);
        return issue;
    }

    private static final String GOOD_YAML = "paper: 广东科技报\ndate: 2021-07-01\nnumber: 1\nlayout: tabloid\n";

    private record Run(int code, String err) {
    }

    private Run build(Path issue) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run("build", issue.toString(), "--out", dir.resolve("out").toString());
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    private void assertNothingFinished() throws IOException {
        Path out = dir.resolve("out");
        if (!Files.exists(out)) return;
        try (Stream<Path> s = Files.walk(out)) {
            assertFalse(s.anyMatch(p -> p.toString().endsWith(".pdf")), "no finished-looking PDF is left");
        }
    }

    @Test
    void anArticleWithoutTitleIsNamed() throws IOException {
        Run r = build(issue(GOOD_YAML, "---\ndateline: 本报讯\n---\n\n正文。\n"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("articles/story.md") && r.err().contains("title"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertNothingFinished();
    }

    @Test
    void badYamlIsNamedWithItsLine() throws IOException {
        Run r = build(issue("paper: 广东科技报\ndate: [2021-07-01\nnumber: 1\n", "---\ntitle: 标题\n---\n\n正文。\n"));
        assertEquals(1, r.code());
        assertTrue(r.err().matches("(?s).*issue\\.yaml:\\d+: not valid YAML.*"), r.err());
        assertNothingFinished();
    }

    @Test
    void aMissingPhotoIsNamedWithItsArticle() throws IOException {
        Run r = build(issue(GOOD_YAML, "---\ntitle: 标题\nphotos:\n  - file: photos/none.jpg\n    caption: 说明\n---\n\n正文。\n"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("articles/story.md") && r.err().contains("none.jpg")
                && r.err().contains("does not exist"), r.err());
        assertNothingFinished();
    }

    @Test
    void aCharacterNoFontHasStopsTheBuildNamingItsCodePoint() throws IOException {
        Run r = build(issue(GOOD_YAML, "---\ntitle: 标题\n---\n\n今天很开心\uD83D\uDE00。\n"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("U+1F600") && r.err().contains("story"), r.err());
        assertNothingFinished();
    }

    @Test
    void aCharacterTheMastheadFontLacksIsReportedNotDropped() throws IOException {
        Run r = build(issue(GOOD_YAML + "editor: 李婉欣\uD83D\uDE00\n", "---\ntitle: 标题\n---\n\n正文。\n"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("U+1F600") && r.err().contains("责任编辑"), r.err());
        assertNothingFinished();
    }
}
