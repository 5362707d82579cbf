package paiban.cli;

import paiban.core.PaibanException;
import paiban.Pipeline;
import paiban.batch.Batch;
import paiban.batch.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code paiban build ISSUE... [--out DIR] [--jobs N] [--edition LIST] [--force] [--timings]}: builds the
 * editions of one issue folder or many, several at once. Scheduling and skipping live in {@link Batch}.
 */
@Command(name = "build", mixinStandardHelpOptions = true, description = {"Build the editions of one or more issue folders.",
        "Several issues are built at once; an issue whose outputs are newer than all its inputs is skipped.",
        "Exit code: 0 every issue built or up to date; 1 an issue failed (the others are still built)."})
final class BuildCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "ISSUE", description = "issue folders, e.g. issues/2021-06-22 or issues/*")
    List<Path> issues;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out)")
    Path out = Path.of("out");

    @Option(names = "--edition", split = ",", paramLabel = "LIST",
            description = "editions to make, comma-separated: print, archive, email, pages, previews, text, web (default: all)")
    List<String> editions = new ArrayList<>(Pipeline.EDITIONS);

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "issues built at once (default: the number of cores, at most one per 256 MB of heap)")
    int jobs = defaultJobs();

    /** One build at a time per core, but no more than the heap holds: the fonts, plus ~256 MB per build. */
    private static int defaultJobs() {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (mb - 256) / 256));
    }

    @Option(names = "--force", description = "build even issues whose outputs are up to date")
    boolean force;

    @Option(names = "--marks", description = "crop marks on print.pdf")
    boolean marks;

    @Option(names = "--cmyk-profile", paramLabel = "ICC", description = "the printing plant's CMYK profile for print.pdf "
            + "(default: Debian's SWOP profile from libgs-common)")
    Path cmykProfile;

    @Option(names = "--timings", description = "print how long each stage took")
    boolean timings;

    private boolean debug;

    @Option(names = "--debug", description = "print stack traces")
    void debug(boolean on) {
        debug = on;
        ErrorHandler.debug = on;
    }

    @Override
    public Integer call() {
        Set<String> wanted = new LinkedHashSet<>();
        for (String e : editions) {
            String name = e.strip();
            if (!Pipeline.EDITIONS.contains(name)) {
                throw new PaibanException("--edition '" + name + "': no such edition; choose from "
                        + String.join(", ", Pipeline.EDITIONS));
            }
            wanted.add(name);
        }
        List<Path> folders = new ArrayList<>();
        for (Path p : issues) {
            // `issues/*` also matches a README beside the issue folders; a file is never an issue.
            if (Files.isRegularFile(p)) System.err.println("paiban: " + p + ": a file, not an issue folder; left out");
            else if (!folders.contains(p)) folders.add(p);
        }
        if (folders.isEmpty()) throw new PaibanException("no issue folders given");

        var progress = new ConsoleProgress(System.out, System.err, ConsoleProgress.onTerminal(), timings, debug);
        Summary s = new Batch(new Batch.Options(out, wanted, jobs, force),
                (issue, root, eds, warn) -> Pipeline.run(issue, root, eds, marks, cmykProfile, warn)).run(folders, progress);
        if (s.anyInternal()) return 70;
        return s.anyFailed() ? 1 : 0;
    }
}
