package paiban.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code paiban build issues/<id> [--out DIR]}: reads, typesets, composes, renders and finishes an issue. */
@Command(name = "build", description = "Build the editions of one or more issue folders.")
final class BuildCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "ISSUE", description = "issue folders, e.g. issues/2021-06-22")
    List<Path> issues;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out)")
    Path out = Path.of("out");

    @Option(names = "--timings", description = "print how long each stage took")
    boolean timings;

    @Option(names = "--debug", description = "print stack traces")
    void debug(boolean on) {
        ErrorHandler.debug = on;
    }

    @Override
    public Integer call() {
        for (Path folder : issues) {
            long start = System.nanoTime();
            paiban.Pipeline.Result r = paiban.Pipeline.run(folder, out, paiban.Pipeline.EDITIONS,
                    w -> System.err.println("warning: " + w));
            System.out.println("built " + r.folder());
            if (timings) {
                r.timings().forEach((stage, ms) -> System.out.printf("  %-16s %6d ms%n", stage, ms));
                System.out.printf("  %-16s %6d ms%n", "total", (System.nanoTime() - start) / 1_000_000);
            }
        }
        return 0;
    }
}
