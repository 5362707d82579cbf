package paiban.deliver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendJournalTest {

    @TempDir
    Path folder;

    private final Clock clock = Clock.fixed(Instant.parse("2021-06-22T06:00:00Z"), ZoneOffset.UTC);
    private final Subscriber wang = new Subscriber("wang@example.com", "王小明", 2);
    private final Subscriber li = new Subscriber("li@example.com", "李华", 3);

    @Test
    void deliveriesSurviveReopeningWhateverTheCaseOfTheAddress() {
        try (SendJournal journal = SendJournal.open(folder, clock)) {
            journal.recordSent(wang, "<a@example.com>", "abc");
        }
        try (SendJournal journal = SendJournal.open(folder, clock)) {
            assertTrue(journal.delivered(new Subscriber("Wang@Example.com", "", 7)));
            assertFalse(journal.delivered(li));
        }
    }

    @Test
    void aLineTornByACrashIsIgnoredAndEndedBeforeTheNextRecord() throws IOException {
        try (SendJournal journal = SendJournal.open(folder, clock)) {
            journal.recordSent(wang, "<a@example.com>", "abc");
        }
        Path file = folder.resolve(SendJournal.FILE);
        Files.writeString(file, "2021-06-22T06:00:01Z,sent,li@exam", StandardOpenOption.APPEND);
        try (SendJournal journal = SendJournal.open(folder, clock)) {
            assertFalse(journal.delivered(li));
            journal.recordSent(li, "<b@example.com>", "abc");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("2021-06-22T06:00:00Z,sent,li@example.com,<b@example.com>,abc", lines.getLast());
        assertTrue(SendJournal.peek(folder).delivered(li));
    }

    @Test
    void aResendMakesTheAddressDueAgainInANewRound() {
        try (SendJournal journal = SendJournal.open(folder, clock)) {
            journal.recordSent(wang, "<a@example.com>", "abc");
            journal.recordResend(List.of(wang));
            assertFalse(journal.delivered(wang));
            assertEquals(1, journal.round(wang));
        }
        SendJournal reread = SendJournal.peek(folder);
        assertFalse(reread.delivered(wang));
        assertEquals(1, reread.round(wang));
        assertEquals(0, reread.round(li));
    }

    @Test
    void aSecondRunForTheSameIssueIsRefusedWhileTheFirstHoldsTheJournal() {
        try (SendJournal first = SendJournal.open(folder, clock)) {
            PaibanException e = assertThrows(PaibanException.class, () -> SendJournal.open(folder, clock));
            assertTrue(e.getMessage().contains("another paiban send is running"), e.getMessage());
            assertTrue(first.file().endsWith(SendJournal.FILE));
        }
    }

    @Test
    void aHandEditedLineIsReportedWithItsNumber() throws IOException {
        try (SendJournal journal = SendJournal.open(folder, clock)) {
            journal.recordSent(wang, "<a@example.com>", "abc");
        }
        Files.writeString(folder.resolve(SendJournal.FILE), "li@example.com\n", StandardOpenOption.APPEND);
        PaibanException e = assertThrows(PaibanException.class, () -> SendJournal.peek(folder));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
