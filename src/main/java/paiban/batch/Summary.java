package paiban.batch;

import java.util.List;

/** The outcome of every issue of a batch, in the order they were given, and the batch's wall time. */
public record Summary(List<Outcome> outcomes, long millis, int jobs) {

    public List<Outcome> with(Outcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    public boolean anyFailed() {
        return outcomes.stream().anyMatch(o -> o.status() == Outcome.Status.FAILED);
    }

    public boolean anyInternal() {
        return outcomes.stream().anyMatch(Outcome::internal);
    }
}
