package app.parley.server.dialects.seed004;

import app.parley.model.common.IdRef;
import app.parley.model.message.Message;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.chats.RoomRow;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns service results into seed 004's shapes. The document names users and messages by UUID
 * where the services name them by integer id, so this looks the UUIDs up; it decides nothing.
 */
@Singleton
class Seed004Views {
    private final AccountService accounts;
    private final ChatService chats;

    Seed004Views(AccountService accounts, ChatService chats) {
        this.accounts = accounts;
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
        Seed004Json.LastMessage last = null;
        if (row.msgId() != null) {
            String sender = members.stream()
                    .filter(member -> member.id().equals(row.msgAuthorId()))
                    .map(Account::uuid)
                    .findFirst()
                    // A former member of a group.
                    .orElseGet(() ->
                            accounts.get(new IdRef.Numeric(row.msgAuthorId())).uuid());
            last = new Seed004Json.LastMessage(row.msgUuid(), sender, row.msgText(), row.msgTime());
        }
        return new Seed004Json.Conversation(
                chat.uuid(),
                members.stream().map(member -> user(member, base)).toList(),
                ai,
                last,
                row.unreadCount(),
                chat.createdAt());
    }

    /** Messages as {@code {"sender_id","message","timestamp"}}, in the order given. */
    List<Seed004Json.HistoryItem> history(List<Message> messages) {
        List<Long> authorIds =
                messages.stream().map(Seed004Views::authorId).distinct().toList();
        Map<Long, Account> authors = authorIds.isEmpty() ? new HashMap<>() : accounts.byIds(authorIds);
        return messages.stream()
                .map(message ->
                        new Seed004Json.HistoryItem(uuidOf(authors, authorId(message)), message.text(), message.time()))
                .toList();
    }

    private String uuidOf(Map<Long, Account> authors, long authorId) {
        Account author = authors.get(authorId);
        return author != null
                ? author.uuid()
                : accounts.get(new IdRef.Numeric(authorId)).uuid();
    }

    private static long authorId(Message message) {
        return ((IdRef.Numeric) message.author().id()).id();
    }
}
