package app.parley.server.common;

import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.InvalidInputException;
import io.micronaut.core.annotation.Nullable;

/** {@code limit}/{@code offset} as a client sent them, checked against the configured page size. */
public record Paging(int limit, int offset) {

    public static Paging of(@Nullable Integer limit, @Nullable Integer offset, ParleyLimits limits) {
        return of(limit, offset, limits.pageSizeDefault(), limits.pageSizeMax());
    }

    /** With an explicit default for an absent limit (which may exceed the largest a client may ask for). */
    public static Paging of(@Nullable Integer limit, @Nullable Integer offset, int defaultLimit, int maxLimit) {
        int size = limit == null ? defaultLimit : limit;
        if (limit != null && (size < 1 || size > maxLimit)) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + maxLimit);
        }
        int skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw new InvalidInputException("offset", "offset must not be negative");
        }
        return new Paging(size, skip);
    }
}
