package paiban.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What became of one issue in a batch.
 *
 * @param issue    the issue folder as given
 * @param id       the issue's name, which is also its output folder's
 * @param folder   its output folder
 * @param millis   wall time of its build (0 when skipped)
 * @param timings  milliseconds per stage, from {@link paiban.Pipeline.Result#timings()}
 * @param problem  for a failure: the message for the editor
 * @param cause    for a failure: the exception (its stack trace is shown with --debug)
 */
public record Outcome(Path issue, String id, Status status, Path folder, long millis, List<String> warnings,
                      Map<String, Long> timings, String problem, Throwable cause) {

    public enum Status { BUILT, SKIPPED, FAILED }

    /** A failure that is a bug in paiban rather than a problem with the copy. */
    public boolean internal() {
        return status == Status.FAILED && !(cause instanceof paiban.core.PaibanException);
    }

    static Outcome skipped(Path issue, String id, Path folder) {
        return new Outcome(issue, id, Status.SKIPPED, folder, 0, List.of(), Map.of(), null, null);
    }

    static Outcome failed(Path issue, String id, Path folder, long millis, String problem, Throwable cause) {
        return new Outcome(issue, id, Status.FAILED, folder, millis, List.of(), Map.of(), problem, cause);
    }
}
