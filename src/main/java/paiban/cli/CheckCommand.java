package paiban.cli;

import paiban.check.Finding;
import paiban.check.Proofreader;
import paiban.check.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code paiban check FILE.pdf}: proofreads any PDF's Chinese line setting from its glyph positions. */
@Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Proofread the body text of PDFs: line-start/line-end prohibitions, split pairs (—— …… numbers, "
                + "Latin words), ragged lines, baseline grid, lone last characters, missing glyphs.",
        "Prints what it finds and one summary line per file; exits 1 when anything is found."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE.pdf", description = "PDF files to check")
    List<Path> files;

    @Option(names = "--pitch", paramLabel = "PT", description = "the body line pitch in points (default: inferred)")
    Float pitch;

    @Option(names = "--max", paramLabel = "N", description = "findings to list per file (default: ${DEFAULT-VALUE})")
    int max = 40;

    @Override
    public Integer call() {
        boolean clean = true;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new paiban.core.PaibanException(f + ": no such file; give the path of a PDF");
            Report r = Proofreader.check(f, pitch);
            List<Finding> all = r.findings();
            all.stream().limit(max).forEach(x -> System.out.println("  " + x));
            if (all.size() > max) System.out.println("  … and " + (all.size() - max) + " more");
            System.out.println(r.summary());
            clean &= r.clean();
        }
        return clean ? 0 : 1;
    }
}
