package app.parley.server.chats;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One row of a user's chat list: the chat, the caller's unread count, its last message, the other user. */
@Introspected
public record RoomRow(
        long chatId,
        String chatUuid,
        String kind,
        String chatName,
        @Nullable String pairKey,
        long unreadCount,
        @Nullable Long msgId,
        @Nullable String msgUuid,
        @Nullable String msgText,
        @Nullable String msgClientId,
        @Nullable Instant msgTime,
        @Nullable Long msgAuthorId,
        @Nullable String msgAuthorName,
        @Nullable String msgAuthorUsername,
        @Nullable Long otherId,
        @Nullable String otherName,
        @Nullable String otherUsername) {}
