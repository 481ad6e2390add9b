package app.parley.model.message;

import app.parley.model.account.UserRef;
import app.parley.model.event.ServerEvent;
import app.parley.model.file.Attachment;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * Seed 002's Message ({@code id, chat_id, type, text, author, time}) plus its UUID and the
 * sender's own {@code client_msg_id}, which makes resends idempotent. It is also the
 * {@code message} frame of the WebSocket API. {@code attachments} (files uploaded into the chat)
 * appears only when there are some, and {@code edited_at} only once the author has edited the
 * text, so a plain message keeps seed 002's exact shape. With {@code type} {@code message_edited}
 * it is the frame that tells sockets of an edit. {@code reply_to} quotes the message this one
 * answers, when it answers one, {@code reactions} the emoji members put on it (when any), and
 * {@code mentions} the members its text names with {@code @username} ({@code mentions_all}: it
 * says {@code @all} where that counts).
 *
 * <p>{@code authorUuid} is never written: seed 002's author is {@code {id, name, username}}. The
 * server fills it so that dialects which name users by UUID need not look the author up again;
 * a message read from JSON has none.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Message(
        long id,
        String uuid,
        long chatId,
        String type,
        String text,
        UserRef author,
        Instant time,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientMsgId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant editedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReplyQuote replyTo,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Reaction> reactions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UserRef> mentions,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean mentionsAll,
        @JsonIgnore String authorUuid)
        implements ServerEvent {

    public Message {
        // Nearly every message is of this type: one string for all of them, not one per message read.
        type = TYPE_MESSAGE.equals(type) ? TYPE_MESSAGE : type;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        reactions = reactions == null ? List.of() : List.copyOf(reactions);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** A message as first sent: not edited, no reply, reactions or mentions. */
    public Message(
            long id,
            String uuid,
            long chatId,
            String type,
            String text,
            UserRef author,
            Instant time,
            String clientMsgId,
            List<Attachment> attachments,
            String authorUuid) {
        this(
                id,
                uuid,
                chatId,
                type,
                text,
                author,
                time,
                clientMsgId,
                attachments,
                null,
                null,
                List.of(),
                List.of(),
                false,
                authorUuid);
    }

    /** A message whose author's UUID is not known (as a client reads one). */
    public Message(
            long id,
            String uuid,
            long chatId,
            String type,
            String text,
            UserRef author,
            Instant time,
            String clientMsgId,
            List<Attachment> attachments) {
        this(id, uuid, chatId, type, text, author, time, clientMsgId, attachments, null);
    }

    /** A message without attachments. */
    public Message(
            long id,
            String uuid,
            long chatId,
            String type,
            String text,
            UserRef author,
            Instant time,
            String clientMsgId) {
        this(id, uuid, chatId, type, text, author, time, clientMsgId, List.of());
    }

    public static final String TYPE_MESSAGE = "message";

    public boolean edited() {
        return editedAt != null;
    }

    /** The same message as a frame of another type ({@code message_edited}, say). */
    public Message withType(String otherType) {
        return new Message(
                id,
                uuid,
                chatId,
                otherType,
                text,
                author,
                time,
                clientMsgId,
                attachments,
                editedAt,
                replyTo,
                reactions,
                mentions,
                mentionsAll,
                authorUuid);
    }

    /** The same message naming its author with another, equal, object (one shared by many messages). */
    public Message withAuthor(UserRef sameAuthor) {
        return new Message(
                id,
                uuid,
                chatId,
                type,
                text,
                sameAuthor,
                time,
                clientMsgId,
                attachments,
                editedAt,
                replyTo,
                reactions,
                mentions,
                mentionsAll,
                authorUuid);
    }

    /** The message with the text its author gave it later. */
    public Message withEdit(String newText, Instant when) {
        return new Message(
                id,
                uuid,
                chatId,
                type,
                newText,
                author,
                time,
                clientMsgId,
                attachments,
                when,
                replyTo,
                reactions,
                mentions,
                mentionsAll,
                authorUuid);
    }

    /** The message with its reactions as they now are. */
    public Message withReactions(List<Reaction> now) {
        return new Message(
                id,
                uuid,
                chatId,
                type,
                text,
                author,
                time,
                clientMsgId,
                attachments,
                editedAt,
                replyTo,
                now,
                mentions,
                mentionsAll,
                authorUuid);
    }

    /** The message with the people its text mentions ({@code all}: everyone in the group). */
    public Message withMentions(List<UserRef> who, boolean all) {
        return new Message(
                id,
                uuid,
                chatId,
                type,
                text,
                author,
                time,
                clientMsgId,
                attachments,
                editedAt,
                replyTo,
                reactions,
                who,
                all,
                authorUuid);
    }
}
