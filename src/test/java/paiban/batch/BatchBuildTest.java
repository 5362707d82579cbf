package paiban.batch;

import org.apache.commons.io.FileUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code paiban build} over three issues, one of them broken, run twice through the command line:
 * the good ones are built (in parallel) and then skipped, the broken one is reported both times.
 */
class BatchBuildTest {

    static final Path SAMPLE = Path.of("issues/2021-06-22");

    @TempDir
    static Path dir;

    static Path out;
    static Path good1;
    static Path good2;
    static Path broken;
    static Run first;
    static Run second;
    static FileTime builtAt;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void buildTwice() throws IOException {
        good1 = copySample(dir.resolve("issues/2021-07-01"));
        good2 = copySample(dir.resolve("issues/2021-07-02"));
        broken = copySample(dir.resolve("issues/2021-07-03"));
        // an article without its title: the copy reader names the file and the field
        Path story = broken.resolve("articles/kexie-sharing.md");
        Files.writeString(story, Files.readString(story).replaceFirst("(?m)^title: .*\\n", ""));
        // an unknown field in the second good issue: its warning must say which issue it came from
        Path other = good2.resolve("articles/kexie-sharing.md");
        Files.writeString(other, Files.readString(other).replaceFirst("(?m)^title: ", "titel: x\ntitle: "));
        out = dir.resolve("out");

        first = build("--jobs", "2");
        builtAt = Files.getLastModifiedTime(out.resolve("2021-07-01/print.pdf"));
        second = build("--jobs", "2", "--timings");
    }

    static Path copySample(Path to) throws IOException {
        FileUtils.copyDirectory(SAMPLE.toFile(), to.toFile());
        return to;
    }

    static Run build(String... extra) {
        String[] args = Stream.concat(Stream.of("build", good1.toString(), broken.toString(), good2.toString(),
                "--out", out.toString(), "--edition", "print"), Stream.of(extra)).toArray(String[]::new);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void theTwoGoodIssuesAreBuilt() {
        assertTrue(Files.isRegularFile(out.resolve("2021-07-01/print.pdf")), first.out() + first.err());
        assertTrue(Files.isRegularFile(out.resolve("2021-07-02/print.pdf")), first.out() + first.err());
        assertTrue(first.out().contains("3 issues: 2 built, 0 up to date, 1 failed"), first.out());
    }

    @Test
    void theBrokenIssueFailsClearlyAndTheExitCodeSaysSo() {
        assertEquals(1, first.code(), first.err());
        assertTrue(first.err().contains("2021-07-03") && first.err().contains("articles/kexie-sharing.md")
                && first.err().contains("title"), first.err());
        assertFalse(first.err().contains("\tat "), "no stack trace without --debug: " + first.err());
        assertFalse(Files.exists(out.resolve("2021-07-03")), "no output folder for the broken issue");
    }

    @Test
    void timingsSayWhichJpegCodecRan() {
        assertTrue(second.out().startsWith("jpeg codec: " + paiban.codec.TurboJpeg.description() + "\n"), second.out());
        assertFalse(first.out().contains("jpeg codec"), "only with --timings or --debug: " + first.out());
    }

    @Test
    void aCopyWarningNamesTheIssueItCameFrom() {
        assertTrue(first.err().contains("warning: 2021-07-02: articles/kexie-sharing.md:2: unknown field 'titel'"),
                first.err());
        assertFalse(first.err().contains("2021-07-01: articles/kexie-sharing.md:2: unknown"), first.err());
    }

    @Test
    void issuesBuiltSideBySideCarryTheSameText() throws IOException {
        // the two good issues are the same copy, built at the same time on two threads
        assertEquals(text(out.resolve("2021-07-01/print.pdf")), text(out.resolve("2021-07-02/print.pdf")));
    }

    @Test
    void secondRunSkipsTheBuiltOnesAndReportsTheBrokenOneAgain() throws IOException {
        assertEquals(1, second.code(), second.err());
        assertTrue(second.out().contains("3 issues: 0 built, 2 up to date, 1 failed"), second.out());
        assertTrue(second.out().contains("up to date: " + out.resolve("2021-07-01"))
                && second.out().contains("up to date: " + out.resolve("2021-07-02")), second.out());
        assertTrue(second.err().contains("2021-07-03") && second.err().contains("articles/kexie-sharing.md"),
                second.err());
        assertEquals(builtAt, Files.getLastModifiedTime(out.resolve("2021-07-01/print.pdf")), "print.pdf untouched");
    }

    @Test
    void anUnknownEditionIsRefusedOnceWithTheEditionsNamed() {
        String[] args = {"build", good1.toString(), "--out", dir.resolve("elsewhere").toString(), "--edition", "print,pdfa"};
        PrintStream oldErr = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(1, code, e.toString(StandardCharsets.UTF_8));
        assertEquals("paiban: --edition: 'pdfa' is not an edition; choose from print, archive, email, pages, previews, text, library, web",
                e.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(dir.resolve("elsewhere")), "nothing built");
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
