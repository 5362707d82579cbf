package paiban;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output folder's lock: gone after a build, taken over from a killed one, whose leftovers go too. */
class OutputLockTest {

    /** Holds the lock of the folder in args[0] until killed; says "locked" once it does. */
    public static void main(String[] args) throws InterruptedException {
        OutputLock lock = OutputLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(60_000);
        lock.close();
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the try's body, which is what the test looks at
    void aBuildLeavesNoLockFileBehind(@TempDir Path folder) {
        try (OutputLock lock = OutputLock.acquire(folder)) {
            assertTrue(Files.isRegularFile(folder.resolve(OutputLock.FILE)), "held while the build runs");
        }
        assertFalse(Files.exists(folder.resolve(OutputLock.FILE)));
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the try's body, which is what the test looks at
    void theNextBuildTakesOverFromAKilledOneAndClearsWhatItLeft(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("print.pdf"), "a finished edition from before");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutputLockTest.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertEquals("locked", out.readLine(), "the other process holds the lock");
            // what a build killed mid-way leaves
            Files.writeString(folder.resolve(".paiban-render-4711.tmp"), "half a PDF");
            Files.createDirectories(folder.resolve("pages"));
            Files.writeString(folder.resolve("pages/.01.pdf.part"), "half a page");
            Files.writeString(folder.resolve("pages/01.pdf"), "a page from before");
            holder.destroyForcibly(); // SIGKILL: no finally block runs, the lock file stays
            assertTrue(holder.waitFor(20, TimeUnit.SECONDS));
        } finally {
            holder.destroyForcibly();
        }
        assertTrue(Files.exists(folder.resolve(OutputLock.FILE)), "kill -9 leaves the lock file");

        try (OutputLock lock = OutputLock.acquire(folder)) {
            assertFalse(Files.exists(folder.resolve(".paiban-render-4711.tmp")));
            assertFalse(Files.exists(folder.resolve("pages/.01.pdf.part")));
            assertEquals("a finished edition from before", Files.readString(folder.resolve("print.pdf")));
            assertEquals("a page from before", Files.readString(folder.resolve("pages/01.pdf")));
        }
        assertFalse(Files.exists(folder.resolve(OutputLock.FILE)));
    }

    @Test
    void aFailedBuildLeavesTheOutputFolderAsItWas(@TempDir Path out) throws IOException {
        Path issue = Path.of("issues/2021-06-22");
        Path noProfile = out.resolve("no-such-profile.icc");
        // into a folder that did not exist: nothing at all is left
        assertThrows(PaibanException.class, () -> Pipeline.run(issue, out.resolve("new"), java.util.EnumSet.allOf(paiban.finish.Edition.class), false,
                noProfile, w -> { }));
        assertFalse(Files.exists(out.resolve("new")), "no output folder made");
        // the same through the command line, which also makes --out
        assertEquals(1, paiban.cli.Main.run("build", issue.toString(), "--out", out.resolve("cli").toString(),
                "--cmyk-profile", noProfile.toString()));
        assertFalse(Files.exists(out.resolve("cli")), "no --out folder made");

        // into a folder holding an earlier build: the same files, unchanged
        Path old = out.resolve("old");
        Pipeline.run(issue, old, java.util.EnumSet.of(paiban.finish.Edition.EMAIL, paiban.finish.Edition.PAGES), false, null, w -> { });
        Map<String, FileTime> before = listing(old);
        assertThrows(PaibanException.class, () -> Pipeline.run(issue, old, java.util.EnumSet.allOf(paiban.finish.Edition.class), false, noProfile, w -> { }));
        assertEquals(before, listing(old));
    }

    /** Every file and folder under {@code root}; the files with their times (a folder's changes as files come and go). */
    private static Map<String, FileTime> listing(Path root) throws IOException {
        Map<String, FileTime> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                files.put(root.relativize(p) + (Files.isDirectory(p) ? "/" : ""),
                        Files.isDirectory(p) ? FileTime.fromMillis(0) : Files.getLastModifiedTime(p));
            }
        }
        return files;
    }
}
