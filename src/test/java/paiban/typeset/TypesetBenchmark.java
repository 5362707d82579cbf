package paiban.typeset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How fast the typesetter sets copy, in characters per second: the stress copy at the layout's 12-em
 * column, at the narrowest and widest widths, and at every width from 8 to 30 in turn. Not a test:
 * run {@code bench/typeset}. Each figure is the median of five timed rounds after a warm-up.
 */
public final class TypesetBenchmark {

    private static final int ROUNDS = 5;
    private static final long ROUND_NANOS = 2_000_000_000L;

    public static void main(String[] args) {
        TextStyle body = Styles.body();
        List<StressCopy.Paragraph> copy = StressCopy.generate(20210622L, 200);
        long chars = copy.stream().mapToLong(p -> p.bare().length()).sum();
        System.out.printf("stress copy: %d paragraphs, %d characters; %s, %d cores%n", copy.size(), chars,
                System.getProperty("java.vm.name") + " " + Runtime.version(), Runtime.getRuntime().availableProcessors());
        measure("warm-up (all widths)", copy, body, allWidths(), chars, 1);
        measure("12 em (the tabloid column)", copy, body, new int[] {12}, chars, ROUNDS);
        measure("8 em", copy, body, new int[] {8}, chars, ROUNDS);
        measure("30 em", copy, body, new int[] {30}, chars, ROUNDS);
        measure("every width 8–30", copy, body, allWidths(), chars, ROUNDS);
    }

    private static int[] allWidths() {
        int[] w = new int[23];
        for (int i = 0; i < w.length; i++) w[i] = 8 + i;
        return w;
    }

    private static void measure(String what, List<StressCopy.Paragraph> copy, TextStyle body, int[] widths,
                                long chars, int rounds) {
        double[] rates = new double[rounds];
        long lines = 0;
        for (int r = 0; r < rounds; r++) {
            long set = 0;
            long t0 = System.nanoTime();
            long elapsed;
            List<Galley> sink = new ArrayList<>();
            do {
                for (int w : widths) {
                    for (StressCopy.Paragraph p : copy) {
                        Galley g = Typesetter.set(p.text(), body, w * Styles.SIZE);
                        lines += g.size();
                        if (sink.size() < 8) sink.add(g);
                    }
                    set += chars;
                }
                elapsed = System.nanoTime() - t0;
            } while (elapsed < ROUND_NANOS);
            rates[r] = set / (elapsed / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("%-28s %,12.0f characters/s (rounds %,.0f … %,.0f)%n", what, rates[rounds / 2], rates[0],
                rates[rounds - 1]);
    }
}
