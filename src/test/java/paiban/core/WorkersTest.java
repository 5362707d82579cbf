package paiban.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkersTest {

    @Test
    void resultsComeInTheTasksOrder() throws IOException {
        List<Callable<Integer>> tasks = java.util.stream.IntStream.range(0, 50)
                .<Callable<Integer>>mapToObj(i -> () -> {
                    Thread.sleep((50 - i) % 7);
                    return i * i;
                }).toList();
        List<Integer> got = Workers.all(tasks);
        for (int i = 0; i < 50; i++) assertEquals(i * i, got.get(i));
    }

    @Test
    void theFirstFailureInOrderIsReportedAfterEveryTaskHasEnded() {
        AtomicBoolean slowEnded = new AtomicBoolean();
        IOException e = assertThrows(IOException.class, () -> Workers.all(List.<Callable<String>>of(
                () -> {
                    Thread.sleep(300);
                    slowEnded.set(true);
                    return "slow";
                },
                () -> {
                    Thread.sleep(100);
                    throw new IOException("second");
                },
                () -> {
                    throw new IllegalStateException("third, though first in time");
                })));
        assertEquals("second", e.getMessage());
        assertTrue(slowEnded.get(), "all() returned while a task was still running");
    }

    @Test
    void aTaskThatStartsTasksDoesNotDeadlockAFullPool() throws Exception {
        // more outer tasks than workers, each running inner tasks through all(): inner ones run inline
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<List<Integer>> outer = CompletableFuture.supplyAsync(() -> {
            try {
                List<Callable<Integer>> tasks = java.util.stream.IntStream.range(0, Workers.count() * 3)
                        .<Callable<Integer>>mapToObj(i -> () -> Workers.all(List.<Callable<Integer>>of(() -> i, () -> 1))
                                .stream().mapToInt(Integer::intValue).sum()).toList();
                return Workers.all(tasks);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                done.countDown();
            }
        });
        assertTrue(done.await(20, TimeUnit.SECONDS), "deadlocked");
        assertEquals(Workers.count() * 3, outer.get().size());
        assertEquals(2, outer.get().get(1));
    }
}
