package org.chainwise.api.store;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.chainwise.bank.item.Parameters;

/**
 * An item as served to one learner ({@code item_served}): what reproduces it (family, parameters,
 * seed), its variant, and where the learner is with it. {@code answeredAt} is the first graded
 * answer; an item is open until it is answered or its solution shown.
 */
public record ServedItem(long id, long courseId, long userId, Long practiceSetId, String family, Parameters parameters,
        long seed, String variantKey, OffsetDateTime answeredAt, OffsetDateTime solvedAt,
        OffsetDateTime solutionShownAt, int hintsShown) {

    public ServedItem {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(variantKey, "variantKey");
    }

    public boolean solved() {
        return solvedAt != null;
    }

    public boolean solutionShown() {
        return solutionShownAt != null;
    }

    public boolean answered() {
        return answeredAt != null;
    }
}
