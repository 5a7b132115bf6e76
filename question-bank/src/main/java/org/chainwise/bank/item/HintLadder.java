package org.chainwise.bank.item;

import java.util.List;
import java.util.Objects;

/** Three hints revealed in order: a nudge, a pointer to the layer to look at, and one worked step. */
public record HintLadder(String nudge, String pointer, String workedStep) {

    public HintLadder {
        Objects.requireNonNull(nudge, "nudge");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(workedStep, "workedStep");
    }

    /** The hints in the order they are revealed. */
    public List<String> inOrder() {
        return List.of(nudge, pointer, workedStep);
    }
}
