package paiban.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.cli.Main;
import paiban.typeset.StressCopy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code paiban check} on a PDF that breaks the rules, and on a file that is no PDF. */
class CheckCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = System.out;
        PrintStream e = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    @Test
    void flyingSaucersOwnJustificationIsMarkedAndTheCommandExitsOne(@TempDir Path dir) throws Exception {
        List<String> copy = new ArrayList<>();
        for (StressCopy.Paragraph p : StressCopy.generate(3, 12)) copy.add(ColumnPictures.escape(p.text()));
        Path pdf = dir.resolve("fs.pdf");
        ColumnPictures.fs(copy, pdf);
        Run r = run("check", "--max", "5", pdf.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains(": ragged: "), r.out());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.getLast().startsWith("fs.pdf: "), r.out());
        assertTrue(lines.size() <= 7, "at most --max findings, an ellipsis line and the summary: " + r.out());
    }

    @Test
    void aFileThatIsNoPdfIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path notPdf = Files.writeString(dir.resolve("notes.pdf"), "hello");
        Run r = run("check", notPdf.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("notes.pdf") && r.err().contains("not a readable PDF"), r.err());
        Run missing = run("check", dir.resolve("nowhere.pdf").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nowhere.pdf"), missing.err());
    }
}
