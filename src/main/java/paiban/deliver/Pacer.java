package paiban.deliver;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces messages to at most {@code rate} per second, as relays with sending quotas demand. Each
 * message waits for its slot one interval after the previous one; time lost to a slow server is
 * not made up by a burst afterwards.
 */
final class Pacer {

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long next = Long.MIN_VALUE;

    /** @param rate messages per second; 0 means no limit */
    Pacer(double rate, LongSupplier nanoClock, Sleeper sleeper) {
        if (rate < 0 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("rate must be 0 (no limit) or positive");
        }
        this.intervalNanos = rate == 0 ? 0 : Math.round(1e9 / rate);
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    void awaitTurn() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (next != Long.MIN_VALUE && next - now > 0) {
            sleeper.sleep(Duration.ofNanos(next - now));
            now = next;
        }
        next = now + intervalNanos;
    }
}
