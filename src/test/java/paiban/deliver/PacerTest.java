package paiban.deliver;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PacerTest {

    private long now = 1_000_000_000L;
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper fakeSleep = d -> {
        waits.add(d);
        now += d.toNanos();
    };

    @Test
    void messagesAreSpacedToTheRate() throws InterruptedException {
        Pacer pacer = new Pacer(4, () -> now, fakeSleep);
        pacer.awaitTurn();
        now += 50_000_000;    // the first message took 50 ms
        pacer.awaitTurn();
        pacer.awaitTurn();
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(250)), waits);
    }

    @Test
    void timeLostToASlowServerIsNotMadeUpByABurst() throws InterruptedException {
        Pacer pacer = new Pacer(2, () -> now, fakeSleep);
        pacer.awaitTurn();
        now += 3_000_000_000L;
        pacer.awaitTurn();
        pacer.awaitTurn();
        assertEquals(List.of(Duration.ofMillis(500)), waits);
    }

    @Test
    void rateZeroNeverWaits() throws InterruptedException {
        Pacer pacer = new Pacer(0, () -> now, fakeSleep);
        for (int i = 0; i < 5; i++) {
            pacer.awaitTurn();
        }
        assertEquals(List.of(), waits);
    }

    @Test
    void backoffDoublesAfterTheFirstWait() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(10));
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40)),
                List.of(policy.waitBefore(2), policy.waitBefore(3), policy.waitBefore(4)));
    }
}
