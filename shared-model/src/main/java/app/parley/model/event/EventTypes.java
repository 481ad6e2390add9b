package app.parley.model.event;

/** The {@code type} of every WebSocket frame, in one place for server and client. */
public final class EventTypes {
    private EventTypes() {}

    // Seed 002's names: sent by the server, and the first three also by clients.
    public static final String MESSAGE = "message";
    public static final String TYPING = "typing";
    public static final String STOP_TYPING = "stop_typing";
    public static final String HISTORY = "history";
    public static final String LAST_MESSAGE = "last_message";

    // Parley's own server events.
    public static final String READ = "read";
    public static final String DELIVERED = "delivered";
    public static final String MESSAGE_DELETED = "message_deleted";
    public static final String MESSAGE_EDITED = "message_edited";
    public static final String REACTION_ADDED = "reaction_added";
    public static final String REACTION_REMOVED = "reaction_removed";
    public static final String CHAT_MUTED = "chat_muted";
    public static final String MENTION_COUNT = "mention_count";
    public static final String MEMBERS_ADDED = "members_added";
    public static final String MEMBERS_REMOVED = "members_removed";
    public static final String CHAT_CREATED = "chat_created";
    public static final String CHAT_DELETED = "chat_deleted";
    public static final String CHAT_UPDATED = "chat_updated";
    public static final String ERROR = "error";
    public static final String AGENT_REPLY = "agent_reply";
    public static final String PRESENCE = "presence";

    // Parley's own client frames.
    public static final String MARK_READ = "mark_read";
    public static final String CATCH_UP = "catch_up";
}
