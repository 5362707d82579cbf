package paiban.batch;

import paiban.copy.IssueReader;
import paiban.finish.Edition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides whether an issue's outputs are newer than all its inputs, so a batch can skip it.
 *
 * <p>A successful build leaves a stamp, {@code <out>/<id>/.paiban-build}, recording when the build
 * started, which editions it made, and the files it wrote. The outputs are fresh when the stamp
 * covers the editions asked for, every file it lists still exists, and no input changed since the
 * build started: the issue folder (its files and folders, so a deleted article counts), the layout
 * folder its issue.yaml names, the fonts folder, and the paiban jar itself. Timing from the start
 * rather than from the outputs means an article saved while its build was running is rebuilt next
 * time; an input dated the very tick the build started counts as newer. Fonts that fonts.yaml names
 * by absolute path (the system's Noto CJK) are not watched. The stamp also records the JPEG codec
 * (libjpeg-turbo or ImageIO): the photos' bytes differ between them, so outputs made with the other
 * one are not up to date.
 */
final class Freshness {

    static final String STAMP = ".paiban-build";

    private final Path home;
    private final String codec;

    /**
     * @param home  where layouts/ and fonts/ live ({@link paiban.Pipeline#home()})
     * @param codec the JPEG codec this process runs ({@link paiban.codec.TurboJpeg#codecName()})
     */
    Freshness(Path home, String codec) {
        this.home = home;
        this.codec = codec;
    }

    /** True when the outputs of {@code editions} in {@code outFolder} are newer than every input. */
    boolean upToDate(Path issueFolder, Path outFolder, Set<Edition> editions) {
        Optional<Stamp> stamp = Stamp.read(outFolder.resolve(STAMP));
        if (stamp.isEmpty() || !stamp.get().editions().containsAll(editions)) return false;
        if (!codec.equals(stamp.get().codec())) return false;
        for (String file : stamp.get().files()) {
            if (!Files.isRegularFile(outFolder.resolve(file))) return false;
        }
        Optional<Instant> newest = newestInput(issueFolder);
        return newest.isPresent() && newest.get().isBefore(stamp.get().started());
    }

    /** Removes the stamp before a build: a build that is running or failed leaves none. */
    void forget(Path outFolder) {
        try {
            Files.deleteIfExists(outFolder.resolve(STAMP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The time a build starts, by the file system's clock: the one that dates the inputs. File times
     * come from a coarser clock than {@link Instant#now()} (a kernel tick, or whole seconds on some
     * file systems), so an article saved just after the start could otherwise look older than it.
     */
    Instant now(Path outFolder) {
        try {
            Files.createDirectories(outFolder);
            Path probe = Files.createTempFile(outFolder, ".paiban-clock-", ".tmp");
            try {
                return Files.getLastModifiedTime(probe).toInstant();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return Instant.now(); // the build itself will say what is wrong with the folder
        }
    }

    /** Records a finished build: the files in {@code outFolder} written since {@code started}. */
    void stamp(Path outFolder, Set<Edition> editions, Instant started) {
        FileTime since = FileTime.from(started);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(outFolder)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".")) continue;
                if (Files.getLastModifiedTime(p).compareTo(since) >= 0) {
                    files.add(outFolder.relativize(p).toString().replace('\\', '/'));
                }
            }
            new Stamp(started, editions, codec, files).write(outFolder.resolve(STAMP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest modification time among the issue's inputs, or empty when one cannot be read. */
    Optional<Instant> newestInput(Path issueFolder) {
        List<Path> roots = new ArrayList<>(List.of(issueFolder, home.resolve("fonts")));
        Optional<String> layout = layoutName(issueFolder);
        if (layout.isEmpty()) return Optional.empty();
        roots.add(home.resolve("layouts").resolve(layout.get()));
        jar().ifPresent(roots::add);
        Instant newest = Instant.EPOCH;
        try {
            for (Path root : roots) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) walk::iterator) {
                        Instant t = Files.getLastModifiedTime(p).toInstant();
                        if (t.isAfter(newest)) newest = t;
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // a missing layout or unreadable file: let the build say what is wrong
        }
        return Optional.of(newest);
    }

    /** The layout issue.yaml names, by the copy reader; the build itself reports what is wrong with it. */
    private static Optional<String> layoutName(Path issueFolder) {
        try {
            return Optional.of(IssueReader.layout(issueFolder));
        } catch (RuntimeException e) {
            // a PaibanException for a faulty issue.yaml, or a fault in the reader: not fresh, and the
            // build meets the same problem and reports it
            return Optional.empty();
        }
    }

    /** The jar paiban runs from: a new paiban may set the same copy differently. */
    private static Optional<Path> jar() {
        try {
            var source = Freshness.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The stamp's contents: one {@code key=value} a line, files listed one per line. */
    record Stamp(Instant started, Set<Edition> editions, String codec, List<String> files) {

        void write(Path file) throws IOException {
            StringBuilder sb = new StringBuilder("# paiban: the last successful build of this issue; "
                    + "paiban build skips it while no input is newer than 'started'\n");
            sb.append("started=").append(started).append('\n');
            sb.append("codec=").append(codec).append('\n');
            sb.append("editions=").append(editions.stream().map(Edition::label).collect(Collectors.joining(","))).append('\n');
            for (String f : files) sb.append("file=").append(f).append('\n');
            Path tmp = file.resolveSibling(STAMP + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        static Optional<Stamp> read(Path file) {
            try {
                Instant started = null;
                Set<Edition> editions = EnumSet.noneOf(Edition.class);
                String codec = "";
                List<String> files = new ArrayList<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (line.startsWith("#") || eq < 0) continue;
                    String value = line.substring(eq + 1);
                    switch (line.substring(0, eq)) {
                        case "started" -> started = Instant.parse(value);
                        case "editions" -> editions.addAll(Edition.parse(value)); // an unknown one: damaged
                        case "file" -> files.add(value);
                        case "codec" -> codec = value;
                        default -> {
                        }
                    }
                }
                return started == null ? Optional.empty() : Optional.of(new Stamp(started, editions, codec, files));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // a damaged stamp only costs a rebuild
            }
        }
    }
}
