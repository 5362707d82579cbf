package paiban.model;

import java.util.List;
import java.util.Optional;

/**
 * One entry of the editor's manual plan: a page's section and the articles it must carry, in order.
 *
 * @param entry the entry's position in the plan list (1-based), for error messages
 */
public record PlanPage(int entry, int page, Optional<String> section, List<Placement> articles) {

    public PlanPage {
        articles = List.copyOf(articles);
    }

    /** An article on a planned page, with the column span the editor wants, if any. */
    public record Placement(String article, Optional<Integer> columns) {
    }
}
