package paiban;

import java.nio.file.Path;
import java.util.Set;

/**
 * The whole pipeline behind {@code paiban build}: read copy → typeset → compose → render → finish.
 * The command line and {@code paiban send} call this; it holds no layout logic of its own.
 */
public final class Pipeline {

    /** Every edition a build can make; {@code --edition} picks a subset. */
    public static final Set<String> EDITIONS = Set.of("print", "archive", "email", "pages", "previews", "text");

    private Pipeline() {
    }

    /**
     * Builds the given editions of one issue into {@code outRoot/<issue id>/}.
     *
     * @return the issue's output folder
     */
    public static Path build(Path issueFolder, Path outRoot, Set<String> editions) {
        throw new UnsupportedOperationException("the pipeline is being assembled");
    }
}
