package app.parley.server.messages;

import app.parley.model.message.Message;
import app.parley.server.chats.Chat;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/** What opening a chat shows: its newest messages (oldest first), the unread count before, and when it was read. */
public record OpenedChat(
        Chat chat,
        List<Message> messages,
        long unreadBefore,
        @Nullable Instant lastSeenAt) {}
