package paiban.deliver;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import paiban.core.PaibanException;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who has received this issue: {@code send-journal.csv} beside the outputs, one line per event,
 * appended and forced to disk right after the server accepts each message. A run reads it first
 * and skips everyone marked sent, so a crash or a dropped connection costs nobody a second copy.
 *
 * <p>Columns: {@code time,event,email,message_id,edition}. Events: {@code sent} (the server
 * accepted the message) and {@code resend} (written by {@code --resend}: this address is due again).
 * Every physical line is one record because addresses never hold line breaks; a torn last line
 * left by a crash is ignored and cut off, which at worst sends that one message again.
 */
public final class SendJournal implements Closeable {

    public static final String FILE = "send-journal.csv";
    static final List<String> COLUMNS = List.of("time", "event", "email", "message_id", "edition");
    private static final CSVFormat LINE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final Path file;
    private final Clock clock;
    private final FileChannel channel;   // null when only peeking
    private final FileLock lock;
    private final Map<String, Boolean> delivered = new HashMap<>();
    private final Map<String, Integer> rounds = new HashMap<>();

    private SendJournal(Path file, Clock clock, FileChannel channel, FileLock lock) {
        this.file = file;
        this.clock = clock;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Opens the journal of an output folder for a run, creating it if needed, and holds a lock on it
     * so that two runs for the same issue cannot both send.
     */
    public static SendJournal open(Path folder, Clock clock) {
        Path file = folder.resolve(FILE);
        boolean fresh = !Files.exists(file);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new PaibanException(file + ": another paiban send is running for this issue; "
                        + "wait for it to finish");
            }
            SendJournal journal = new SendJournal(file, clock, channel, lock);
            byte[] existing = Files.readAllBytes(file);
            journal.load(existing);
            if (existing.length == 0) {
                journal.append(String.join(",", COLUMNS) + "\n");
            } else if (existing[existing.length - 1] != '\n') {
                // Cut a line torn by a crash, so the next record starts on a line of its own.
                int end = existing.length;
                while (end > 0 && existing[end - 1] != '\n') {
                    end--;
                }
                channel.truncate(end);
                channel.force(true);
            }
            if (fresh) {
                forceDirectory(folder);
            }
            return journal;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PaibanException(file + ": cannot be opened for writing (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Reads the journal without locking or creating it: what {@code --dry-run} needs. */
    public static SendJournal peek(Path folder) {
        Path file = folder.resolve(FILE);
        SendJournal journal = new SendJournal(file, Clock.systemUTC(), null, null);
        if (Files.exists(file)) {
            try {
                journal.load(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new PaibanException(file + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return journal;
    }

    public Path file() {
        return file;
    }

    /** True if the last event for this address is a delivery. */
    public boolean delivered(Subscriber s) {
        return delivered.getOrDefault(s.key(), false);
    }

    /** How many times this address was marked for a resend; it keeps each resend's Message-ID new. */
    public int round(Subscriber s) {
        return rounds.getOrDefault(s.key(), 0);
    }

    /** Records that the server accepted the message, and forces the line to disk before returning. */
    public void recordSent(Subscriber s, String messageId, String edition) {
        append(LINE.format(clock.instant().toString(), "sent", s.email(), messageId, edition) + "\n");
        delivered.put(s.key(), true);
    }

    /** Marks these addresses as due again ({@code --resend}); a later interrupted run resumes from here. */
    public void recordResend(Collection<Subscriber> subscribers) {
        StringBuilder lines = new StringBuilder();
        for (Subscriber s : subscribers) {
            lines.append(LINE.format(clock.instant().toString(), "resend", s.email(), "", "")).append('\n');
        }
        append(lines.toString());
        for (Subscriber s : subscribers) {
            delivered.put(s.key(), false);
            rounds.merge(s.key(), 1, Integer::sum);
        }
    }

    private void load(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        // The last element is either "" (the file ends with a newline) or a line torn by a crash.
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.isBlank() || (i == 0 && line.equals(String.join(",", COLUMNS)))) {
                continue;
            }
            CSVRecord record = parseLine(line, i + 1);
            String key = record.get(2).toLowerCase(java.util.Locale.ROOT);
            switch (record.get(1)) {
                case "sent" -> delivered.put(key, true);
                case "resend" -> {
                    delivered.put(key, false);
                    rounds.merge(key, 1, Integer::sum);
                }
                default -> throw new PaibanException(file + ": line " + (i + 1) + ": unknown event '"
                        + record.get(1) + "'; the journal is written by paiban send, do not edit it by hand");
            }
        }
    }

    private CSVRecord parseLine(String line, int number) {
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() == 1 && records.getFirst().size() == COLUMNS.size()) {
                return records.getFirst();
            }
        } catch (IOException | UncheckedIOException e) {
            // reported below
        }
        throw new PaibanException(file + ": line " + number + ": not a journal record ("
                + COLUMNS.size() + " fields: " + String.join(",", COLUMNS) + "); the journal is written by "
                + "paiban send, do not edit it by hand");
    }

    private void append(String text) {
        if (channel == null) {
            throw new IllegalStateException("the journal was only peeked at");
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            // Without the record a later run would send this message again, so stop here.
            throw new PaibanException(file + ": cannot be written (" + e.getMessage() + "); the run stops so "
                    + "that nobody is sent the issue twice; free the disk and run again");
        }
    }

    /** A new file's name is only durable once its folder is forced too. */
    private static void forceDirectory(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems cannot open a folder as a channel; the data itself is already forced.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
