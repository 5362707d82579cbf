package paiban.finish;

import paiban.render.RenderedIssue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every edition of the {@link RenderedFixture}, built once per test run with the default options and
 * SOURCE_DATE_EPOCH unset; the test classes read it and must not change it.
 *
 * @param folder   the issue's output folder
 * @param warnings what the build said through the warning sink
 */
record FinishedFixture(RenderedIssue rendered, Path folder, FinishReport report, List<String> warnings) {

    private static FinishedFixture shared;

    static synchronized FinishedFixture shared() throws IOException {
        if (shared == null) {
            RenderedIssue r = RenderedFixture.shared();
            List<String> warnings = new ArrayList<>();
            Path folder = TempFolders.create("paiban-finished").resolve("2021-06-22");
            FinishReport report = Editions.write(r, folder, options(r).withWarnings(warnings::add));
            shared = new FinishedFixture(r, folder, report, List.copyOf(warnings));
        }
        return shared;
    }

    /** Defaults, but with the timestamp fixed whatever the environment says. */
    static EditionOptions options(RenderedIssue r) {
        return EditionOptions.defaults(r.issue()).withTimestamp(EditionOptions.timestamp(r.issue(), null))
                .withWarnings(w -> { });
    }

    Path file(String name) {
        return folder.resolve(name);
    }
}
