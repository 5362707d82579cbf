package paiban.deliver;

import java.time.Duration;

/**
 * How hard to try one subscriber: up to {@code attempts} tries, waiting {@code firstWait} before
 * the second and twice as long before each one after that.
 */
public record RetryPolicy(int attempts, Duration firstWait) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(2));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        if (firstWait.isNegative()) {
            throw new IllegalArgumentException("a wait cannot be negative");
        }
    }

    /** The wait before attempt {@code attempt} (2, 3, ...). */
    Duration waitBefore(int attempt) {
        return firstWait.multipliedBy(1L << Math.min(attempt - 2, 20));
    }
}
