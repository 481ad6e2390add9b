package app.parley.server.chats;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** One row of a user's chat list: the chat, the caller's unread and mention counts, its last message, the other user. */
@Introspected
public record RoomRow(
        long chatId,
        String chatUuid,
        String kind,
        String chatName,
        @Nullable String pairKey,
        long unreadCount,
        long mentionCount,
        @TypeDef(type = DataType.BOOLEAN) boolean muted,
        @Nullable @TypeDef(type = DataType.TIMESTAMP) Instant mutedUntil,
        @Nullable Long msgId,
        @Nullable String msgUuid,
        @Nullable String msgText,
        @Nullable String msgClientId,
        // Not a column of the repository's entity, so its SQL type must be named for the epoch millis to map.
        @Nullable @TypeDef(type = DataType.TIMESTAMP) Instant msgTime,
        @Nullable @TypeDef(type = DataType.TIMESTAMP) Instant msgEditedAt,
        @Nullable Long msgAuthorId,
        @Nullable String msgAuthorUuid,
        @Nullable String msgAuthorName,
        @Nullable String msgAuthorUsername,
        @Nullable Long otherId,
        @Nullable String otherName,
        @Nullable String otherUsername) {}
