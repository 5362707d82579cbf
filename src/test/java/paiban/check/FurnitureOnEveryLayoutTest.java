package paiban.check;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paiban.Pipeline;
import paiban.finish.Edition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample issue set on the broadsheet and the a4 layout (the tabloid is {@link FurnitureCheckTest}'s)
 * carries every item of the furniture: each layout's page.xhtml places them, and its name outsizes its
 * lead headline.
 */
class FurnitureOnEveryLayoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"broadsheet", "a4"})
    void theSampleIssuePassesTheFurnitureCheck(String layout, @TempDir Path tmp) throws IOException {
        Path issue = tmp.resolve("2021-06-22");
        Files.createDirectories(issue.resolve("articles"));
        Files.createDirectories(issue.resolve("photos"));
        Path from = FurnitureCheckTest.ISSUE;
        for (String dir : new String[] {"articles", "photos"}) {
            try (var files = Files.list(from.resolve(dir))) {
                for (Path f : files.toList()) Files.copy(f, issue.resolve(dir).resolve(f.getFileName().toString()));
            }
        }
        String yaml = Files.readString(from.resolve("issue.yaml")).replaceFirst("(?m)^layout: .*$", "layout: " + layout);
        // the sample's plan is drawn for the tabloid's page; the A4 page lets composition place the stories
        if (layout.equals("a4")) yaml = yaml.substring(0, yaml.indexOf("\nplan:") + 1);
        Files.writeString(issue.resolve("issue.yaml"), yaml);
        Path pdf = Pipeline.run(issue, tmp.resolve("out"), Set.of(Edition.PRINT), w -> { }).folder().resolve("print.pdf");
        FurnitureReport r = FurnitureCheck.check(pdf);
        assertTrue(r.clean(), layout + ": " + r.summary() + "\n" + r.findings());
    }
}
