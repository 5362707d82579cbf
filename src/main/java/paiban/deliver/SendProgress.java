package paiban.deliver;

import java.time.Duration;

/** What a run reports as it goes; the command line prints it. Every method is called after the fact. */
public interface SendProgress {

    SendProgress SILENT = new SendProgress() {
    };

    /** The server accepted the message and the journal has recorded it. */
    default void sent(Subscriber s, int done, int total) {
    }

    /** This subscriber will not be reached in this run. */
    default void failed(Subscriber s, String reason, int done, int total) {
    }

    /** An attempt failed and another follows after {@code wait}. */
    default void retrying(Subscriber s, int nextAttempt, Duration wait, String reason) {
    }
}
