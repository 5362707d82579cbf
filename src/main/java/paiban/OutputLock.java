package paiban;

import paiban.core.PaibanException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One build at a time writes an issue's output folder. Two builds of the same issue into the same
 * folder (two terminals, a batch and a hand build) would otherwise stage the same temporary files;
 * the second waits for the first. A file lock covers other processes, a lock object this one.
 *
 * <p>The lock file, {@code .paiban-lock}, lives only as long as the build: the holder deletes it before
 * letting go. A build that waited meanwhile then holds a lock on a file that is gone, so each holder
 * writes a token of its own into the file and goes on only when the file at that name still reads so;
 * otherwise it tries again. The kernel drops the lock of a process that dies (even by kill -9), so the
 * file a killed build leaves is simply taken over by the next one, which also clears that build's
 * temporary files ({@link #LEFTOVER}): nobody else writes in the folder while it holds the lock.
 */
final class OutputLock implements AutoCloseable {

    static final String FILE = ".paiban-lock";
    /** What an interrupted build leaves of the files it writes under the lock: .paiban-render-….tmp and the
     * staged .NAME.part files (the stamp and the clock probe are written outside it, so are not touched). */
    static final java.util.regex.Pattern LEFTOVER = java.util.regex.Pattern.compile("\\.paiban-render-.*\\.tmp|\\..+\\.part");

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final AtomicLong SERIAL = new AtomicLong();

    private final ReentrantLock local;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(ReentrantLock local, Path file, FileChannel channel, FileLock lock) {
        this.local = local;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static OutputLock acquire(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        Path file = key.resolve(FILE);
        String token = ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet() + "-" + System.nanoTime() + "\n";
        try {
            while (true) {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = ch.lock();
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                if (token.equals(readOrNull(file))) {
                    clearLeftovers(key);
                    return new OutputLock(local, file, ch, lock);
                }
                ch.close(); // the holder before deleted the file: lock the one at that name now
            }
        } catch (IOException e) {
            local.unlock();
            throw new PaibanException(folder + ": cannot lock the output folder (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    private static String readOrNull(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /** Deletes what a build killed in this folder left: its temporary render and staged files. */
    private static void clearLeftovers(Path folder) throws IOException {
        List<Path> stale;
        try (Stream<Path> walk = Files.walk(folder, 3)) {
            stale = walk.filter(p -> LEFTOVER.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile).toList();
        }
        for (Path p : stale) Files.deleteIfExists(p);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file); // before the release, so that no one locks it in between
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already closed
            }
            local.unlock();
        }
    }
}
