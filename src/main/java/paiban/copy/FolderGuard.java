package paiban.copy;

import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves paths written in copy (photo files) strictly inside the issue folder.
 * An absolute path, a ".." that climbs out, or a symlink that leads out is refused: copy is untrusted.
 */
public final class FolderGuard {

    private final Path root;
    private final Path realRoot;

    public FolderGuard(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new PaibanException(root + ": the folder cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * @param written what the copy says, e.g. "photos/a.jpg"
     * @param where   "articles/x.md, photos[1].file", for the message
     */
    public Path resolve(String written, String where) {
        if (written.indexOf('\0') >= 0) {
            throw new PaibanException(where + ": the path " + Quoted.of(written) + " contains the invisible character "
                    + "U+0000; type the path again");
        }
        Path p;
        try {
            p = Path.of(written);
        } catch (java.nio.file.InvalidPathException e) {
            throw new PaibanException(where + ": " + Quoted.of(written) + " is not a valid path; give a path inside "
                    + "the issue folder, e.g. photos/name.jpg");
        }
        if (p.isAbsolute() || written.startsWith("/") || written.startsWith("\\")) {
            throw new PaibanException(where + ": " + Quoted.of(written) + " is an absolute path, and paiban reads "
                    + "only inside the issue folder; copy the file in and give its path from there, e.g. photos/name.jpg");
        }
        Path resolved = root.resolve(p).normalize();
        if (!resolved.startsWith(root)) {
            throw new PaibanException(where + ": " + Quoted.of(written) + " points outside the issue folder, and "
                    + "paiban reads only inside it; copy the file in and give its path from there, e.g. photos/name.jpg");
        }
        if (Files.exists(resolved, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                Path real = resolved.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw new PaibanException(where + ": " + Quoted.of(written) + " is a link that leads outside the "
                            + "issue folder, and paiban reads only inside it; replace the link with the real file");
                }
            } catch (IOException e) {
                // a dangling link: reported as missing by the caller
            }
        }
        return resolved;
    }
}
