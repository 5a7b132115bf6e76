package org.chainwise.api.store;

import java.util.List;
import java.util.Objects;
import org.chainwise.engine.check.Interpretation;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Diagnosis;

/**
 * An attempt as recorded: enough to give a repeated submission the answer the first one got.
 * {@code interpretedAs} is null for an invalid answer, {@code errorMessage} null for a graded one.
 */
public record StoredAttempt(long id, long itemId, Verdict verdict, Interpretation interpretedAs,
        List<Diagnosis> misconceptions, String errorMessage, int errorPosition) {

    public StoredAttempt {
        Objects.requireNonNull(verdict, "verdict");
        misconceptions = List.copyOf(misconceptions);
    }
}
