package org.chainwise.api.service;

import org.chainwise.api.web.ApiException;

/** A window of a list: at most {@code limit} rows after skipping {@code offset}. */
public record Paging(int limit, int offset) {

    /** The largest page any list serves. */
    public static final int MAX_LIMIT = 500;

    /** The window the query parameters ask for, {@code defaultLimit} rows when no limit is given; a 400 naming the parameter otherwise. */
    public static Paging of(Integer limit, Integer offset, int defaultLimit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".",
                    "limit");
        }
        if (offset != null && offset < 0) {
            throw ApiException.badRequest("invalid_offset", "offset must be 0 or more, not " + offset + ".", "offset");
        }
        return new Paging(limit == null ? defaultLimit : limit, offset == null ? 0 : offset);
    }
}
