package paiban.deliver;

import java.util.List;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param sent          accepted by the server in this run
 * @param alreadySent   skipped because the journal says they have this issue
 * @param failed        tried and not reached, with the server's reason
 * @param notTried      left untried because the run stopped (see {@code stopReason}); the next run serves them
 * @param stopReason    why the run stopped early, if it did
 */
public record DeliveryReport(List<Subscriber> sent, List<Subscriber> alreadySent, List<Failure> failed,
                             List<Subscriber> notTried, Optional<String> stopReason) {

    /** A subscriber who was not reached, and the last reason. */
    public record Failure(Subscriber subscriber, String reason) {
    }

    public DeliveryReport {
        sent = List.copyOf(sent);
        alreadySent = List.copyOf(alreadySent);
        failed = List.copyOf(failed);
        notTried = List.copyOf(notTried);
    }

    public boolean everyoneReached() {
        return failed.isEmpty() && notTried.isEmpty();
    }
}
