package paiban.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process's worker threads, one per core, shared by every build in the process: a batch of N jobs
 * then keeps the cores busy without starting N × cores threads. The per-photo and per-page work of a
 * build (decoding, colour conversion, JPEG encoding, page rendering) runs here.
 *
 * <p>A task given to the workers must never wait for another task of theirs (chain them with
 * {@link CompletableFuture} instead); only a thread outside the pool waits. That is what keeps a full pool
 * from deadlocking. Called from a worker, {@link #all} simply runs its tasks in that thread.
 */
public final class Workers {

    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ThreadGroup GROUP = new ThreadGroup("paiban-workers");
    private static final int COUNT = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = Executors.newFixedThreadPool(COUNT, task -> {
        Thread t = new Thread(GROUP, task, "paiban-worker-" + NUMBER.incrementAndGet());
        t.setDaemon(true); // never keeps the process alive after main ends
        return t;
    });

    private Workers() {
    }

    /** How many tasks run at once. */
    public static int count() {
        return COUNT;
    }

    /** Starts a task on the workers. */
    public static <T> CompletableFuture<T> start(Callable<T> task) {
        if (onWorker()) {
            return CompletableFuture.completedFuture(null).thenApply(ignored -> call(task));
        }
        return CompletableFuture.supplyAsync(() -> call(task), POOL);
    }

    /** Starts {@code next} on the workers once {@code first} has given its result. */
    public static <A, T> CompletableFuture<T> then(CompletableFuture<A> first, Step<A, T> next) {
        return first.thenApplyAsync(a -> call(() -> next.apply(a)), POOL);
    }

    /** Runs every task, waits for all of them, and gives their results in the tasks' order. */
    public static <T> List<T> all(List<? extends Callable<T>> tasks) throws IOException {
        List<CompletableFuture<T>> started = new ArrayList<>();
        for (Callable<T> task : tasks) started.add(start(task));
        return joinAll(started);
    }

    /**
     * Waits until every future is done (so none is still writing when the caller cleans up), then gives their
     * results in order; the first failure in that order is thrown, whichever failed first in time.
     */
    public static <T> List<T> joinAll(List<? extends CompletableFuture<? extends T>> futures) throws IOException {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaibanException("interrupted while the workers were busy", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("allOf().exceptionally() cannot fail", e);
        }
        List<T> results = new ArrayList<>();
        for (CompletableFuture<? extends T> f : futures) results.add(join(f));
        return results;
    }

    /** The future's result, with a task's own IOException or RuntimeException thrown as itself. */
    public static <T> T join(CompletableFuture<? extends T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
            if (cause instanceof UncheckedIOException u) throw u.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** One step of a chain, which may throw IOException like the rest of the pipeline. */
    @FunctionalInterface
    public interface Step<A, T> {
        T apply(A input) throws Exception;
    }

    private static boolean onWorker() {
        return Thread.currentThread().getThreadGroup() == GROUP;
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
