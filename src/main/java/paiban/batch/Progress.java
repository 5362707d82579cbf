package paiban.batch;

/**
 * Hears how a batch goes, issue by issue. Calls come from the build threads, one at a time
 * ({@link Batch} serialises them), in the order things happen.
 */
public interface Progress {

    /** The batch starts: {@code total} issues, of which {@code toBuild} need building, {@code jobs} at a time. */
    void started(int total, int toBuild, int jobs);

    /** An issue's build begins. */
    void building(String id);

    /** A warning from an issue's build, as it happens. */
    void warning(String id, String warning);

    /** An issue is done: built, skipped or failed. */
    void finished(Outcome outcome);

    /** Every issue is done. */
    void summary(Summary summary);
}
