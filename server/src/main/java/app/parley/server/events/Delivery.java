package app.parley.server.events;

import io.micronaut.core.annotation.Nullable;

/**
 * One event on its way to sockets: the frame as UTF-8 JSON (encoded once, whatever the number
 * of receivers, and written to each socket as it is), who gets it, and whether their sockets
 * close after it. The bytes are shared: nobody writes to them.
 *
 * @param newMessageId the id of the message a {@code message} frame carries, 0 otherwise; a socket
 *                     that already sent that message in its opening history skips it
 * @param closeCode    0 to keep the sockets open, else the WebSocket close code to close them with
 */
public record Delivery(
        Audience audience,
        byte[] utf8,
        long newMessageId,
        int closeCode,
        @Nullable String closeReason) {

    public static Delivery of(Audience audience, byte[] utf8) {
        return new Delivery(audience, utf8, 0, 0, null);
    }

    public boolean closes() {
        return closeCode != 0;
    }
}
