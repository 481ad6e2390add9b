package app.parley.server.dialects.seed000;

import app.parley.model.chat.ChatType;
import app.parley.model.file.Attachment;
import app.parley.model.message.Message;
import app.parley.server.accounts.Account;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.chats.RoomRow;
import app.parley.server.dialects.seed000.Seed000Json.ChatDetails;
import app.parley.server.dialects.seed000.Seed000Json.ChatStatus;
import app.parley.server.dialects.seed000.Seed000Json.FileView;
import app.parley.server.dialects.seed000.Seed000Json.LastMessage;
import app.parley.server.dialects.seed000.Seed000Json.MessageView;
import jakarta.inject.Singleton;
import java.util.List;

/** Turns service results into seed 000's records: integer ids become UUIDs. Shapes only. */
@Singleton
class Seed000Views {
    private final ChatService chats;

    Seed000Views(ChatService chats) {
        this.chats = chats;
    }

    /** A chat as the caller sees it: a private chat is named after the other member and has no owner. */
    ChatDetails details(long callerId, Chat chat) {
        List<Account> members = chats.memberAccounts(callerId, chat.id());
        String name = chat.isGroup()
                ? chat.name()
                : members.stream()
                        .filter(member -> member.id() != callerId)
                        .map(Account::name)
                        .findFirst()
                        .orElse(chat.name());
        String ownerId = chat.ownerId() == null
                ? null
                : members.stream()
                        .filter(member -> member.id().equals(chat.ownerId()))
                        .map(Account::uuid)
                        .findFirst()
                        .orElse(null);
        return new ChatDetails(
                chat.uuid(),
                name,
                !chat.isGroup(),
                ownerId,
                members.stream().map(Account::uuid).toList(),
                chat.createdAt());
    }

    List<MessageView> messages(Chat chat, List<Message> messages) {
        return messages.stream()
                .map(message -> new MessageView(
                        message.uuid(),
                        chat.uuid(),
                        message.authorUuid(),
                        message.author().username(),
                        message.text(),
                        message.time(),
                        message.attachments().stream().map(Seed000Views::file).toList()))
                .toList();
    }

    List<ChatStatus> statuses(List<RoomRow> rooms) {
        return rooms.stream()
                .map(room -> {
                    boolean isPrivate = ChatType.fromWireName(room.kind()) == ChatType.PRIVATE;
                    String name = isPrivate && room.otherName() != null ? room.otherName() : room.chatName();
                    LastMessage last = room.msgUuid() == null
                            ? null
                            : new LastMessage(
                                    room.msgUuid(),
                                    room.msgAuthorUuid(),
                                    room.msgAuthorUsername(),
                                    room.msgText(),
                                    room.msgTime());
                    return new ChatStatus(room.chatUuid(), name, isPrivate, room.unreadCount(), last);
                })
                .toList();
    }

    private static FileView file(Attachment attachment) {
        return new FileView(
                attachment.uuid(), attachment.name(), attachment.size(), attachment.contentType(), attachment.url());
    }
}
