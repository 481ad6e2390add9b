package app.parley.desktop.outbox;

import app.parley.model.message.ReplyQuote;
import java.time.Instant;
import java.util.List;

/**
 * One message written but not yet stored by the server. Its {@code clientMsgId} stays the same
 * through every resend, so the server keeps it once however often it is sent. A failed one was
 * refused (4xx) and waits for the person to retry or delete it; {@code problem} says why, in
 * words for people (null while it is not failed). {@code replyTo} quotes the message it answers
 * (null for none), so the unsent message shows its quote as the stored one will.
 */
public record OutboxEntry(
        String clientMsgId,
        long chatId,
        String text,
        Instant written,
        List<OutboxFile> files,
        boolean failed,
        String problem,
        ReplyQuote replyTo) {

    public OutboxEntry {
        text = text == null ? "" : text;
        files = files == null ? List.of() : List.copyOf(files);
    }

    OutboxEntry failedBecause(String why) {
        return new OutboxEntry(clientMsgId, chatId, text, written, files, true, why, replyTo);
    }

    OutboxEntry pendingAgain() {
        return new OutboxEntry(clientMsgId, chatId, text, written, files, false, null, replyTo);
    }

    OutboxEntry withFile(int index, OutboxFile file) {
        var changed = new java.util.ArrayList<>(files);
        changed.set(index, file);
        return new OutboxEntry(clientMsgId, chatId, text, written, changed, failed, problem, replyTo);
    }
}
