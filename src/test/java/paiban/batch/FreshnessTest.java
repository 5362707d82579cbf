package paiban.batch;

import paiban.finish.Edition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.Pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a batch skips an issue and when it builds it again, with a stand-in for the pipeline. */
class FreshnessTest {

    @TempDir
    Path dir;

    Path home;
    Path issue;
    Path out;
    final List<String> built = new ArrayList<>();

    /** Writes print.pdf (and archive.pdf when asked), as the pipeline would. */
    final Batch.Builder fake = (issue, out, editions, warn) -> {
        built.add(Batch.idOf(issue));
        try {
            Path folder = Files.createDirectories(out.resolve(Batch.idOf(issue)));
            for (Edition e : editions) {
                if (e == Edition.PRINT || e == Edition.ARCHIVE) Files.writeString(folder.resolve(e.label() + ".pdf"), "%PDF");
            }
            if (Files.readString(issue.resolve("issue.yaml")).contains("broken")) {
                throw new paiban.core.PaibanException("issue.yaml: broken");
            }
            if (Files.readString(issue.resolve("issue.yaml")).contains("bug")) throw new IllegalStateException("bug");
            return new Pipeline.Result(folder, List.of(), Map.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };

    @BeforeEach
    void folders() throws IOException {
        home = dir.resolve("home");
        Files.createDirectories(home.resolve("layouts/tabloid"));
        Files.createDirectories(home.resolve("layouts/other"));
        Files.writeString(home.resolve("layouts/tabloid/layout.css"), "/* grid */");
        Files.writeString(home.resolve("layouts/other/layout.css"), "/* grid */");
        Files.createDirectories(home.resolve("fonts"));
        Files.writeString(home.resolve("fonts/fonts.yaml"), "roles: {}");
        issue = dir.resolve("issues/2021-07-01");
        Files.createDirectories(issue.resolve("articles"));
        Files.writeString(issue.resolve("issue.yaml"), "layout: tabloid\n");
        Files.writeString(issue.resolve("articles/a.md"), "---\ntitle: 标题\n---\n正文。\n");
        out = dir.resolve("out");
        age(dir, 60);
    }

    /** Sets every file under {@code root} back by {@code seconds}, as if written a while ago. */
    private static void age(Path root, int seconds) throws IOException {
        FileTime then = FileTime.from(Instant.now().minusSeconds(seconds));
        try (var s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) Files.setLastModifiedTime(p, then);
        }
    }

    private Summary run(Set<Edition> editions, boolean force, Path... issues) {
        return new Batch(new Batch.Options(out, editions, 2, force), home, fake).run(List.of(issues), new Quiet());
    }

    private Outcome.Status status(Set<Edition> editions) {
        return run(editions, false, issue).outcomes().getFirst().status();
    }

    @Test
    void anIssueBuiltSinceItsLastChangeIsSkipped() {
        assertEquals(Outcome.Status.BUILT, status(Set.of(Edition.PRINT)));
        assertEquals(Outcome.Status.SKIPPED, status(Set.of(Edition.PRINT)));
        assertEquals(List.of("2021-07-01"), built);
    }

    @Test
    void outputsMadeWithTheOtherJpegCodecAreRebuilt() {
        Batch.Options options = new Batch.Options(out, Set.of(Edition.PRINT), 2, false);
        assertEquals(Outcome.Status.BUILT, new Batch(options, home, "ImageIO", fake).run(List.of(issue), new Quiet())
                .outcomes().getFirst().status());
        assertEquals(Outcome.Status.SKIPPED, new Batch(options, home, "ImageIO", fake).run(List.of(issue), new Quiet())
                .outcomes().getFirst().status());
        assertEquals(Outcome.Status.BUILT, new Batch(options, home, "libjpeg-turbo", fake).run(List.of(issue), new Quiet())
                .outcomes().getFirst().status(), "the photos' bytes would differ");
        assertEquals(Outcome.Status.SKIPPED, new Batch(options, home, "libjpeg-turbo", fake).run(List.of(issue), new Quiet())
                .outcomes().getFirst().status());
    }

    @Test
    void forceBuildsAnUpToDateIssue() {
        status(Set.of(Edition.PRINT));
        assertEquals(Outcome.Status.BUILT, run(Set.of(Edition.PRINT), true, issue).outcomes().getFirst().status());
    }

    @Test
    void anArticleSavedAfterTheBuildStartedMakesItStale() throws IOException {
        status(Set.of(Edition.PRINT));
        Files.writeString(issue.resolve("articles/a.md"), "---\ntitle: 新标题\n---\n正文。\n");
        assertEquals(Outcome.Status.BUILT, status(Set.of(Edition.PRINT)));
    }

    @Test
    void aDeletedArticleMakesItStale() throws IOException {
        Files.writeString(issue.resolve("articles/b.md"), "---\ntitle: 乙\n---\n正文。\n");
        age(issue, 60);
        status(Set.of(Edition.PRINT));
        Files.delete(issue.resolve("articles/b.md"));
        assertEquals(Outcome.Status.BUILT, status(Set.of(Edition.PRINT)));
    }

    @Test
    void aChangeToItsOwnLayoutMakesItStaleButAnotherLayoutDoesNot() throws IOException {
        status(Set.of(Edition.PRINT));
        Files.writeString(home.resolve("layouts/other/layout.css"), "/* changed */");
        assertEquals(Outcome.Status.SKIPPED, status(Set.of(Edition.PRINT)));
        Files.writeString(home.resolve("layouts/tabloid/layout.css"), "/* changed */");
        assertEquals(Outcome.Status.BUILT, status(Set.of(Edition.PRINT)));
    }

    @Test
    void aChangeToTheFontsMakesItStale() throws IOException {
        status(Set.of(Edition.PRINT));
        Files.writeString(home.resolve("fonts/fonts.yaml"), "roles: { body: {} }");
        assertEquals(Outcome.Status.BUILT, status(Set.of(Edition.PRINT)));
    }

    @Test
    void anEditionNotBuiltBeforeMakesItStale() {
        status(Set.of(Edition.PRINT));
        assertEquals(Outcome.Status.BUILT, status(Set.of(Edition.PRINT, Edition.ARCHIVE)));
        assertEquals(Outcome.Status.SKIPPED, status(Set.of(Edition.ARCHIVE)));
    }

    @Test
    void aDeletedOutputMakesItStale() throws IOException {
        status(Set.of(Edition.PRINT));
        Files.delete(out.resolve("2021-07-01/print.pdf"));
        assertEquals(Outcome.Status.BUILT, status(Set.of(Edition.PRINT)));
    }

    @Test
    void aFailedBuildIsNeverSkipped() throws IOException {
        status(Set.of(Edition.PRINT));
        Files.writeString(issue.resolve("issue.yaml"), "layout: tabloid\n# broken\n");
        assertEquals(Outcome.Status.FAILED, status(Set.of(Edition.PRINT)));
        // the failed build wrote print.pdf before failing, yet left no stamp
        assertEquals(Outcome.Status.FAILED, status(Set.of(Edition.PRINT)));
        assertFalse(Files.exists(out.resolve("2021-07-01/" + Freshness.STAMP)));
    }

    @Test
    void aBugInOneIssueStopsNoOther() throws IOException {
        Path buggy = dir.resolve("issues/2021-07-02");
        Files.createDirectories(buggy);
        Files.writeString(buggy.resolve("issue.yaml"), "layout: tabloid\n# bug\n");
        Summary s = run(Set.of(Edition.PRINT), false, buggy, issue);
        assertEquals(Outcome.Status.FAILED, s.outcomes().get(0).status());
        assertTrue(s.outcomes().get(0).internal());
        assertTrue(s.outcomes().get(0).problem().contains("internal error"), s.outcomes().get(0).problem());
        assertEquals(Outcome.Status.BUILT, s.outcomes().get(1).status());
    }

    @Test
    void twoIssuesOfTheSameNameAreNotBothWrittenToOneFolder() throws IOException {
        Path twin = dir.resolve("elsewhere/2021-07-01");
        Files.createDirectories(twin);
        Files.writeString(twin.resolve("issue.yaml"), "layout: tabloid\n");
        Summary s = run(Set.of(Edition.PRINT), false, issue, twin);
        assertEquals(Outcome.Status.BUILT, s.outcomes().get(0).status());
        assertEquals(Outcome.Status.FAILED, s.outcomes().get(1).status());
        assertTrue(s.outcomes().get(1).problem().contains("same name"), s.outcomes().get(1).problem());
        assertEquals(List.of("2021-07-01"), built, "only the first was built");
    }

    /** Progress that prints nothing. */
    static final class Quiet implements Progress {
        @Override
        public void started(int total, int toBuild, int jobs) {
        }

        @Override
        public void building(String id) {
        }

        @Override
        public void warning(String id, String warning) {
        }

        @Override
        public void finished(Outcome outcome) {
        }

        @Override
        public void summary(Summary summary) {
        }
    }
}
