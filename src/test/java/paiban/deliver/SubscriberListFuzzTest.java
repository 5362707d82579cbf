package paiban.deliver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.testing.Mutator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subscriber list, fuzzed like the copy readers: every mutated CSV is read (bad rows set aside with
 * their line numbers) or refused with a message naming the file; never anything else.
 */
class SubscriberListFuzzTest {

    private static final String VALID = "email,name,city\n"
            + "wang@example.com,王小明,广州\n"
            + "\"li@example.com\",\"李, 婉欣\",江门\n"
            + "zhao@example.com,赵六,\n";

    @TempDir
    Path dir;

    @Test
    void mutatedSubscriberListsAreReadOrRefusedNamingTheFile() {
        Path file = dir.resolve("subscribers.csv");
        Pattern namesFile = Pattern.compile("(?s).*subscribers\\.csv.*");
        var tokens = Mutator.tokens(",", "\"", "\"\"", "\n", "\r\n", "\r", "@", "email", "name", "\uFEFF", "\0");
        Mutator.Outcome text = Mutator.fuzz("subscribers.csv", 20261123, 400, VALID, tokens, csv -> {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            SubscriberList list = SubscriberList.read(file);
            for (var s : list.subscribers()) {
                assertTrue(s.email().indexOf('\r') < 0 && s.email().indexOf('\n') < 0, "no line break in an address");
            }
        }, namesFile);
        Mutator.Outcome bytes = Mutator.fuzzBytes("subscribers.csv bytes", 20261124, 300,
                VALID.getBytes(StandardCharsets.UTF_8), b -> {
                    Files.write(file, b);
                    SubscriberList.read(file);
                }, namesFile);
        assertTrue(text.read() > 0 && text.refused() > 0, "the mutations reach both outcomes: " + text);
        assertTrue(bytes.read() > 0 && bytes.refused() > 0, "the byte mutations reach both outcomes: " + bytes);
    }
}
