package app.parley.server.events;

import io.micronaut.core.annotation.Nullable;

/**
 * One event on its way to sockets: the frame as JSON text (serialized once, whatever the number
 * of receivers), who gets it, and whether their sockets close after it.
 *
 * @param newMessageId the id of the message a {@code message} frame carries, 0 otherwise; a socket
 *                     that already sent that message in its opening history skips it
 * @param closeCode    0 to keep the sockets open, else the WebSocket close code to close them with
 */
public record Delivery(
        Audience audience,
        String json,
        long newMessageId,
        int closeCode,
        @Nullable String closeReason) {

    public static Delivery of(Audience audience, String json) {
        return new Delivery(audience, json, 0, 0, null);
    }

    public boolean closes() {
        return closeCode != 0;
    }
}
