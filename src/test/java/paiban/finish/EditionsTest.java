package paiban.finish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditionsTest {

    private static List<String> tree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void everyEditionLandsUnderItsContractName() throws IOException {
        FinishedFixture built = FinishedFixture.shared();
        assertEquals(List.of("archive.pdf", "archive/alto/01.xml", "archive/alto/02.xml", "archive/mets.xml",
                "email.pdf", "pages/01.pdf", "pages/02.pdf", "previews/01.png",
                "previews/02.png", "previews/thumbs/01.png", "previews/thumbs/02.png", "print.pdf", "text.json"),
                tree(built.folder()));
        assertEquals(EnumSet.complementOf(EnumSet.of(Edition.WEB)), built.report().millis().keySet(), "finish makes every edition but the web's");
        assertTrue(built.report().timings().matches("master \\d+ ms, photos \\d+ ms, editions \\d+ ms \\(print \\d+ ms, archive .*, text \\d+ ms, library \\d+ ms\\)"),
                built.report().timings());
    }

    @Test
    void twoBuildsWithTheSameTimestampAreByteIdentical(@TempDir Path dir) throws IOException {
        FinishedFixture built = FinishedFixture.shared();
        RenderedIssue r = built.rendered();
        Path again = dir.resolve("again");
        Editions.write(r, again, FinishedFixture.options(r));
        assertSameFiles(built.folder(), again);
    }

    @Test
    void aSecondRenderingOfTheSameIssueFinishesToTheSameBytes(@TempDir Path dir) throws IOException {
        // Flying Saucer's file differs each time (random subset tags, its clock, its /ID); the editions must not.
        RenderedIssue first = RenderedFixture.shared();
        RenderedIssue second = RenderedFixture.render(dir.resolve("render"));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(first.pdf()), Files.readAllBytes(second.pdf())));
        EnumSet<Edition> pdfs = EnumSet.of(Edition.PRINT, Edition.ARCHIVE, Edition.EMAIL, Edition.PAGES);
        Editions.write(first, dir.resolve("a"), FinishedFixture.options(first).withEditions(pdfs));
        Editions.write(second, dir.resolve("b"), FinishedFixture.options(second).withEditions(pdfs));
        assertSameFiles(dir.resolve("a"), dir.resolve("b"));
    }

    @Test
    void anotherTimestampChangesTheDatesAndTheIds(@TempDir Path dir) throws IOException {
        RenderedIssue r = RenderedFixture.shared();
        EditionOptions archiveOnly = FinishedFixture.options(r).withEditions(EnumSet.of(Edition.ARCHIVE));
        Editions.write(r, dir.resolve("a"), archiveOnly);
        Editions.write(r, dir.resolve("b"), archiveOnly.withTimestamp(Instant.ofEpochSecond(1_624_400_000L)));
        byte[] a = Files.readAllBytes(dir.resolve("a/archive.pdf")), b = Files.readAllBytes(dir.resolve("b/archive.pdf"));
        assertFalse(java.util.Arrays.equals(a, b));
        String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("2021-06-23T06:13:20+08:00"), "XMP carries SOURCE_DATE_EPOCH in Beijing time");
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        assertEquals(tree(a), tree(b));
        for (String f : tree(a)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
        }
    }

    @Test
    void onlyTheChosenEditionsAreWritten(@TempDir Path dir) throws IOException {
        RenderedIssue r = RenderedFixture.shared();
        FinishReport report = Editions.write(r, dir, FinishedFixture.options(r)
                .withEditions(Edition.parse("text,previews")));
        assertEquals(List.of("previews/01.png", "previews/02.png", "previews/thumbs/01.png",
                "previews/thumbs/02.png", "text.json"), tree(dir));
        assertEquals(EnumSet.of(Edition.PREVIEWS, Edition.TEXT), report.millis().keySet());
    }

    @Test
    void aFailedBuildLeavesEarlierFilesAndNoNewOnes(@TempDir Path dir) throws IOException {
        RenderedIssue r = RenderedFixture.shared();
        Editions.write(r, dir, FinishedFixture.options(r).withEditions(EnumSet.of(Edition.TEXT)));
        byte[] earlier = Files.readAllBytes(dir.resolve("text.json"));
        Files.writeString(dir.resolve("text.json"), "an earlier build's text");
        // A file where the previews folder must go: the build fails after print, archive and email are made.
        Files.writeString(dir.resolve("previews"), "in the way");
        PaibanException e = assertThrows(PaibanException.class, () -> Editions.write(r, dir, FinishedFixture.options(r)));
        assertTrue(e.getMessage().contains("no edition was replaced"), e.getMessage());
        assertEquals(List.of("previews", "text.json"), tree(dir));
        assertEquals("an earlier build's text", Files.readString(dir.resolve("text.json")));
        assertTrue(earlier.length > 100);
    }

    @Test
    void aShorterIssueLeavesNoPagesOfALongerOne(@TempDir Path dir) throws IOException {
        RenderedIssue r = RenderedFixture.shared();
        Files.createDirectories(dir.resolve("pages"));
        Files.writeString(dir.resolve("pages/03.pdf"), "page 3 of last week's build");
        Files.writeString(dir.resolve("pages/notes.txt"), "someone's notes");
        Files.createDirectories(dir.resolve("archive/alto"));
        Files.writeString(dir.resolve("archive/alto/03.xml"), "<alto/>");
        Editions.write(r, dir, FinishedFixture.options(r).withEditions(EnumSet.of(Edition.PAGES, Edition.LIBRARY)));
        assertEquals(List.of("archive/alto/01.xml", "archive/alto/02.xml", "archive/mets.xml", "pages/01.pdf",
                "pages/02.pdf", "pages/notes.txt"), tree(dir));
    }

    @Test
    void warningsGoToTheSinkOnlyForPrint(@TempDir Path dir) throws IOException {
        RenderedIssue r = RenderedFixture.shared();
        List<String> warnings = new ArrayList<>();
        Editions.write(r, dir, FinishedFixture.options(r).withEditions(EnumSet.of(Edition.EMAIL)).withWarnings(warnings::add));
        assertEquals(List.of(), warnings);
    }
}
