package app.parley.desktop.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each of the other members has received and read a chat, for the receipts under the
 * person's own messages: "delivered", then "read" in a private chat or "read by N" in a group.
 * Positions only move forwards, as on the server, so a late answer never undoes a newer frame.
 * Used on the FX thread.
 */
final class Receipts {
    private final long myId;
    private final Map<Long, Long> readUpTo = new HashMap<>();
    private final Map<Long, Long> deliveredUpTo = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    Receipts(long myId) {
        this.myId = myId;
    }

    /** Whether this moved someone's read position (and so the receipts shown may change). */
    boolean read(long userId, String name, long lastReadMessageId) {
        return moved(readUpTo, userId, name, lastReadMessageId);
    }

    /** Whether this moved how far someone's devices have received the chat. */
    boolean delivered(long userId, String name, long lastDeliveredMessageId) {
        return moved(deliveredUpTo, userId, name, lastDeliveredMessageId);
    }

    private boolean moved(Map<Long, Long> positions, long userId, String name, long messageId) {
        if (userId == myId) {
            return false;
        }
        names.put(userId, name);
        Long before = positions.get(userId);
        if (before != null && before >= messageId) {
            return false;
        }
        positions.put(userId, messageId);
        return true;
    }

    /** Who of the others has read the message, and whose devices have it (readers included), by name. */
    Receipt of(long messageId) {
        return new Receipt(namesAtOrPast(readUpTo, messageId), receivers(messageId));
    }

    private List<String> receivers(long messageId) {
        return names.keySet().stream()
                .filter(user ->
                        Math.max(readUpTo.getOrDefault(user, 0L), deliveredUpTo.getOrDefault(user, 0L)) >= messageId)
                .map(names::get)
                .sorted()
                .toList();
    }

    private List<String> namesAtOrPast(Map<Long, Long> positions, long messageId) {
        return positions.entrySet().stream()
                .filter(entry -> entry.getValue() >= messageId)
                .map(entry -> names.getOrDefault(entry.getKey(), ""))
                .sorted()
                .toList();
    }
}
