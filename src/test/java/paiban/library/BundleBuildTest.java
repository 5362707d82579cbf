package paiban.library;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import paiban.Pipeline;
import paiban.finish.EditionOptions;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static paiban.library.Bundles.ALTO;
import static paiban.library.Bundles.METS;
import static paiban.library.Bundles.XLINK;
import static paiban.library.Bundles.children;
import static paiban.library.Bundles.named;

/** The bundle as builds make it: the same bytes every time, the build's timestamp, only the files it made. */
class BundleBuildTest {

    private static final Path SAMPLE = Path.of("issues/2021-06-22").toAbsolutePath();

    private static List<String> tree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void twoBuildsWriteTheSameBytes() throws IOException {
        Path first = Bundles.sample().resolve("archive");
        Path again = Bundles.build(SAMPLE, "sample-again").resolve("archive");
        assertEquals(List.of("alto/01.xml", "alto/02.xml", "mets.xml"), tree(first));
        assertEquals(tree(first), tree(again));
        for (String f : tree(first)) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(again.resolve(f)), f + " differs");
        }
    }

    @Test
    void theFilesRecordTheBuildsTimestampNotTheClock() {
        Path out = Bundles.sample();
        Issue issue = Bundles.issue(out);
        String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(EditionOptions
                .timestamp(issue, System.getenv("SOURCE_DATE_EPOCH")).atZone(EditionOptions.NEWSROOM));
        Element mets = Bundles.xml(out.resolve("archive/mets.xml")).getDocumentElement();
        assertEquals(expected, named(mets, METS, "metsHdr").getFirst().getAttribute("CREATEDATE"));
        for (Path f : Bundles.altos(out)) {
            assertEquals(expected, named(Bundles.xml(f).getDocumentElement(), ALTO, "processingDateTime").getFirst()
                    .getTextContent());
        }
    }

    @Test
    void builtAloneTheBundleListsOnlyTheFilesThatWereMade() {
        Path out = Pipeline.run(SAMPLE, Bundles.OUT.resolve("library-alone"), java.util.EnumSet.of(paiban.finish.Edition.LIBRARY), w -> { }).folder();
        Element mets = Bundles.xml(out.resolve("archive/mets.xml")).getDocumentElement();
        List<Element> files = named(mets, METS, "file");
        assertEquals(2, files.size(), "the two ALTO files, and no page PDF or preview this build did not write");
        for (Element f : files) {
            Path p = out.resolve("archive").resolve(children(f).getFirst().getAttributeNS(XLINK, "href")).normalize();
            assertTrue(Files.isRegularFile(p), p.toString());
        }
        for (Element fptr : named(mets, METS, "fptr")) {
            if (fptr.hasAttribute("FILEID")) assertTrue(fptr.getAttribute("FILEID").startsWith("ALTO"));
        }
    }
}
