package paiban.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code paiban fonts} maps its options onto FontSurvey (whose own test checks what it reports). */
class FontsCommandTest {

    @Test
    void itRunsAloneOnAnIssueOrOnAText() {
        assertEquals(0, Main.run("fonts"));
        assertEquals(0, Main.run("fonts", "--issue", "issues/2021-06-22"));
        assertEquals(0, Main.run("fonts", "--text", "issues/2021-06-22/articles/gz-gallery.md"));
        assertEquals(2, Main.run("fonts", "--issue", "issues/2021-06-22", "--text", "x.txt"), "one source at a time");
        assertEquals(1, Main.run("fonts", "--issue", "no-such-issue"), "a clear error for a folder that is not an issue");
    }
}
