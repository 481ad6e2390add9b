package app.parley.server.messages;

import app.parley.model.account.UserRef;
import app.parley.model.file.Attachment;
import app.parley.model.message.Message;
import app.parley.model.message.ReplyQuote;
import app.parley.server.accounts.Account;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/** A message with its author's UUID and display names, ready to show. */
@Introspected
public record MessageRow(
        long id,
        String uuid,
        long chatId,
        long authorId,
        String authorUuid,
        String authorName,
        String authorUsername,
        String text,
        @Nullable String clientMsgId,
        Instant createdAt,
        @Nullable Instant editedAt,
        @Nullable Long replyToId,
        // SQLite keeps it as 0 or 1, and a row that is no entity needs its SQL type named to map it.
        @TypeDef(type = DataType.BOOLEAN) boolean mentionsAll) {

    /** The select list that fills a MessageRow, from {@code messages m} joined with {@code users u}. */
    public static final String COLUMNS = """
        m.id, m.uuid, m.chat_id, m.author_id, u.uuid AS author_uuid, u.name AS author_name,
        u.username AS author_username, m.text, m.client_msg_id, m.created_at, m.edited_at, m.reply_to_id,
        m.mentions_all\
        """;

    /** The row of a stored message whose author is known, without reading it back. */
    UserRef author() {
        return UserRef.of(authorId, authorName, authorUsername);
    }

    static MessageRow of(StoredMessage stored, Account author) {
        return new MessageRow(
                stored.id(),
                stored.uuid(),
                stored.chatId(),
                stored.authorId(),
                author.uuid(),
                author.name(),
                author.username(),
                stored.text(),
                stored.clientMsgId(),
                stored.createdAt(),
                stored.editedAt(),
                stored.replyToId(),
                false);
    }

    /** The message, with its files and, when it is a reply, the quote of the message it answers. */
    Message toMessage(List<Attachment> attachments, @Nullable ReplyQuote replyTo) {
        return new Message(
                id,
                uuid,
                chatId,
                Message.TYPE_MESSAGE,
                text,
                author(),
                createdAt,
                clientMsgId,
                attachments,
                editedAt,
                replyTo,
                List.of(),
                List.of(),
                mentionsAll,
                authorUuid);
    }
}
