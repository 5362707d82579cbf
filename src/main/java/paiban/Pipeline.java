package paiban;

import paiban.core.PaibanException;
import paiban.compose.Composer;
import paiban.compose.Module;
import paiban.compose.Page;
import paiban.compose.PlacedPhoto;
import paiban.finish.Edition;
import paiban.finish.EditionOptions;
import paiban.finish.Editions;
import paiban.finish.FinishReport;
import paiban.finish.PhotoHeadStart;
import paiban.copy.IssueReader;
import paiban.model.Issue;
import paiban.render.Layout;
import paiban.render.LayoutLoader;
import paiban.render.RenderedIssue;
import paiban.render.Renderer;
import paiban.typeset.FontBook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole pipeline behind {@code paiban build}: read copy → typeset → compose → render → finish.
 * The command line and {@code paiban send} call this; it holds no layout logic of its own.
 */
public final class Pipeline {

    /** Every edition a build can make, in the order they are made; {@code --edition} picks a subset. */
    public static final Set<String> EDITIONS = java.util.Collections.unmodifiableSequencedSet(
            new java.util.LinkedHashSet<>(java.util.List.of("print", "archive", "email", "pages", "previews", "text")));

    private Pipeline() {
    }

    /** Where layouts/ and fonts/ live: the launcher passes -Dpaiban.home, else the working folder. */
    public static Path home() {
        return Path.of(System.getProperty("paiban.home", ".")).toAbsolutePath().normalize();
    }

    /** What a build did: its output folder, warnings, and milliseconds per stage. */
    public record Result(Path folder, java.util.List<String> warnings, Map<String, Long> timings) {
    }

    /**
     * Builds the given editions of one issue into {@code outRoot/<issue id>/}.
     *
     * @return the issue's output folder
     */
    public static Path build(Path issueFolder, Path outRoot, Set<String> editions) {
        return run(issueFolder, outRoot, editions, w -> System.err.println("warning: " + w)).folder();
    }

    public static Result run(Path issueFolder, Path outRoot, Set<String> editions, Consumer<String> warn) {
        return run(issueFolder, outRoot, editions, false, null, warn);
    }

    /**
     * @param marks       crop marks on print.pdf
     * @param cmykProfile the plant's CMYK profile for print.pdf, or null for the default
     */
    public static Result run(Path issueFolder, Path outRoot, Set<String> editions, boolean marks, Path cmykProfile,
                             Consumer<String> warn) {
        Map<String, Long> timings = new LinkedHashMap<>();
        java.util.List<String> warnings = new java.util.ArrayList<>();
        Consumer<String> sink = w -> {
            warnings.add(w);
            warn.accept(w);
        };
        long t0 = System.nanoTime();
        // "layout" is the part of loading the fonts and the layout (once per process) that reading did not hide
        LayoutLoader.preload(home().resolve("layouts"), home().resolve("fonts"), issueFolder);
        Issue issue = IssueReader.read(issueFolder);
        long t1 = lap(timings, "read", t0);
        Layout layout = LayoutLoader.load(home().resolve("layouts"), issue.layout(), FontBook.of(home().resolve("fonts")));
        long t2 = lap(timings, "layout", t1);
        Composer.Composition composition = new Composer(layout.grid(), layout.styles()).compose(issue);
        composition.warnings().forEach(sink);
        long t3 = lap(timings, "typeset+compose", t2);

        Path folder = outRoot.resolve(issue.id());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PaibanException(folder + ": cannot create the output folder (" + e.getMessage() + ")");
        }
        try (OutputLock lock = OutputLock.acquire(folder)) {
            renderAndFinish(layout, issue, composition, folder, editions, marks, cmykProfile, sink, timings, t3);
        }
        return new Result(folder, warnings, timings);
    }

    private static void renderAndFinish(Layout layout, Issue issue, Composer.Composition composition, Path folder,
                                        Set<String> editions, boolean marks, Path cmykProfile, Consumer<String> sink,
                                        Map<String, Long> timings, long t3) {
        EditionOptions options = EditionOptions.defaults(issue)
                .withEditions(Edition.parse(String.join(",", editions)))
                .withMarks(marks)
                .withWarnings(sink)
                .withInkLimit(layout.print().inkLimit());
        if (cmykProfile != null) options = options.withCmykProfile(cmykProfile);
        // the photos' print and screen forms are made on the other cores while this thread renders
        PhotoHeadStart head = PhotoHeadStart.start(photoUses(composition), options);
        Path rendered = temp(folder, "render");
        boolean finished = false;
        try {
            RenderedIssue r = Renderer.render(layout, issue, composition.pages(), rendered);
            lap(timings, "render", t3);
            FinishReport report = Editions.write(r, folder, options, head);
            finished = true;
            // the editions run side by side on every core: their wall time, then each one's own working time
            timings.put("finish: master", report.masterMillis());
            timings.put("finish: photos", report.photosMillis());
            timings.put("finish: editions", report.editionsMillis() - report.photosMillis());
            report.millis().forEach((edition, ms) -> timings.put("  (" + edition.label() + ")", ms));
        } finally {
            if (!finished) head.cancel();
            try {
                Files.deleteIfExists(rendered);
            } catch (IOException ignored) {
                // a stray temporary file is named .paiban-*, never mistaken for an edition
            }
        }
    }

    /** Every photo compose placed, at its frame's size. */
    private static List<PhotoHeadStart.Use> photoUses(Composer.Composition composition) {
        List<PhotoHeadStart.Use> uses = new ArrayList<>();
        for (Page page : composition.pages()) {
            for (Module m : page.modules()) {
                for (PlacedPhoto p : m.photos()) uses.add(new PhotoHeadStart.Use(p.photo().file(), p.width(), p.height()));
            }
        }
        return uses;
    }

    private static Path temp(Path folder, String what) {
        try {
            return Files.createTempFile(folder, ".paiban-" + what + "-", ".tmp");
        } catch (IOException e) {
            throw new PaibanException(folder + ": cannot write there (" + e.getMessage() + ")");
        }
    }

    private static long lap(Map<String, Long> timings, String stage, long since) {
        long now = System.nanoTime();
        timings.merge(stage, (now - since) / 1_000_000, Long::sum);
        return now;
    }
}
