package paiban.deliver;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import paiban.core.PaibanException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subscriber file: CSV with a header naming the columns {@code email} and {@code name} (any
 * order, any case, more columns allowed). Rows that fail a check are kept as {@link Rejected} with
 * their line number, so one bad row never stops the others from being served.
 */
public record SubscriberList(Path file, List<Subscriber> subscribers, List<Rejected> rejected) {

    /** A row that is skipped, and why. */
    public record Rejected(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason + "; skipped";
        }
    }

    public SubscriberList {
        subscribers = List.copyOf(subscribers);
        rejected = List.copyOf(rejected);
    }

    public static SubscriberList read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true)
                // Blank lines are kept as records so that every record's first line is the previous
                // record's last line + 1; they are skipped below.
                .setIgnoreEmptyLines(false)
                .get();
        // Spreadsheet programs often start "CSV UTF-8" with a byte-order mark; a malformed byte is an error,
        // not a silent U+FFFD in somebody's name.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Subscriber> subscribers = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        long line = 0;
        try (var in = BOMInputStream.builder().setPath(file).get();
             var reader = new BufferedReader(new InputStreamReader(in, decoder));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : List.of("email", "name")) {
                if (header == null || !header.containsKey(column)) {
                    throw new PaibanException(file + ": line 1: the header has no '" + column + "' column; "
                            + "the first line must name the columns, e.g. email,name");
                }
            }
            line = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long start = line + 1;
                line = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                Optional<String> fault = fault(record);
                if (fault.isPresent()) {
                    rejected.add(new Rejected(start, fault.get()));
                    continue;
                }
                Subscriber s = new Subscriber(record.get("email"), record.get("name"), start);
                Long first = seen.putIfAbsent(s.key(), start);
                if (first != null) {
                    rejected.add(new Rejected(start, s.email() + " already appears on line " + first
                            + "; one message per address"));
                    continue;
                }
                subscribers.add(s);
            }
        } catch (CharacterCodingException e) {
            throw new PaibanException(file + ": line 1: not UTF-8 text; save it as \"CSV UTF-8\"");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new PaibanException(file + ": line " + (line + 1) + " or after: not UTF-8 text; "
                        + "save it as \"CSV UTF-8\"");
            }
            throw unreadable(file, line, e);
        } catch (IllegalStateException e) {
            throw unreadable(file, line, e);
        } catch (IOException e) {
            throw new PaibanException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new PaibanException(file + ": line 1: the header cannot be used (" + e.getMessage() + ")");
        }
        return new SubscriberList(file, subscribers, rejected);
    }

    private static PaibanException unreadable(Path file, long line, RuntimeException e) {
        // commons-csv gives up on an unclosed quote; nothing after it can be trusted.
        return new PaibanException(file + ": line " + (line + 1) + " or after: the CSV cannot be read ("
                + rootMessage(e) + "); check for an unclosed quote");
    }

    private static Optional<String> fault(CSVRecord record) {
        if (!record.isSet("email") || !record.isSet("name")) {
            return Optional.of("has " + record.size() + " field(s) but the header names more; "
                    + "each row needs an email and a name (the name may be empty)");
        }
        return Subscriber.addressFault(record.get("email")).or(() -> Subscriber.nameFault(record.get("name")));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
