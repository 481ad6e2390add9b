package app.parley.desktop.conversation;

import app.parley.desktop.attachments.Upload;
import app.parley.desktop.chats.UserIds;
import app.parley.model.account.UserProfile;
import app.parley.model.message.Message;
import app.parley.model.message.Reaction;
import app.parley.model.message.ReplyQuote;
import java.time.Instant;
import java.util.List;

/**
 * One line of a conversation as the app shows it: a stored message, or one of the person's own
 * still on its way ({@link Status#SENDING}) or refused ({@link Status#FAILED}, to retry with the
 * same {@code clientMsgId}, so that a retry never doubles it). An unsent one carries the files
 * being uploaded for it ({@code uploads}); a stored one's files are its message's attachments.
 * {@code replyTo} quotes the message it answers (null for none).
 */
public record MessageItem(
        Message message,
        String clientMsgId,
        String text,
        Instant time,
        Status status,
        long authorId,
        String authorName,
        boolean own,
        List<Upload> uploads,
        ReplyQuote replyTo) {

    public MessageItem {
        uploads = List.copyOf(uploads);
    }

    public enum Status {
        SENT,
        SENDING,
        FAILED,
        /** Someone else's message still being written (the AI agent's reply as it streams in). */
        WRITING
    }

    public static MessageItem stored(Message message, long myId) {
        long author = message.author() == null ? -1 : UserIds.idOf(message.author());
        String name = message.author() == null ? "" : message.author().name();
        return new MessageItem(
                message,
                message.clientMsgId(),
                message.text(),
                message.time(),
                Status.SENT,
                author,
                name,
                author == myId,
                List.of(),
                message.replyTo());
    }

    public static MessageItem sending(String clientMsgId, String text, Instant time, UserProfile me) {
        return sending(clientMsgId, text, time, me, List.of());
    }

    public static MessageItem sending(
            String clientMsgId, String text, Instant time, UserProfile me, List<Upload> uploads) {
        return sending(clientMsgId, text, time, me, uploads, null);
    }

    public static MessageItem sending(
            String clientMsgId, String text, Instant time, UserProfile me, List<Upload> uploads, ReplyQuote replyTo) {
        return new MessageItem(
                null, clientMsgId, text, time, Status.SENDING, me.id(), me.name(), true, uploads, replyTo);
    }

    /** The AI agent's reply while it is being written ({@code replyId} becomes the finished message's client_msg_id). */
    public static MessageItem writing(String replyId, String text, Instant time, long agentId, String agentName) {
        return new MessageItem(null, replyId, text, time, Status.WRITING, agentId, agentName, false, List.of(), null);
    }

    public MessageItem failed() {
        return new MessageItem(
                message, clientMsgId, text, time, Status.FAILED, authorId, authorName, own, uploads, replyTo);
    }

    public MessageItem retrying() {
        return new MessageItem(
                message, clientMsgId, text, time, Status.SENDING, authorId, authorName, own, uploads, replyTo);
    }

    /** The same line with a fresh quote of the message it answers (that message was edited or deleted). */
    public MessageItem withReplyTo(ReplyQuote quote) {
        return new MessageItem(message, clientMsgId, text, time, status, authorId, authorName, own, uploads, quote);
    }

    /** A stored message with its reactions as they now are. */
    public MessageItem withReactions(List<Reaction> reactions) {
        return message == null
                ? this
                : new MessageItem(
                        message.withReactions(reactions),
                        clientMsgId,
                        text,
                        time,
                        status,
                        authorId,
                        authorName,
                        own,
                        uploads,
                        replyTo);
    }

    /** The stored message's reactions (none for one not stored). */
    public List<Reaction> reactions() {
        return message == null ? List.of() : message.reactions();
    }

    /** The stored id, or {@link Long#MAX_VALUE} for one not stored yet (those sort last). */
    public long id() {
        return message == null ? Long.MAX_VALUE : message.id();
    }

    /** Names the message whichever state it is in: its stored id, else its client_msg_id. */
    public String key() {
        return message == null ? "unsent:" + clientMsgId : "stored:" + message.id();
    }

    public boolean stored() {
        return message != null;
    }
}
