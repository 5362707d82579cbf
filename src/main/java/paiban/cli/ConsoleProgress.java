package paiban.cli;

import paiban.batch.Outcome;
import paiban.batch.Progress;
import paiban.batch.Summary;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells the user how a build goes: a line per issue built, skipped or failed, and a summary for a
 * batch. On a terminal a progress bar stays on the last line of stderr; in a log it is left out.
 */
final class ConsoleProgress implements Progress {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean bar;
    private final boolean timings;
    private final boolean debug;
    private final String codec;
    private final Set<String> building = new LinkedHashSet<>();
    private boolean several;
    private int total;
    private int done;
    private int failed;
    private long started;
    private java.util.concurrent.ScheduledExecutorService ticker;

    /** @param codec which JPEG codec runs, told with --timings and --debug since it sets the speed and the bytes */
    ConsoleProgress(PrintStream out, PrintStream err, boolean bar, boolean timings, boolean debug, String codec) {
        this.out = out;
        this.err = err;
        this.bar = bar;
        this.timings = timings;
        this.debug = debug;
        this.codec = codec;
    }

    /** True when paiban runs on a terminal, where a progress line can be drawn over and over. */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            // Java 22+ gives a Console even when redirected; isTerminal() tells the two apart.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only on a terminal
        }
    }

    @Override
    public synchronized void started(int total, int toBuild, int jobs) {
        this.total = total;
        this.several = total > 1;
        this.started = System.nanoTime();
        if (bar) {
            // the clock on the bar moves while a long issue builds
            ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "paiban-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (timings || debug) line(out, "jpeg codec: " + codec);
        if (several) {
            line(out, "building " + toBuild + " of " + total + " issues with " + jobs + " job" + (jobs == 1 ? "" : "s")
                    + (toBuild < total ? " (" + (total - toBuild) + " up to date)" : ""));
        }
    }

    private synchronized void tick() {
        redraw();
    }

    @Override
    public synchronized void building(String id) {
        building.add(id);
        redraw();
    }

    @Override
    public synchronized void warning(String id, String warning) {
        line(err, "warning: " + (several ? id + ": " : "") + warning);
    }

    @Override
    public synchronized void finished(Outcome o) {
        building.remove(o.id());
        done++;
        switch (o.status()) {
            case BUILT -> {
                line(out, "built " + o.folder() + (several ? " (" + seconds(o.millis()) + ")" : ""));
                if (timings) {
                    StringBuilder sb = new StringBuilder();
                    for (Map.Entry<String, Long> e : o.timings().entrySet()) {
                        sb.append(String.format(Locale.ROOT, "  %-16s %6d ms%n", e.getKey(), e.getValue()));
                    }
                    sb.append(String.format(Locale.ROOT, "  %-16s %6d ms", "total", o.millis()));
                    line(out, sb.toString());
                }
            }
            case SKIPPED -> line(out, "up to date: " + o.folder() + " (its outputs are newer than its inputs; "
                    + "--force rebuilds it)");
            case FAILED -> {
                failed++;
                if (debug && o.cause() != null) {
                    clearBar();
                    o.cause().printStackTrace(err);
                }
                line(err, "paiban: " + (several ? where(o) : "") + o.problem());
            }
        }
        redraw();
    }

    @Override
    public synchronized void summary(Summary s) {
        if (ticker != null) ticker.shutdownNow();
        clearBar();
        if (!several) return;
        out.printf(Locale.ROOT, "%d issues: %d built, %d up to date, %d failed (%s, %d job%s)%n", s.outcomes().size(),
                s.with(Outcome.Status.BUILT).size(), s.with(Outcome.Status.SKIPPED).size(),
                s.with(Outcome.Status.FAILED).size(), seconds(s.millis()), s.jobs(), s.jobs() == 1 ? "" : "s");
        for (Outcome o : s.with(Outcome.Status.FAILED)) {
            out.println("  failed: " + where(o) + o.problem().lines().findFirst().orElse(""));
        }
        out.flush();
    }

    /** Which issue a problem belongs to, unless its message already starts with the folder. */
    private static String where(Outcome o) {
        return o.problem().startsWith(o.issue().toString()) ? "" : o.issue() + ": ";
    }

    /** Prints a whole line, lifting the progress bar out of its way and drawing it again below. */
    private void line(PrintStream to, String text) {
        clearBar();
        to.println(text);
        to.flush();
        redraw();
    }

    private void clearBar() {
        if (bar) {
            err.print("\r\033[2K");
            err.flush();
        }
    }

    private void redraw() {
        if (!bar || total == 0 || done == total) return;
        int width = 24;
        int filled = done * width / total;
        StringBuilder sb = new StringBuilder("\r\033[2K[");
        sb.append("#".repeat(filled)).append("-".repeat(width - filled)).append("] ")
                .append(done).append('/').append(total);
        if (failed > 0) sb.append(", ").append(failed).append(" failed");
        sb.append("  ").append(seconds((System.nanoTime() - started) / 1_000_000));
        if (!building.isEmpty()) sb.append("  ").append(String.join(" ", building));
        String s = sb.length() > 100 ? sb.substring(0, 99) + "…" : sb.toString();
        err.print(s);
        err.flush();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
