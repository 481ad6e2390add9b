package app.parley.server.dialects.seed004;

import app.parley.model.common.IdRef;
import app.parley.model.message.Message;
import app.parley.server.accounts.Account;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.chats.RoomRow;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Turns service results into seed 004's shapes; it decides nothing. The document names users and
 * messages by UUID where the services name them by integer id; rows and messages carry their
 * author's UUID, so no author is looked up again here.
 */
@Singleton
class Seed004Views {
    private final ChatService chats;

    Seed004Views(ChatService chats) {
        this.chats = chats;
    }

    /** A profile; {@code base} is {@code http://host:port}, which makes the photo's URL absolute. */
    static Seed004Json.User user(Account account, String base) {
        String photo = account.photoUrl();
        return new Seed004Json.User(
                account.uuid(), account.email(), account.name(), photo == null ? null : base + photo);
    }

    /**
     * One conversation as the caller sees it: every member (the caller too), whether the other
     * side is a bot account (the AI agent), the newest message and the caller's unread count.
     */
    Seed004Json.Conversation conversation(long callerId, RoomRow row, String base) {
        List<Account> members = chats.memberAccounts(callerId, row.chatId());
        Chat chat = chats.get(new IdRef.Numeric(row.chatId()));
        boolean ai = members.stream().anyMatch(member -> member.id() != callerId && member.bot());
        Seed004Json.LastMessage last = row.msgId() == null
                ? null
                : new Seed004Json.LastMessage(row.msgUuid(), row.msgAuthorUuid(), row.msgText(), row.msgTime());
        return new Seed004Json.Conversation(
                chat.uuid(),
                members.stream().map(member -> user(member, base)).toList(),
                ai,
                last,
                row.unreadCount(),
                chat.createdAt());
    }

    /** Messages as {@code {"sender_id","message","timestamp"}}, in the order given. */
    static List<Seed004Json.HistoryItem> history(List<Message> messages) {
        return messages.stream()
                .map(message -> new Seed004Json.HistoryItem(message.authorUuid(), message.text(), message.time()))
                .toList();
    }
}
