package app.parley.server.events;

/**
 * Which sockets a delivery is for. Plain data, so that a bus between several server nodes can
 * carry it; each node then finds the matching sockets it holds.
 */
public sealed interface Audience {

    /** Every socket open on the chat, except those of {@code exceptUserId} (0 for none). */
    record Room(long chatId, long exceptUserId) implements Audience {}

    /** The sockets one member has open on the chat. */
    record RoomMember(long chatId, long userId) implements Audience {}

    /** The main sockets of one user: notifications from all of their chats. */
    record Inbox(long userId) implements Audience {}

    /** Every socket opened with a token of this session (chat and main alike). */
    record Session(String sessionId) implements Audience {}

    /** The main sockets of one user that asked for {@code presence} frames. */
    record PresenceWatcher(long userId) implements Audience {}
}
