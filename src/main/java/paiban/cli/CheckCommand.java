package paiban.cli;

import paiban.check.Finding;
import paiban.check.FurnitureCheck;
import paiban.check.FurnitureReport;
import paiban.check.Preflight;
import paiban.check.PressFinding;
import paiban.check.PressReport;
import paiban.check.Proofreader;
import paiban.check.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code paiban check FILE.pdf}: proofreads any PDF's Chinese line setting from its glyph positions;
 * with --print it preflights for the press, with --furniture it checks the furniture the rules require.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Proofread the body text of PDFs: line-start/line-end prohibitions, split pairs (—— …… numbers, "
                + "Latin words), ragged lines, baseline grid, lone last characters, missing glyphs.",
        "With --print, preflight for a newspaper plant instead: ink per page (total area coverage), image "
                + "resolution, RGB and spot colours, fonts not embedded, four-colour black, small coloured or "
                + "reversed text, Trim and Bleed boxes.",
        "With --furniture, check a built issue for what the rules for newspapers require on its pages instead: "
                + "the paper's name largest on page 1, the CN number, 邮发代号, date with 星期, 总第N期, 今日N版, 主管 and "
                + "主办 there, address, telephone, printer and price on the last page, 第N版 on every page in sequence, "
                + "and every ad (an outline item titled 广告…) labelled 广告.",
        "Prints what it finds and one summary line per file; exits 1 when anything is found."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE.pdf", description = "PDF files to check")
    List<Path> files;

    @Option(names = "--pitch", paramLabel = "PT", description = "the body line pitch in points (default: inferred)")
    Float pitch;

    @Option(names = "--max", paramLabel = "N", description = "findings to list per file (default: ${DEFAULT-VALUE})")
    int max = 40;

    @Option(names = "--print", description = "preflight the PDF for the press instead of proofreading it")
    boolean print;

    @Option(names = "--furniture", description = "check the page furniture the rules require instead of proofreading")
    boolean furniture;

    @Option(names = "--ink-limit", paramLabel = "PERCENT",
            description = "with --print: the most ink at one spot, C+M+Y+K (default: ${DEFAULT-VALUE})")
    int inkLimit = paiban.render.PrintSettings.DEFAULT_INK_LIMIT;

    @Override
    public Integer call() {
        if (print && furniture) {
            throw new paiban.core.PaibanException("--print and --furniture are two checks; give one of them");
        }
        boolean clean = true;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new paiban.core.PaibanException(f + ": no such file; give the path of a PDF");
            if (print) {
                clean &= preflight(f);
                continue;
            }
            if (furniture) {
                FurnitureReport r = FurnitureCheck.check(f);
                r.notes().forEach(n -> System.out.println("  note: " + n));
                r.findings().stream().limit(max).forEach(x -> System.out.println("  " + x));
                if (r.findings().size() > max) System.out.println("  … and " + (r.findings().size() - max) + " more");
                System.out.println(r.summary());
                clean &= r.clean();
                continue;
            }
            Report r = Proofreader.check(f, pitch);
            List<Finding> all = r.findings();
            all.stream().limit(max).forEach(x -> System.out.println("  " + x));
            if (all.size() > max) System.out.println("  … and " + (all.size() - max) + " more");
            System.out.println(r.summary());
            clean &= r.clean();
        }
        return clean ? 0 : 1;
    }

    private boolean preflight(Path f) {
        if (inkLimit < paiban.render.PrintSettings.LOWEST_INK_LIMIT || inkLimit > paiban.render.PrintSettings.HIGHEST_INK_LIMIT) {
            throw new paiban.core.PaibanException("--ink-limit: " + inkLimit + " is outside "
                    + paiban.render.PrintSettings.LOWEST_INK_LIMIT + "–" + paiban.render.PrintSettings.HIGHEST_INK_LIMIT
                    + " (C + M + Y + K in percent; coldset newsprint takes 220–240)");
        }
        PressReport r = Preflight.check(f, inkLimit);
        r.pageLines().forEach(System.out::println);
        r.images().forEach(i -> System.out.println("  " + i));
        List<PressFinding> all = r.findings();
        all.stream().limit(max).forEach(x -> System.out.println("  " + x));
        if (all.size() > max) System.out.println("  … and " + (all.size() - max) + " more");
        System.out.println(r.summary());
        return r.clean();
    }
}
