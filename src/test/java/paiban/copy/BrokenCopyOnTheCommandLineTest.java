package paiban.copy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.cli.Main;
import paiban.testing.TestIssues;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a tired editor sees: one line naming the culprit, exit code 1, no stack trace, no output folder. */
class BrokenCopyOnTheCommandLineTest {

    @TempDir
    Path tmp;

    @Test
    void aBrokenArticleStopsTheBuildWithItsMessageAlone() {
        var issue = TestIssues.minimal(tmp.resolve("issues")).article("flood", "kicker: 引题", "正文。");
        Path out = tmp.resolve("out");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.run("build", issue.path().toString(), "--out", out.toString());
        } finally {
            System.setErr(err);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, printed);
        assertTrue(printed.startsWith("paiban: articles/flood.md:"), printed);
        assertTrue(printed.contains("article 'flood' has no title"), printed);
        assertEquals(1, printed.strip().lines().count(), "one message, no stack trace: " + printed);
        assertFalse(Files.exists(out.resolve("2021-06-22")), "an output folder was made for a failed build");
    }
}
