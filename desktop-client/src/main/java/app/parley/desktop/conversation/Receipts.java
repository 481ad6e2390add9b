package app.parley.desktop.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each of the other members has read a chat, for the receipts under the person's own
 * messages: "read" in a private chat, "read by N" in a group. Positions only move forwards, as
 * on the server, so a late answer never undoes a newer {@code read} frame. Used on the FX thread.
 */
final class Receipts {
    private final long myId;
    private final Map<Long, Long> readUpTo = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    Receipts(long myId) {
        this.myId = myId;
    }

    /** Whether this moved someone's position (and so the receipts shown may change). */
    boolean read(long userId, String name, long lastReadMessageId) {
        if (userId == myId) {
            return false;
        }
        names.put(userId, name);
        Long before = readUpTo.get(userId);
        if (before != null && before >= lastReadMessageId) {
            return false;
        }
        readUpTo.put(userId, lastReadMessageId);
        return true;
    }

    /** The other members who have read the message, by name. */
    List<String> readersOf(long messageId) {
        return readUpTo.entrySet().stream()
                .filter(entry -> entry.getValue() >= messageId)
                .map(entry -> names.getOrDefault(entry.getKey(), ""))
                .sorted()
                .toList();
    }
}
