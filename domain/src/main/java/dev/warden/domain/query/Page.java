package dev.warden.domain.query;

import java.util.List;

/** One page of a list, with the total number of matches ignoring offset and limit. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
        if (total < items.size()) {
            throw new IllegalArgumentException("total cannot be below the page size");
        }
    }
}
