package paiban.bench;

import paiban.finish.Edition;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import paiban.Pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * paiban warm: builds one issue over and over in one JVM and prints pages per second, the way a
 * long-running service or a batch of back issues sees it. Not part of the test suite; bench/run
 * calls it (on one core, with {@code taskset -c 0 -XX:ActiveProcessorCount=1}).
 *
 * <p>usage: {@code WarmHarness ISSUE OUT WARMUP ROUNDS [EDITIONS]}; prints one line:
 * {@code pages=N rounds=R seconds=S pages_per_second=P cpu_seconds=C pages_per_cpu_second=Q} followed by
 * the median stage times.
 */
public final class WarmHarness {

    private WarmHarness() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: WarmHarness ISSUE OUT WARMUP ROUNDS [EDITIONS]");
            System.exit(2);
        }
        Path issue = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Set<Edition> editions = args.length > 4 ? Edition.parse(args[4]) : EnumSet.allOf(Edition.class);
        Pipeline.Result last = null;
        for (int i = 0; i < warmup; i++) last = Pipeline.run(issue, out, editions, w -> { });
        Map<String, long[]> stages = new TreeMap<>();
        // CPU time as well as wall time: on a shared machine the wall clock also counts other programs' turns
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            last = Pipeline.run(issue, out, editions, w -> { });
            for (var e : last.timings().entrySet()) stages.computeIfAbsent(e.getKey(), k -> new long[rounds])[i] = e.getValue();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        int pages;
        try (PDDocument doc = Loader.loadPDF(last.folder().resolve("print.pdf").toFile())) {
            pages = doc.getNumberOfPages();
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "pages=%d rounds=%d seconds=%.3f pages_per_second=%.2f cpu_seconds=%.3f pages_per_cpu_second=%.2f",
                pages, rounds, seconds, pages * rounds / seconds, cpu, pages * rounds / cpu));
        for (var e : stages.entrySet()) {
            long[] v = e.getValue().clone();
            java.util.Arrays.sort(v);
            sb.append(' ').append(field(e.getKey())).append("_ms=").append(v[v.length / 2]);
        }
        System.out.println(sb);
    }

    /**
     * A stage's name as one word for the report: "finish: photos" → "finish:photos"; an edition's own
     * working time, shown by --timings as "  (print)", → "busy:print".
     */
    static String field(String stage) {
        String s = stage.strip();
        if (s.startsWith("(") && s.endsWith(")")) s = "busy:" + s.substring(1, s.length() - 1);
        return s.replace(": ", ":").replaceAll("[\\s=]+", "_");
    }
}
