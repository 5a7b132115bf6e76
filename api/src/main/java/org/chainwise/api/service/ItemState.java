package org.chainwise.api.service;

import java.util.Objects;
import org.chainwise.api.store.ServedItem;
import org.chainwise.bank.item.Item;

/** An item served to a learner: the stored record of serving it and the item itself, rebuilt from the bank. */
public record ItemState(ServedItem served, Item item) {

    public ItemState {
        Objects.requireNonNull(served, "served");
        Objects.requireNonNull(item, "item");
    }
}
