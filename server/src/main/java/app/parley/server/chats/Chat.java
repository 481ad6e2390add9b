package app.parley.server.chats;

import app.parley.model.chat.ChatType;
import app.parley.model.event.ChatCreatedEvent;
import app.parley.model.event.ChatUpdatedEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A private chat between two users or a group with an owner. */
@MappedEntity("chats")
public record Chat(
        @Id @GeneratedValue @Nullable Long id,
        String uuid,
        String kind,
        String name,
        String description,
        @Nullable Long ownerId,
        @Nullable Long photoFileId,
        @Nullable String pairKey,
        @Nullable Long lastMessageId,
        Instant createdAt) {

    public ChatType type() {
        return ChatType.fromWireName(kind);
    }

    public boolean isGroup() {
        return type() == ChatType.GROUP;
    }

    /**
     * Seed 001's {@code room_name}: stable and unique, usable wherever a chat id is.
     * Private chats are named after their pair of users, groups after their id.
     */
    public String roomName() {
        return roomName(kind, id, pairKey);
    }

    public static String roomName(String kind, long id, String pairKey) {
        return ChatType.GROUP.wireName().equals(kind) ? "group_" + id : "private_" + pairKey.replace(':', '_');
    }

    /** Where members fetch the group's photo; null when it has none (the URL outlives a replaced photo). */
    public @Nullable String photoUrl() {
        return photoFileId == null ? null : "/api/v1/group/" + id + "/photo";
    }

    /** The {@code chat_updated} notification: the group's details as they now are. */
    public ChatUpdatedEvent updatedEvent() {
        return ChatUpdatedEvent.of(id, name, description, photoUrl(), ownerId);
    }

    /** The {@code chat_created} notification, with the name the receiving member sees the chat under. */
    public ChatCreatedEvent createdEvent(String shownName) {
        return ChatCreatedEvent.of(id, uuid, shownName, isGroup() ? ChatType.GROUP : ChatType.PRIVATE, roomName());
    }

    static String pairKey(long userA, long userB) {
        return Math.min(userA, userB) + ":" + Math.max(userA, userB);
    }
}
