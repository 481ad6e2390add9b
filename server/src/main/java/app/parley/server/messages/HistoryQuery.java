package app.parley.server.messages;

import app.parley.server.common.Paging;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.InvalidInputException;
import io.micronaut.core.annotation.Nullable;

/**
 * Which page of a chat's history: by offset, or by cursor (strictly before or after a message
 * id), newest first (the default) or oldest first.
 */
public record HistoryQuery(
        int limit,
        int offset,
        @Nullable Long beforeId,
        @Nullable Long afterId,
        boolean oldestFirst) {

    public static HistoryQuery of(
            @Nullable Integer limit,
            @Nullable Integer offset,
            @Nullable Long before,
            @Nullable Long after,
            @Nullable String order,
            ParleyLimits limits) {
        Paging paging = Paging.of(limit, offset, limits);
        if (before != null && before < 1 || after != null && after < 0) {
            throw new InvalidInputException(
                    before != null && before < 1 ? "before" : "after", "cursors are message ids");
        }
        boolean oldestFirst;
        if (order == null || order.isBlank()) {
            // Catching up after a cursor reads forwards; everything else reads back from the newest.
            oldestFirst = after != null && before == null;
        } else if (order.equalsIgnoreCase("asc") || order.equalsIgnoreCase("oldest")) {
            oldestFirst = true;
        } else if (order.equalsIgnoreCase("desc") || order.equalsIgnoreCase("newest")) {
            oldestFirst = false;
        } else {
            throw new InvalidInputException("order", "order must be 'asc' or 'desc'");
        }
        return new HistoryQuery(paging.limit(), paging.offset(), before, after, oldestFirst);
    }

    /** The same page, ignoring messages newer than {@code lastId}. */
    public HistoryQuery upTo(long lastId) {
        long ceiling = lastId + 1;
        return new HistoryQuery(
                limit, offset, beforeId == null ? ceiling : Math.min(beforeId, ceiling), afterId, oldestFirst);
    }
}
