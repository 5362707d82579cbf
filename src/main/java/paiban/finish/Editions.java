package paiban.finish;

import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import paiban.core.PaibanException;
import paiban.core.Workers;
import paiban.library.AltoPage;
import paiban.library.MetsIssue;
import paiban.render.RenderedIssue;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The finish stage's entry point: writes the chosen editions of a rendered issue into its output folder.
 * All files appear together when every edition succeeded; on any failure none of them does.
 *
 * <p>The work is cut into tasks for the {@link Workers}, so that it keeps every core busy: each photo
 * is prepared once for all editions ({@link PreparedPhotos}), then print, archive, email and text are
 * one task each, and pages/ and previews/ one task a page. Every task writes its own file from its own
 * copy of the master, so the files are the same whatever order the tasks run in; warnings are collected
 * per edition and given out in edition order.
 */
public final class Editions {

    static {
        // ImageIO otherwise buffers every JPEG it reads or writes through a temporary file: seconds of
        // disk traffic per issue, for images that are already in memory
        ImageIO.setUseCache(false);
    }

    private Editions() {
    }

    /**
     * Writes {@code opts.editions()} of {@code r} into {@code issueOutDir} (created if need be).
     *
     * @return the files written and each edition's time
     * @throws PaibanException when an edition cannot be made; no new file is left in place then
     */
    public static FinishReport write(RenderedIssue r, Path issueOutDir, EditionOptions opts) {
        return write(r, issueOutDir, opts, PhotoHeadStart.none());
    }

    /**
     * As {@link #write(RenderedIssue, Path, EditionOptions)}, taking the photos {@code head} prepared
     * while the issue was rendered.
     */
    public static FinishReport write(RenderedIssue r, Path issueOutDir, EditionOptions opts, PhotoHeadStart head) {
        boolean print = opts.editions().contains(Edition.PRINT);
        // Load the profile first: a wrong --cmyk-profile should fail before a minute of work.
        CmykProfile profile = print ? CmykProfile.load(opts.cmykProfile()) : null;
        long start = System.nanoTime();
        CompletableFuture<CmykTransform> transform = print
                ? Workers.start(() -> CmykTransform.of(profile, new InkLimit(opts.inkLimit()))) : CompletableFuture.completedFuture(null);
        Master master = Master.read(r, opts.editions().contains(Edition.PAGES));
        long masterMillis = since(start);
        long editionsStart = System.nanoTime();
        try (Staging staging = new Staging(issueOutDir)) {
            Run run = new Run(r, opts, master, Imprint.of(r.issue(), opts.timestamp()), profile, staging);
            try {
                run.start(transform, head);
                Workers.joinAll(run.tasks);
            } finally {
                // a task that failed early must not leave its siblings writing into a folder being cleaned up
                run.tasks.forEach(t -> t.exceptionally(e -> null).join());
            }
            run.finishLibrary();
            run.warnings.values().forEach(list -> list.forEach(opts.warnings()));
            List<Path> files = staging.commit();
            return new FinishReport(issueOutDir, files, masterMillis, run.photosMillis, since(editionsStart),
                    run.earlyPhotos, run.busy.millis(opts.editions().stream().filter(Edition::finished)
                        .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Edition.class)))));
        } catch (IOException | UncheckedIOException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new PaibanException(issueOutDir + ": cannot write the editions (" + why
                    + "); no edition was replaced. Check the folder is writable and the disk has room", e);
        }
    }

    /** One finish run: its tasks, as they are started, and what they report. */
    private static final class Run {
        final RenderedIssue r;
        final EditionOptions opts;
        final Set<Edition> wanted;
        final Master master;
        final Imprint imprint;
        final CmykProfile profile;
        final Staging staging;
        final Busy busy = new Busy();
        final Map<Edition, List<String>> warnings = new EnumMap<>(Edition.class);
        final List<CompletableFuture<?>> tasks = new ArrayList<>();
        long photosMillis;
        int earlyPhotos;

        Run(RenderedIssue r, EditionOptions opts, Master master, Imprint imprint, CmykProfile profile,
            Staging staging) {
            this.r = r;
            this.opts = opts;
            this.wanted = opts.editions();
            this.master = master;
            this.imprint = imprint;
            this.profile = profile;
            this.staging = staging;
            for (Edition e : Edition.values()) warnings.put(e, Collections.synchronizedList(new ArrayList<>()));
        }

        /** Starts every task; returns once the photos are prepared and the rest are under way. */
        void start(CompletableFuture<CmykTransform> transform, PhotoHeadStart head) throws IOException {
            boolean print = wanted.contains(Edition.PRINT);
            boolean screen = wanted.contains(Edition.EMAIL) || wanted.contains(Edition.PAGES)
                    || wanted.contains(Edition.PREVIEWS);
            if (wanted.contains(Edition.ARCHIVE)) {
                Path file = staging.file(OutputFiles.ARCHIVE);
                // an uncalibrated CMYK photo is taken to be in the print profile (the plant's, or the default)
                tasks.add(Workers.start(busy.timed(Edition.ARCHIVE, () ->
                        ArchivePdf.write(master, imprint, profile != null ? profile : cmykIfAny(), file))));
            }
            if (wanted.contains(Edition.TEXT)) {
                Path file = staging.file(OutputFiles.TEXT);
                tasks.add(Workers.start(busy.timed(Edition.TEXT, () -> FullText.write(r, file))));
            }
            if (wanted.contains(Edition.LIBRARY)) {
                for (int i = 0; i < r.pages().size(); i++) {
                    int index = i;
                    Path file = staging.file(AltoPage.fileName(r.pages().get(i).number()));
                    tasks.add(Workers.start(busy.timed(Edition.LIBRARY, () -> AltoPage.write(r, index, made(), file))));
                }
            }
            long photosStart = System.nanoTime();
            PreparedPhotos photos = PreparedPhotos.none();
            if (print) PrintPdf.warnLowResolution(r, warnings.get(Edition.PRINT)::add);
            if (print || screen) {
                try (PDDocument probe = master.open()) {
                    photos = PreparedPhotos.of(probe, master, Workers.join(transform), screen, head);
                }
            }
            photosMillis = since(photosStart);
            earlyPhotos = photos.early();
            if (print) {
                Path file = staging.file(OutputFiles.PRINT);
                CmykTransform t = Workers.join(transform);
                PreparedPhotos cmyk = photos;
                tasks.add(Workers.start(busy.timed(Edition.PRINT, () ->
                        new PrintPdf(master, imprint, profile, opts.marks(), warnings.get(Edition.PRINT)::add)
                                .write(cmyk, t, file))));
            }
            if (screen) {
                startScreen(photos);
            }
        }

        private ZonedDateTime made() {
            return opts.timestamp().atZone(EditionOptions.NEWSROOM);
        }

        /**
         * mets.xml lists every file of the bundle with its size and checksum, so it is written last, once
         * the others are (under their temporary names).
         */
        void finishLibrary() throws IOException {
            if (!wanted.contains(Edition.LIBRARY)) return;
            List<MetsIssue.PageFiles> pages = new ArrayList<>();
            for (RenderedIssue.PageInfo p : r.pages()) {
                int n = p.number();
                pages.add(new MetsIssue.PageFiles(n, AltoPage.fileName(n),
                        wanted.contains(Edition.PAGES) ? PagePdfs.fileName(n) : null,
                        wanted.contains(Edition.PREVIEWS) ? Previews.fileName(n) : null));
            }
            String issuePdf = wanted.contains(Edition.ARCHIVE) ? ArchivePdf.FILE : null;
            Path file = staging.file(MetsIssue.FILE);
            long t = System.nanoTime();
            MetsIssue.write(r, made(), new MetsIssue.Listing(pages, issuePdf, staging::staged), file);
            busy.add(Edition.LIBRARY, System.nanoTime() - t);
        }

        /** The print profile for an archive built without print, when the issue has a CMYK photo to calibrate. */
        private CmykProfile cmykIfAny() {
            // a PDF ad may paint in the agency's CMYK
            boolean drawn = r.issue().ads().stream().anyMatch(a -> a.image().vector());
            boolean cmyk = drawn || r.photos().stream().anyMatch(p -> {
                try {
                    byte[] head = java.nio.file.Files.readAllBytes(p.photo().file());
                    return Pixels.JpegFrame.of(head).components() == 4;
                } catch (IOException notJpeg) {
                    return false;
                }
            });
            return cmyk ? CmykProfile.load(opts.cmykProfile()) : null;
        }

        /** email, pages/ and previews/ all start from the master with its photos shrunk: the screen copy. */
        private void startScreen(PreparedPhotos photos) throws IOException {
            // its time counts towards the first of them that is wanted
            Edition first = wanted.contains(Edition.EMAIL) ? Edition.EMAIL
                    : wanted.contains(Edition.PAGES) ? Edition.PAGES : Edition.PREVIEWS;
            CompletableFuture<byte[]> screenCopy = Workers.start(() -> {
                long t = System.nanoTime();
                byte[] copy = EmailPdf.screenCopy(master, photos);
                busy.add(first, System.nanoTime() - t);
                return copy;
            });
            tasks.add(screenCopy);
            if (wanted.contains(Edition.EMAIL)) {
                Path file = staging.file(OutputFiles.EMAIL);
                tasks.add(Workers.then(screenCopy, s -> busy.timed(Edition.EMAIL, () ->
                        EmailPdf.write(s, master, imprint, file, warnings.get(Edition.EMAIL)::add)).call()));
            }
            // which glyphs each page shows, found once for all the page files
            CompletableFuture<PageCensus> census = !wanted.contains(Edition.PAGES) ? null
                    : Workers.then(screenCopy, s -> {
                        long t = System.nanoTime();
                        PageCensus c = new PageCensus(s, PagePdfs.census(s, master.glyphs()));
                        busy.add(Edition.PAGES, System.nanoTime() - t);
                        return c;
                    });
            List<Previews.Target> previews = new ArrayList<>();
            for (int i = 0; i < r.pages().size(); i++) {
                int index = i, number = r.pages().get(i).number();
                if (wanted.contains(Edition.PAGES)) {
                    Path file = staging.file(PagePdfs.fileName(number));
                    tasks.add(Workers.then(census, c -> busy.timed(Edition.PAGES, () ->
                            PagePdfs.write(c.screenCopy(), r, index, imprint, c.shown(), file)).call()));
                }
                if (wanted.contains(Edition.PREVIEWS)) {
                    previews.add(new Previews.Target(index, staging.file(Previews.fileName(number)),
                            staging.file(Previews.thumbName(number))));
                }
            }
            GlyphMasks glyphs = GlyphMasks.forPreviews();
            for (int from = 0; from < previews.size(); from += Previews.PAGES_PER_TASK) {
                List<Previews.Target> some = previews.subList(from, Math.min(previews.size(), from + Previews.PAGES_PER_TASK));
                tasks.add(Workers.then(screenCopy, s -> busy.timed(Edition.PREVIEWS, () ->
                        Previews.write(s, glyphs, some)).call()));
            }
        }
    }

    /** The screen copy with, for the page files, which glyphs each of its pages shows. */
    private record PageCensus(byte[] screenCopy, List<Map<COSObjectKey, TreeSet<Integer>>> shown) {
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Milliseconds each edition's tasks ran, summed over the threads they ran on. */
    private static final class Busy {
        private final long[] nanos = new long[Edition.values().length];

        /** A task for the workers that adds its own run time to {@code edition}'s. */
        java.util.concurrent.Callable<Void> timed(Edition edition, Job job) {
            return () -> {
                long t = System.nanoTime();
                try {
                    job.run();
                } finally {
                    add(edition, System.nanoTime() - t);
                }
                return null;
            };
        }

        synchronized void add(Edition edition, long n) {
            nanos[edition.ordinal()] += n;
        }

        synchronized Map<Edition, Long> millis(Set<Edition> wanted) {
            Map<Edition, Long> out = new EnumMap<>(Edition.class);
            for (Edition e : wanted) out.put(e, nanos[e.ordinal()] / 1_000_000);
            return out;
        }
    }

    @FunctionalInterface
    private interface Job {
        void run() throws IOException;
    }
}
