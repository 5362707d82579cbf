package paiban.testing;

import paiban.core.PaibanException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded random mutator for fuzz tests: it breaks valid input the way tired hands and hostile files
 * do (cut lines, doubled lines, stray tokens of the format, control characters, absurd repetition,
 * broken UTF-8). The same seed gives the same inputs, so a failure is reproduced by its seed and
 * iteration, and a run takes a fixed number of iterations rather than a fixed time.
 *
 * <p>To fuzz a reader, give {@link #fuzz} a valid input, the format's own tokens and a function that
 * writes the input where the reader expects it and reads it:
 *
 * <pre>{@code
 * Mutator.fuzz("CSV", 42, 2000, validCsv, Mutator.tokens(",", "\"", "\"\""),
 *         text -> SubscriberList.parse(text), Pattern.compile("^subscribers\\.csv(:\\d+)?: "));
 * }</pre>
 *
 * {@code -Dpaiban.fuzz.seed=N} and {@code -Dpaiban.fuzz.iterations=N} replace the fixed values for a
 * longer hunt on a developer's machine.
 */
public final class Mutator {

    /** Tokens that upset most text readers; {@link #tokens} adds a format's own. */
    public static final List<String> HOSTILE = List.of(
            "\n", "\r\n", "\r", "\t", " ", "", "\u0000", "\u001b[2J", "\uFEFF", "\u202E", "\u00A0", "\u3000",
            "：", "，", "——", "😀", "𠀀", "…", "\\", "\"", "'", "`", "<script>", "&amp;", "&#0;", "%s",
            "../../etc/passwd", "/etc/passwd", "-1", "0", "99999999999999999999", "1e9", "NaN", "null", "~",
            "true", "2021-02-30", "2021-6-22");

    private static final byte[][] BAD_BYTES = {
            {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xD6, (byte) 0xD0},
            {(byte) 0xB1, (byte) 0xBE, (byte) 0xB1, (byte) 0xA8}, {0}};

    private final Random random;
    private final List<String> tokens;

    public Mutator(long seed, List<String> tokens) {
        this.random = new Random(seed);
        this.tokens = List.copyOf(tokens);
    }

    /** {@link #HOSTILE} followed by a format's own tokens. */
    public static List<String> tokens(String... formatTokens) {
        List<String> all = new ArrayList<>(HOSTILE);
        all.addAll(List.of(formatTokens));
        return all;
    }

    /** The valid text with one to four random edits. */
    public String mutate(String valid) {
        StringBuilder s = new StringBuilder(valid);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) edit(s);
        return s.toString();
    }

    /** The valid bytes with one to three byte-level edits: invalid UTF-8, flipped bits, cuts. */
    public byte[] mutate(byte[] valid) {
        List<Byte> b = new ArrayList<>(valid.length + 16);
        for (byte x : valid) b.add(x);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.size() + 1);
            switch (random.nextInt(4)) {
                case 0 -> {
                    byte[] bad = BAD_BYTES[random.nextInt(BAD_BYTES.length)];
                    for (int i = bad.length - 1; i >= 0; i--) b.add(at, bad[i]);
                }
                case 1 -> {
                    if (at < b.size()) b.set(at, (byte) (b.get(at) ^ (1 << random.nextInt(8))));
                }
                case 2 -> {
                    if (at < b.size()) b.subList(at, b.size()).clear();
                }
                default -> {
                    int end = Math.min(b.size(), at + random.nextInt(8));
                    b.subList(at, end).clear();
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) out[i] = b.get(i);
        return out;
    }

    private void edit(StringBuilder s) {
        int at = position(s);
        switch (random.nextInt(9)) {
            case 0 -> s.insert(at, token());
            case 1 -> s.insert(at, token()).insert(position(s), token());
            case 2 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(12)));
            case 3 -> { // duplicate a stretch, as a bad paste does
                int end = Math.min(s.length(), at + 1 + random.nextInt(40));
                s.insert(end, s.substring(at, end));
            }
            case 4 -> { // one random character: ASCII, CJK, control or astral
                int cp = switch (random.nextInt(4)) {
                    case 0 -> 0x20 + random.nextInt(0x5F);
                    case 1 -> 0x4E00 + random.nextInt(0x5000);
                    case 2 -> random.nextInt(0x20);
                    default -> 0x1F300 + random.nextInt(0x300);
                };
                if (at < s.length() && !Character.isSurrogate(s.charAt(at))) s.setCharAt(at, ' ');
                s.insert(at, Character.toChars(cp));
            }
            case 5 -> s.setLength(at); // truncated file
            case 6 -> { // a token repeated hundreds of times: nesting, huge numbers, runaway markup
                String t = token();
                s.insert(at, t.repeat(50 + random.nextInt(random.nextBoolean() ? 200 : 3000)));
            }
            case 7 -> swapLines(s);
            default -> reindent(s);
        }
    }

    /** A position that never splits a surrogate pair, so text stays well formed unless a token breaks it. */
    private int position(StringBuilder s) {
        int at = random.nextInt(s.length() + 1);
        if (at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at))) at--;
        return at;
    }

    private String token() {
        return tokens.get(random.nextInt(tokens.size()));
    }

    private void swapLines(StringBuilder s) {
        String[] lines = s.toString().split("\n", -1);
        if (lines.length < 2) return;
        int a = random.nextInt(lines.length);
        int b = random.nextInt(lines.length);
        String t = lines[a];
        lines[a] = lines[b];
        lines[b] = t;
        s.setLength(0);
        s.append(String.join("\n", lines));
    }

    private void reindent(StringBuilder s) {
        String[] lines = s.toString().split("\n", -1);
        int a = random.nextInt(lines.length);
        lines[a] = random.nextBoolean() ? " ".repeat(1 + random.nextInt(6)) + lines[a] : lines[a].stripLeading();
        s.setLength(0);
        s.append(String.join("\n", lines));
    }

    /** What a fuzz run saw: how many inputs were read cleanly and how many were refused with a good message. */
    public record Outcome(int read, int refused) {
    }

    /** A reader under test. Throwing anything but a paiban error fails the run. */
    @FunctionalInterface
    public interface Reader<T> {
        void read(T input) throws Exception;
    }

    /**
     * Feeds {@code iterations} mutations of {@code valid} to {@code reader}. Each must either be read or be
     * refused with a {@link PaibanException} whose message matches {@code namesFile}. Anything else
     * (a NullPointerException, a ClassCastException, a StackOverflowError, a message that names no file)
     * fails with the seed, the iteration and the input, so it can be replayed.
     */
    public static Outcome fuzz(String what, long seed, int iterations, String valid, List<String> tokens,
                               Reader<String> reader, Pattern namesFile) {
        long s = Long.getLong("paiban.fuzz.seed", seed);
        Mutator m = new Mutator(s, tokens);
        return run(what + " (seed " + s + ")", Integer.getInteger("paiban.fuzz.iterations", iterations),
                () -> m.mutate(valid), reader, namesFile, Mutator::show);
    }

    /** As {@link #fuzz} with byte-level mutations: broken encodings, flipped bits, cut files. */
    public static Outcome fuzzBytes(String what, long seed, int iterations, byte[] valid,
                                    Reader<byte[]> reader, Pattern namesFile) {
        long s = Long.getLong("paiban.fuzz.seed", seed);
        Mutator m = new Mutator(s, HOSTILE);
        return run(what + " (seed " + s + ")", Integer.getInteger("paiban.fuzz.iterations", iterations),
                () -> m.mutate(valid), reader, namesFile, b -> show(new String(b, StandardCharsets.ISO_8859_1)));
    }

    private static <T> Outcome run(String what, int iterations, Supplier<T> inputs, Reader<T> reader,
                                   Pattern namesFile, Function<T, String> show) {
        int read = 0;
        int refused = 0;
        for (int i = 0; i < iterations; i++) {
            T input = inputs.get();
            try {
                reader.read(input);
                read++;
            } catch (PaibanException e) {
                if (e.getMessage() == null || !namesFile.matcher(e.getMessage()).find()) {
                    fail(what + ", iteration " + i + ": the message names no file: " + e.getMessage()
                            + "\ninput: " + show.apply(input));
                }
                refused++;
            } catch (Throwable t) {
                throw new AssertionError(what + ", iteration " + i + ": " + t + " escaped instead of a paiban error"
                        + "\ninput: " + show.apply(input), t);
            }
        }
        return new Outcome(read, refused);
    }

    /** The input as a Java string literal, cut to a readable length. */
    private static String show(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().limit(600).forEach(c -> {
            if (c == '\n') sb.append("\\n");
            else if (c == '"' || c == '\\') sb.append('\\').appendCodePoint(c);
            else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE) sb.append(String.format("\\u%04x", c));
            else sb.appendCodePoint(c);
        });
        return sb.append(s.length() > 600 ? "\"…" : "\"").toString();
    }
}
