package paiban.finish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagingTest {

    @Test
    void filesAppearOnlyAtCommitUnderTheirOwnNames(@TempDir Path dir) throws IOException {
        try (Staging s = new Staging(dir)) {
            Path temp = s.file("pages/01.pdf");
            assertEquals(dir.resolve("pages/.01.pdf.part"), temp);
            Files.writeString(temp, "page");
            Files.writeString(s.file("print.pdf"), "print");
            assertFalse(Files.exists(dir.resolve("pages/01.pdf")));
            assertEquals(List.of(Path.of("pages/01.pdf"), Path.of("print.pdf")), s.commit());
        }
        assertEquals("page", Files.readString(dir.resolve("pages/01.pdf")));
        assertFalse(Files.exists(dir.resolve("pages/.01.pdf.part")));
    }

    @Test
    void closingWithoutCommitRemovesTheTemporaryFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("print.pdf"), "last week");
        try (Staging s = new Staging(dir)) {
            Files.writeString(s.file("print.pdf"), "half written");
        }
        assertEquals("last week", Files.readString(dir.resolve("print.pdf")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("print.pdf")), files.toList());
        }
    }

    @Test
    void aFileStagedButNeverWrittenStopsTheCommit(@TempDir Path dir) throws IOException {
        try (Staging s = new Staging(dir)) {
            Files.writeString(s.file("a.pdf"), "a");
            s.file("b.pdf");
            assertThrows(IOException.class, s::commit);
        }
        assertFalse(Files.exists(dir.resolve("a.pdf")), "nothing moved when one file is missing");
        assertTrue(Files.isDirectory(dir));
    }
}
