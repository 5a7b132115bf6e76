package org.chainwise.api.service;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "next": the item to work on (the open one resumed, or a new one the model chose)
 * with the learner's progress; without an item, {@code reason} says why (the set is complete, or
 * every useful variant was served).
 */
public record NextItem(Optional<ItemState> item, Progress progress, String reason) {

    public NextItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(progress, "progress");
    }
}
