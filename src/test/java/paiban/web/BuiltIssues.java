package paiban.web;

import paiban.Pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Issues built once per test run and shared by the web tests: the sample issue, and small issues of
 * other dates with phrases of their own for the catalogue's search.
 */
final class BuiltIssues {

    /** What the web tests build: the web edition and what it stands on, and pages/ to compare positions with. */
    static final Set<paiban.finish.Edition> EDITIONS = java.util.EnumSet.of(paiban.finish.Edition.TEXT, paiban.finish.Edition.PAGES, paiban.finish.Edition.WEB);

    private static Path root;
    private static Path sample;

    private BuiltIssues() {
    }

    static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("paiban-web-");
                // shared by several test classes, so no one class's @TempDir can own it: removed when the test JVM ends
                Path made = root;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> org.apache.commons.io.FileUtils.deleteQuietly(made.toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** out/2021-06-22 of the sample issue. */
    static synchronized Path sample() {
        if (sample == null) {
            sample = Pipeline.build(Pipeline.home().resolve("issues/2021-06-22"), root().resolve("out"), EDITIONS);
        }
        return sample;
    }

    /** Writes a one-article issue folder {@code issues/<date>} whose article says {@code body}. */
    static Path smallIssue(Path parent, String date, int number, String title, String body) {
        Path folder = parent.resolve(date);
        try {
            Files.createDirectories(folder.resolve("articles"));
            Files.writeString(folder.resolve("issue.yaml"), "paper: 广东科技报\ndate: " + date + "\nnumber: " + number
                    + "\nlayout: tabloid\n", StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("articles/lead.md"), "---\ntitle: " + title + "\n---\n" + body,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
