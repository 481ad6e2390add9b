package app.parley.model.event;

/**
 * Why the server closed a socket. 4xxx codes mirror the HTTP status a request would get; 1013
 * (try again later) tells a client that fell too far behind to reconnect and catch up.
 */
public final class CloseCodes {
    private CloseCodes() {}

    /** Bad path or query (chat id, limit, offset, after_id). */
    public static final int BAD_REQUEST = 4400;
    /** The token's account no longer exists, or the administrator disabled it. */
    public static final int UNAUTHORIZED = 4401;
    /** Not a member of the chat, or removed from it. */
    public static final int FORBIDDEN = 4403;
    /** No such chat (or not a group on a group socket). */
    public static final int NOT_FOUND = 4404;
    /** The chat was deleted. */
    public static final int CHAT_DELETED = 4410;
    /** The client sent a message over 64 KB (in one frame or several); it was not read. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** The client did not read its frames fast enough; its outbound queue overflowed. */
    public static final int TOO_SLOW = 1013;
}
