package paiban.cli;

import paiban.Pipeline;
import paiban.core.PaibanException;
import paiban.web.CatalogueSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code paiban site OUT... --out SITE}: gathers built issues into one static back catalogue with
 * full-text search ({@link CatalogueSite}).
 */
@Command(name = "site", mixinStandardHelpOptions = true, description = {
        "Gather built issues (their web editions) into one static back catalogue with full-text search.",
        "OUT is an issue's output folder (out/2021-06-22) or a folder of them (out).",
        "Adding issues to an existing SITE copies only what changed and re-indexes only the years that changed.",
        "Search runs in the browser from Pagefind's static index: serve SITE with any static web server."})
final class SiteCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "OUT", description = "built issues: out/<id> folders, or out/")
    List<Path> outs;

    @Option(names = "--out", required = true, paramLabel = "SITE", description = "the catalogue's folder")
    Path site;

    @Option(names = "--layout", paramLabel = "NAME", description = "the layout whose web/ folder gives the look (default: tabloid)")
    String layout = "tabloid";

    @Override
    public Integer call() {
        Path layoutFolder = Pipeline.home().resolve("layouts").resolve(layout);
        if (!Files.isDirectory(layoutFolder)) throw new PaibanException("--layout " + layout + ": no folder " + layoutFolder);
        CatalogueSite.Report r = new CatalogueSite(site, layoutFolder, CatalogueSite.pagefind(Pipeline.home()), System.err::println).build(outs);
        System.out.println("site " + site + ": " + r.issues() + " issues; " + r.copied() + " added or changed, "
                + r.unchanged() + " unchanged; indexed " + (r.yearsIndexed().isEmpty() ? "nothing" : r.yearsIndexed()));
        return 0;
    }
}
