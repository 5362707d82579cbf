package paiban.cli;

import paiban.Pipeline;
import paiban.batch.Batch;
import paiban.batch.Summary;
import paiban.codec.TurboJpeg;
import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.finish.Edition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code paiban build ISSUE... [--out DIR] [--jobs N] [--edition LIST] [--force] [--strict] [--timings]}: builds the
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
            description = "editions to make, comma-separated: print, archive, email, pages, previews, text, library, web (default: all)")
    List<String> editions;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "issues built at once (default: the number of cores, at most one per 256 MB of heap)")
    int jobs = Batch.defaultJobs();

    @Option(names = "--force", description = "build even issues whose outputs are up to date")
    boolean force;

    @Option(names = "--marks", description = "crop marks on print.pdf")
    boolean marks;

    @Option(names = "--cmyk-profile", paramLabel = "ICC", description = "the printing plant's CMYK profile for print.pdf "
            + "(default: Debian's SWOP profile from libgs-common)")
    Path cmykProfile;

    @Option(names = "--strict", description = "refuse an issue whose issue.yaml lacks a field the rules for newspapers "
            + "require on the page (CN number, 邮发代号, 主管, 主办, address, telephone, printer, price) instead of "
            + "warning; nothing of it is written")
    boolean strict;

    @Option(names = "--timings", description = "print how long each stage took")
    boolean timings;

    @Option(names = "--debug", description = "print stack traces")
    boolean debug;

    @Override
    public Integer call() {
        Set<Edition> wanted = editions == null ? EnumSet.allOf(Edition.class) : Edition.parse(String.join(",", editions));
        List<Path> folders = Batch.issueFolders(issues, left -> System.err.println("paiban: " + left));

        var progress = new ConsoleProgress(System.out, System.err, ConsoleProgress.onTerminal(), timings, debug,
                TurboJpeg.description());
        Summary s = new Batch(new Batch.Options(out, wanted, jobs, force),
                (issue, root, eds, warn) -> {
                    if (strict) refuseMissingFurniture(issue);
                    return Pipeline.run(issue, root, eds, marks, cmykProfile, warn);
                }).run(folders, progress);
        if (s.anyInternal()) return 70;
        return s.anyFailed() ? 1 : 0;
    }

    /** --strict: what would be a warning about the nameplate or the 报尾 fails the issue before anything is made. */
    private static void refuseMissingFurniture(Path issue) {
        List<String> missing = IssueReader.missingFurniture(issue);
        if (!missing.isEmpty()) {
            throw new PaibanException("--strict: issue.yaml lacks " + missing.size() + " field"
                    + (missing.size() == 1 ? "" : "s") + " the rules for newspapers require; nothing was built\n  "
                    + String.join("\n  ", missing));
        }
    }
}
