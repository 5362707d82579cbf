package paiban.deliver;

import java.time.Duration;

/** Waiting, made replaceable so that tests of backoff and rate never sleep for real. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
