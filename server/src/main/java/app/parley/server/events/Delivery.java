package app.parley.server.events;

import io.micronaut.core.annotation.Nullable;

/**
 * One event on its way to sockets: the frame as UTF-8 JSON (encoded once, whatever the number
 * of receivers, and written to each socket as it is), who gets it, and whether their sockets
 * close after it. The bytes are shared: nobody writes to them.
 *
 * @param newMessage  the message a {@code message} or {@code last_message} frame carries, null
 *                    otherwise: a chat socket that already sent it in its opening history skips
 *                    it, and a socket it is written to counts it delivered to its user
 * @param closeCode   0 to keep the sockets open, else the WebSocket close code to close them with
 */
public record Delivery(
        Audience audience,
        byte[] utf8,
        @Nullable NewMessage newMessage,
        int closeCode,
        @Nullable String closeReason) {

    /** Which message a frame carries, and who wrote it (their own devices do not count as delivery). */
    public record NewMessage(long chatId, long id, long authorId) {}

    public static Delivery of(Audience audience, byte[] utf8) {
        return new Delivery(audience, utf8, null, 0, null);
    }

    /** The id of the message the frame carries, 0 for other frames. */
    public long newMessageId() {
        return newMessage == null ? 0 : newMessage.id();
    }

    public boolean closes() {
        return closeCode != 0;
    }
}
