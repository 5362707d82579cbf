package paiban.finish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a build's files appear all together or not at all. Each file is first written under a hidden
 * temporary name beside its final place ({@code pages/.01.pdf.part}); only when every edition has
 * succeeded does {@link #commit()} move them into place with atomic renames. Closing without a commit
 * deletes the temporary files, so a failed build leaves nothing that looks finished.
 */
final class Staging implements AutoCloseable {

    /** Numbered outputs (pages/01.pdf, previews/01.png, archive/alto/01.xml) that a shorter issue must not leave behind. */
    private static final Pattern NUMBERED = Pattern.compile("\\d+\\.(pdf|png|xml)");

    private final Path folder;
    private final Map<Path, Path> pending = new LinkedHashMap<>();
    private boolean committed;

    Staging(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * The temporary file to write for {@code relative} (e.g. "pages/01.pdf"); its folder exists.
     */
    Path file(String relative) throws IOException {
        Path target = folder.resolve(relative);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".part");
        if (pending.put(target, temp) != null) {
            throw new IllegalStateException(relative + " staged twice");
        }
        return temp;
    }

    /** Where {@code relative}'s bytes are until the commit, or null when nothing is staged under that name. */
    Path staged(String relative) {
        return pending.get(folder.resolve(relative));
    }

    /** Moves every staged file into place and removes numbered files an earlier, longer build left. */
    List<Path> commit() throws IOException {
        List<Path> written = new ArrayList<>();
        for (var e : pending.entrySet()) {
            if (!Files.isRegularFile(e.getValue())) {
                throw new IOException(e.getValue() + " was staged but never written");
            }
        }
        for (var e : pending.entrySet()) {
            move(e.getValue(), e.getKey());
            written.add(folder.relativize(e.getKey()));
        }
        committed = true;
        for (Path dir : pending.keySet().stream().map(Path::getParent).distinct().toList()) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    if (NUMBERED.matcher(f.getFileName().toString()).matches() && !pending.containsKey(f)) {
                        Files.delete(f);
                    }
                }
            }
        }
        return written;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on exotic file systems; a plain replace is the best left.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        IOException first = null;
        for (Path temp : pending.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
