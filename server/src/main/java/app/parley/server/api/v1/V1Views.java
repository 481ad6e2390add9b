package app.parley.server.api.v1;

import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatInfo;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.file.Attachment;
import app.parley.model.message.Message;
import app.parley.model.message.ReadState;
import app.parley.model.message.UnreadCounts;
import app.parley.server.accounts.Account;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatMember;
import app.parley.server.chats.RoomRow;
import app.parley.server.messages.UnreadRow;
import java.time.Instant;
import java.util.List;

/** Turns service results into the canonical wire records. Shapes only: no rules here. */
final class V1Views {
    private V1Views() {}

    /** A chat-list row; {@code attachments} are its last message's files (none without a last message). */
    static ChatRoom room(RoomRow row, List<Attachment> attachments, Instant now) {
        ChatType type = ChatType.fromWireName(row.kind());
        UserRef other = row.otherId() == null ? null : UserRef.of(row.otherId(), row.otherName(), row.otherUsername());
        String name = type == ChatType.PRIVATE && row.otherName() != null ? row.otherName() : row.chatName();
        Message last = row.msgId() == null
                ? null
                : new Message(
                        row.msgId(),
                        row.msgUuid(),
                        row.chatId(),
                        Message.TYPE_MESSAGE,
                        row.msgText(),
                        UserRef.of(row.msgAuthorId(), row.msgAuthorName(), row.msgAuthorUsername()),
                        row.msgTime(),
                        row.msgClientId(),
                        attachments,
                        row.msgEditedAt(),
                        null,
                        List.of(),
                        List.of(),
                        false,
                        row.msgAuthorUuid());
        boolean muted =
                row.muted() && (row.mutedUntil() == null || row.mutedUntil().isAfter(now));
        return new ChatRoom(
                row.chatId(),
                row.chatUuid(),
                name,
                type,
                Chat.roomName(row.kind(), row.chatId(), row.pairKey()),
                other,
                last,
                row.unreadCount(),
                row.mentionCount(),
                muted,
                muted ? row.mutedUntil() : null);
    }

    static ChatInfo info(Chat chat, List<Account> members, long viewerId) {
        List<UserRef> users = members.stream().map(Account::toRef).toList();
        String name = chat.name();
        if (!chat.isGroup()) {
            name = members.stream()
                    .filter(a -> a.id() != viewerId)
                    .map(Account::name)
                    .findFirst()
                    .orElse(name);
        }
        return new ChatInfo(
                chat.id(),
                chat.uuid(),
                chat.type(),
                name,
                chat.description(),
                chat.roomName(),
                chat.ownerId(),
                chat.photoUrl(),
                users,
                chat.createdAt());
    }

    static UnreadCounts unread(List<UnreadRow> rows) {
        long total = rows.stream().mapToLong(UnreadRow::unreadCount).sum();
        return new UnreadCounts(
                total,
                rows.stream()
                        .map(r -> new UnreadCounts.ChatUnread(
                                r.chatId(),
                                Chat.roomName(r.kind(), r.chatId(), r.pairKey()),
                                r.unreadCount(),
                                r.mentionCount()))
                        .toList());
    }

    static ReadState readState(ChatMember member) {
        return new ReadState(
                "ok", member.chatId(), member.lastReadMessageId(), member.unreadCount(), member.lastSeenAt());
    }
}
