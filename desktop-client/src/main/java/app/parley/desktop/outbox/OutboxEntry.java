package app.parley.desktop.outbox;

import java.time.Instant;
import java.util.List;

/**
 * One message written but not yet stored by the server. Its {@code clientMsgId} stays the same
 * through every resend, so the server keeps it once however often it is sent. A failed one was
 * refused (4xx) and waits for the person to retry or delete it.
 */
public record OutboxEntry(
        String clientMsgId, long chatId, String text, Instant written, List<OutboxFile> files, boolean failed) {

    public OutboxEntry {
        text = text == null ? "" : text;
        files = files == null ? List.of() : List.copyOf(files);
    }

    OutboxEntry withFailed(boolean now) {
        return new OutboxEntry(clientMsgId, chatId, text, written, files, now);
    }

    OutboxEntry withFile(int index, OutboxFile file) {
        var changed = new java.util.ArrayList<>(files);
        changed.set(index, file);
        return new OutboxEntry(clientMsgId, chatId, text, written, changed, failed);
    }
}
