package paiban.build;

import paiban.finish.Edition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two builds of one issue into one output folder at once neither fail nor corrupt each other. */
class ConcurrentBuildsTest {

    @Test
    void twoBuildsIntoTheSameFolderAtOnceLeaveTheSameFilesAsOne(@TempDir Path dir) throws Exception {
        Path issue = SampleIssueBuildTest.SAMPLE;
        Set<Edition> editions = Set.of(Edition.PRINT, Edition.EMAIL, Edition.TEXT);
        Path alone = Pipeline.run(issue, dir.resolve("alone"), editions, w -> { }).folder();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Pipeline.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> Pipeline.run(issue, dir.resolve("shared"), editions, w -> { })));
            }
            for (Future<Pipeline.Result> r : runs) r.get();
        } finally {
            pool.shutdown();
        }
        Path shared = dir.resolve("shared").resolve(alone.getFileName());
        for (String f : List.of("print.pdf", "email.pdf", "text.json")) {
            assertArrayEquals(Files.readAllBytes(alone.resolve(f)), Files.readAllBytes(shared.resolve(f)), f);
        }
        try (var s = Files.list(shared)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().endsWith(".part")
                    || p.getFileName().toString().endsWith(".tmp")).count(), "no staged file is left");
        }
    }
}
