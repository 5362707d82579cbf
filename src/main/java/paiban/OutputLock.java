package paiban;

import paiban.core.PaibanException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One build at a time writes an issue's output folder. Two builds of the same issue into the same
 * folder (two terminals, a batch and a hand build) would otherwise stage the same temporary files;
 * the second waits for the first. A file lock covers other processes, a lock object this one.
 */
final class OutputLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    static OutputLock acquire(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        try {
            FileChannel ch = FileChannel.open(key.resolve(".paiban-lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            return new OutputLock(local, ch, ch.lock());
        } catch (IOException e) {
            local.unlock();
            throw new PaibanException(folder + ": cannot lock the output folder (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        } finally {
            local.unlock();
        }
    }
}
