package paiban;

import paiban.core.PaibanException;
import paiban.codec.TurboJpeg;
import paiban.compose.Composer;
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
import paiban.web.WebEdition;

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
    public static Path build(Path issueFolder, Path outRoot, Set<Edition> editions) {
        return run(issueFolder, outRoot, editions, w -> System.err.println("warning: " + w)).folder();
    }

    public static Result run(Path issueFolder, Path outRoot, Set<Edition> editions, Consumer<String> warn) {
        return run(issueFolder, outRoot, editions, false, null, warn);
    }

    /**
     * @param marks       crop marks on print.pdf
     * @param cmykProfile the plant's CMYK profile for print.pdf, or null for the default
     */
    @SuppressWarnings("try") // the output lock is held for the block's duration, never used in it
    public static Result run(Path issueFolder, Path outRoot, Set<Edition> editions, boolean marks, Path cmykProfile,
                             Consumer<String> warn) {
        Map<String, Long> timings = new LinkedHashMap<>();
        java.util.List<String> warnings = new java.util.ArrayList<>();
        Consumer<String> sink = w -> {
            warnings.add(w);
            warn.accept(w);
        };
        long t0 = System.nanoTime();
        TurboJpeg.problem().ifPresent(sink); // a broken libjpeg-turbo is said, not passed off as an absent one
        // "layout" is the part of loading the fonts and the layout (once per process) that reading did not hide
        LayoutLoader.preload(home().resolve("layouts"), home().resolve("fonts"), () -> IssueReader.layout(issueFolder));
        Issue issue = IssueReader.read(issueFolder, sink);
        long t1 = lap(timings, "read", t0);
        Layout layout = LayoutLoader.load(home().resolve("layouts"), issue.layout(), FontBook.of(home().resolve("fonts")));
        long t2 = lap(timings, "layout", t1);
        Composer.Composition composition = new Composer(layout.grid(), layout.styles(), layout.rules())
                .compose(issue, fillers(issue, layout));
        composition.warnings().forEach(sink);
        long t3 = lap(timings, "typeset+compose", t2);

        Path folder = outRoot.resolve(issue.id());
        List<Path> made = new ArrayList<>(); // the folders this build makes, outermost first
        for (Path p = folder.toAbsolutePath().normalize(); p != null && !Files.isDirectory(p); p = p.getParent()) made.addFirst(p);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PaibanException(folder + ": cannot create the output folder (" + e.getMessage() + ")");
        }
        Set<Path> before = subfolders(folder);
        boolean done = false;
        try (OutputLock lock = OutputLock.acquire(folder)) {
            renderAndFinish(layout, issue, composition, folder, editions, marks, cmykProfile, sink, timings, t3);
            done = true;
        } finally {
            // a failed build leaves the output folder as it found it: its files are staged, its lock gone
            if (!done) removeNewFolders(folder, before, made);
        }
        return new Result(folder, warnings, timings);
    }

    private static Set<Path> subfolders(Path folder) {
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize())
                    .collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Deletes the folders, now empty, that a failed build made: inside {@code folder}, then up from it. */
    private static void removeNewFolders(Path folder, Set<Path> before, List<Path> made) {
        List<Path> candidates = new ArrayList<>(subfolders(folder));
        candidates.removeAll(before);
        candidates.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed());
        candidates.addAll(made.reversed());
        for (Path p : candidates) {
            try {
                Files.deleteIfExists(p); // refuses, rightly, a folder that is not empty
            } catch (IOException notEmpty) {
                // something else is in it: leave it
            }
        }
    }

    private static void renderAndFinish(Layout layout, Issue issue, Composer.Composition composition, Path folder,
                                        Set<Edition> editions, boolean marks, Path cmykProfile, Consumer<String> sink,
                                        Map<String, Long> timings, long t3) {
        // the web edition is made after finish, from the previews, which it brings with it
        boolean web = editions.contains(Edition.WEB);
        Set<Edition> forFinish = java.util.EnumSet.copyOf(editions);
        if (web) {
            forFinish.remove(Edition.WEB);
            forFinish.add(Edition.PREVIEWS);
        }
        EditionOptions options = EditionOptions.defaults(issue)
                .withEditions(forFinish)
                .withMarks(marks)
                .withWarnings(sink)
                .withInkLimit(layout.print().inkLimit());
        if (cmykProfile != null) options = options.withCmykProfile(cmykProfile);
        // the photos' print and screen forms are made on the other cores while this thread renders
        PhotoHeadStart head = PhotoHeadStart.start(RenderedIssue.placements(composition.pages()), options);
        Path rendered = temp(folder, "render");
        boolean finished = false;
        WebEdition.Draft webDraft = null;
        try {
            // and the web edition's article pages and photos, which need nothing from finish, beside finish's tasks
            if (web) webDraft = WebEdition.start(issue, layout, composition.pages(), folder);
            RenderedIssue r = Renderer.render(layout, issue, composition.pages(), rendered);
            lap(timings, "render", t3);
            FinishReport report = Editions.write(r, folder, options, head);
            finished = true;
            // the editions run side by side on every core: their wall time, then each one's own working time
            timings.put("finish: master", report.masterMillis());
            timings.put("finish: photos", report.photosMillis());
            timings.put("finish: editions", report.editionsMillis() - report.photosMillis());
            report.millis().forEach((edition, ms) -> timings.put("  (" + edition.label() + ")", ms));
            if (webDraft != null) {
                // what is left of it after finish: waiting for its article pages, then the issue and page views
                long w = System.nanoTime();
                webDraft.finish();
                lap(timings, "web", w);
            }
        } finally {
            if (!finished) {
                head.cancel();
                if (webDraft != null) webDraft.cancel();
            }
            try {
                Files.deleteIfExists(rendered);
            } catch (IOException ignored) {
                // a stray temporary file is named .paiban-*, never mistaken for an edition
            }
        }
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

    /** The fillers (补白) composition may use: the issue's own, then the layout's house notices. */
    private static List<paiban.model.Filler> fillers(Issue issue, Layout layout) {
        List<paiban.model.Filler> all = new java.util.ArrayList<>(paiban.copy.FillerReader.read(issue.folder(), ""));
        all.addAll(layout.fillers());
        return all;
    }
}
