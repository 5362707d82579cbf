package paiban.deliver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;
import paiban.finish.OutputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The email edition as deliver reads it back from a build's folder, through finish's text.json records. */
class EmailEditionTest {

    @TempDir
    Path tmp;

    @Test
    void theHeaderAndThe导读ComeFromTextJson() throws IOException {
        EmailEdition e = EmailEdition.open(TestEdition.write(tmp));
        assertEquals("广东科技报", e.paper());
        assertEquals(LocalDate.of(2021, 6, 22), e.date());
        assertEquals(1234, e.number());
        assertEquals(TestEdition.SUBJECT, e.subject());
        assertEquals(TestEdition.ATTACHMENT, e.attachmentName());
        assertEquals(List.of(new EmailEdition.Headline("粤港澳大湾区科技创新走廊建设提速", 1),
                new EmailEdition.Headline("<芯片> & \"算力\"：广州新建智算中心", 1),
                new EmailEdition.Headline("深海探测器“海斗”完成万米下潜", 2)), e.headlines());
        assertEquals(tmp.resolve(TestEdition.ID).resolve(OutputFiles.EMAIL).toAbsolutePath(), e.pdf());
    }

    @Test
    void aFieldItDoesNotKnowIsPassedOver() throws IOException {
        Path folder = TestEdition.write(tmp);
        Path text = folder.resolve(OutputFiles.TEXT);
        Files.writeString(text, Files.readString(text).replaceFirst("\\{", "{\"web\":{\"search\":true},"));
        assertEquals(3, EmailEdition.open(folder).headlines().size());
    }

    @Test
    void aDamagedTextJsonNamesTheFileAndTheField() throws IOException {
        Path folder = TestEdition.write(tmp);
        Path text = folder.resolve(OutputFiles.TEXT);
        String good = Files.readString(text);
        Files.writeString(text, good.replace("\"number\":1234,", ""), StandardCharsets.UTF_8);
        PaibanException e = assertThrows(PaibanException.class, () -> EmailEdition.open(folder));
        assertEquals(text + ": field 'number' is missing or not a positive integer; rebuild the issue", e.getMessage());
        Files.writeString(text, good.replace("\"paper\":\"广东科技报\",", ""), StandardCharsets.UTF_8);
        e = assertThrows(PaibanException.class, () -> EmailEdition.open(folder));
        assertEquals(text + ": field 'paper' is missing; rebuild the issue", e.getMessage());
        Files.writeString(text, good.replace("2021-06-22", "22/06/2021"), StandardCharsets.UTF_8);
        e = assertThrows(PaibanException.class, () -> EmailEdition.open(folder));
        assertTrue(e.getMessage().contains("field 'date' is not YYYY-MM-DD"), e.getMessage());
        Files.writeString(text, good.substring(0, 40), StandardCharsets.UTF_8);
        e = assertThrows(PaibanException.class, () -> EmailEdition.open(folder));
        assertTrue(e.getMessage().startsWith(text + ": not readable JSON"), e.getMessage());
    }

    @Test
    void anIncompleteFolderIsNotComplete() throws IOException {
        Path folder = TestEdition.write(tmp);
        assertTrue(EmailEdition.isComplete(folder));
        Files.delete(folder.resolve(OutputFiles.preview(1)));
        assertFalse(EmailEdition.isComplete(folder));
        PaibanException e = assertThrows(PaibanException.class, () -> EmailEdition.open(folder));
        assertTrue(e.getMessage().startsWith(folder.resolve("previews/01.png") + ": missing"), e.getMessage());
    }
}
