package paiban.batch;

import paiban.core.PaibanException;
import paiban.Pipeline;
import paiban.codec.TurboJpeg;
import paiban.finish.Edition;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds several issues at once: up-to-date ones are skipped, the rest share a pool of build
 * threads, and one failing issue never stops the others.
 *
 * <p>What every build needs and no build changes (fonts, the layout's template and grid) is loaded
 * once per process by {@link paiban.typeset.FontBook#of} and {@link paiban.render.LayoutLoader#load};
 * the first builds to ask wait for that one load.
 */
public final class Batch {

    /**
     * @param out      the output root; each issue goes to {@code out/<id>/}
     * @param editions the editions to make
     * @param jobs     how many issues to build at once
     * @param force    build even when the outputs are up to date
     */
    public record Options(Path out, Set<Edition> editions, int jobs, boolean force) {
        public Options {
            if (jobs < 1) throw new PaibanException("--jobs " + jobs + ": give 1 or more");
            // in the enum's order, so the freshness stamp lists them the same way every time
            editions = editions.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(editions));
        }
    }

    /** A build: the pipeline in the product, a stand-in in tests. */
    @FunctionalInterface
    public interface Builder {
        Pipeline.Result build(Path issue, Path out, Set<Edition> editions, java.util.function.Consumer<String> warn);
    }

    private final Options options;
    private final Freshness freshness;
    private final Builder builder;

    public Batch(Options options) {
        this(options, Pipeline.home(), Pipeline::run);
    }

    /** A batch whose builds go through {@code builder}, e.g. the pipeline with print options bound. */
    public Batch(Options options, Builder builder) {
        this(options, Pipeline.home(), builder);
    }

    Batch(Options options, Path home, Builder builder) {
        this(options, home, TurboJpeg.codecName(), builder);
    }

    /** @param codec the JPEG codec the builds run with; outputs made with another are not up to date */
    Batch(Options options, Path home, String codec, Builder builder) {
        this.options = options;
        this.freshness = new Freshness(home, codec);
        this.builder = builder;
    }

    /** One build at a time per core, but no more than the heap holds: the fonts, plus ~256 MB per build. */
    public static int defaultJobs() {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (mb - 256) / 256));
    }

    /**
     * The issue folders among the paths given, each once: {@code issues/*} also matches a README beside
     * the issue folders, and a file is never an issue, so it is left out and {@code leftOut} hears why.
     */
    public static List<Path> issueFolders(List<Path> given, java.util.function.Consumer<String> leftOut) {
        List<Path> folders = new ArrayList<>();
        for (Path p : given) {
            if (java.nio.file.Files.isRegularFile(p)) leftOut.accept(p + ": a file, not an issue folder; left out");
            else if (!folders.contains(p)) folders.add(p);
        }
        if (folders.isEmpty()) throw new PaibanException("no issue folders given");
        return folders;
    }

    /** Builds the issues; the outcomes come back in the order the issues were given. */
    public Summary run(List<Path> issues, Progress progress) {
        long start = System.nanoTime();
        Progress serial = serialised(progress);

        // Two folders with the same name would write the same output folder.
        Map<String, Path> byId = new LinkedHashMap<>();
        Outcome[] outcomes = new Outcome[issues.size()];
        List<Integer> toBuild = new ArrayList<>();
        for (int i = 0; i < issues.size(); i++) {
            Path issue = issues.get(i);
            String id = idOf(issue);
            Path folder = options.out().resolve(id);
            Path first = byId.putIfAbsent(id, issue);
            if (first != null) {
                outcomes[i] = Outcome.failed(issue, id, folder, 0, issue + ": has the same name as " + first
                        + ", so both would be written to " + folder + "; build them with different --out folders",
                        new PaibanException("duplicate issue name " + id));
            } else if (!options.force() && freshness.upToDate(issue, folder, options.editions())) {
                outcomes[i] = Outcome.skipped(issue, id, folder);
            } else {
                toBuild.add(i);
            }
        }
        int jobs = Math.max(1, Math.min(options.jobs(), toBuild.size()));
        serial.started(issues.size(), toBuild.size(), jobs);
        for (Outcome o : outcomes) if (o != null) serial.finished(o);

        if (!toBuild.isEmpty()) {
            AtomicInteger thread = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
                // Platform threads with the launcher's stack size: deep layouts recurse in Flying Saucer.
                Thread t = new Thread(null, r, "paiban-build-" + thread.incrementAndGet(), 0);
                t.setDaemon(true);
                return t;
            });
            try {
                Map<Integer, Future<Outcome>> running = new HashMap<>();
                for (int i : toBuild) {
                    Path issue = issues.get(i);
                    running.put(i, pool.submit(() -> buildOne(issue, serial)));
                }
                for (int i : toBuild) outcomes[i] = await(running.get(i), issues.get(i));
            } finally {
                pool.shutdownNow();
            }
        }
        Summary summary = new Summary(List.of(outcomes), (System.nanoTime() - start) / 1_000_000, jobs);
        serial.summary(summary);
        return summary;
    }

    private Outcome buildOne(Path issue, Progress progress) {
        String id = idOf(issue);
        Path folder = options.out().resolve(id);
        progress.building(id);
        long t0 = System.nanoTime();
        boolean existed = java.nio.file.Files.isDirectory(folder);
        boolean rootExisted = java.nio.file.Files.isDirectory(options.out());
        Outcome outcome;
        try {
            freshness.forget(folder);
            Instant started = freshness.now(folder);
            Pipeline.Result r = builder.build(issue, options.out(), options.editions(), w -> progress.warning(id, w));
            freshness.stamp(r.folder(), options.editions(), started);
            outcome = new Outcome(issue, id, Outcome.Status.BUILT, r.folder(), (System.nanoTime() - t0) / 1_000_000,
                    r.warnings(), r.timings(), null, null);
        } catch (PaibanException e) {
            outcome = Outcome.failed(issue, id, folder, (System.nanoTime() - t0) / 1_000_000, e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // the launcher bounds the heap (docs/benchmark.md says why); a huge issue may need more
            outcome = Outcome.failed(issue, id, folder, (System.nanoTime() - t0) / 1_000_000,
                    "ran out of memory; build it alone (--jobs 1) or give paiban more with PAIBAN_HEAP=2g ./paiban build ...",
                    e);
        } catch (RuntimeException | Error e) {
            // A bug: this issue fails, the others go on.
            outcome = Outcome.failed(issue, id, folder, (System.nanoTime() - t0) / 1_000_000,
                    "internal error (" + e + "); run again with --debug and report it", e);
        }
        if (outcome.status() == Outcome.Status.FAILED && !existed) {
            try {
                java.nio.file.Files.deleteIfExists(folder); // only if the failed build left it empty
                if (!rootExisted) java.nio.file.Files.deleteIfExists(options.out()); // and --out, made for it
            } catch (java.io.IOException e) {
                // not empty: what is there stays for the editor to see
            }
        }
        progress.finished(outcome);
        return outcome;
    }

    private static Outcome await(Future<Outcome> f, Path issue) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaibanException("interrupted while building " + issue);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("buildOne catches everything", e.getCause());
        }
    }

    /** An issue is named after its folder, and so is its output folder. */
    static String idOf(Path issue) {
        Path name = issue.toAbsolutePath().normalize().getFileName();
        return name == null ? issue.toString() : name.toString();
    }

    /** Build threads report through one lock, so a progress line is never torn. */
    private static Progress serialised(Progress p) {
        return new Progress() {
            @Override
            public synchronized void started(int total, int toBuild, int jobs) {
                p.started(total, toBuild, jobs);
            }

            @Override
            public synchronized void building(String id) {
                p.building(id);
            }

            @Override
            public synchronized void warning(String id, String warning) {
                p.warning(id, warning);
            }

            @Override
            public synchronized void finished(Outcome outcome) {
                p.finished(outcome);
            }

            @Override
            public synchronized void summary(Summary summary) {
                p.summary(summary);
            }
        };
    }
}
