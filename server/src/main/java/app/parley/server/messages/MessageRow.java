package app.parley.server.messages;

import app.parley.model.account.UserRef;
import app.parley.model.file.Attachment;
import app.parley.model.message.Message;
import app.parley.server.accounts.Account;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
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
        Instant createdAt) {

    /** The select list that fills a MessageRow, from {@code messages m} joined with {@code users u}. */
    public static final String COLUMNS = """
        m.id, m.uuid, m.chat_id, m.author_id, u.uuid AS author_uuid, u.name AS author_name,
        u.username AS author_username, m.text, m.client_msg_id, m.created_at\
        """;

    /** The row of a stored message whose author is known, without reading it back. */
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
                stored.createdAt());
    }

    Message toMessage(List<Attachment> attachments) {
        return new Message(
                id,
                uuid,
                chatId,
                Message.TYPE_MESSAGE,
                text,
                UserRef.of(authorId, authorName, authorUsername),
                createdAt,
                clientMsgId,
                attachments,
                authorUuid);
    }
}
