package app.parley.server.api.v1;

import app.parley.model.chat.ChatRoom;
import app.parley.model.file.Attachment;
import app.parley.server.attachments.ChatFileService;
import app.parley.server.chats.RoomRow;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Chat-list rows as clients see them: each with its last message's files, loaded in one query for
 * the whole list, so a message that is only files still has something to preview. A mute whose
 * time has passed shows as none.
 */
@Singleton
class RoomViews {
    private final ChatFileService files;
    private final Clock clock;

    RoomViews(ChatFileService files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    List<ChatRoom> of(List<RoomRow> rows) {
        Map<Long, List<Attachment>> attachments = files.attachmentsOf(
                rows.stream().map(RoomRow::msgId).filter(Objects::nonNull).toList());
        Instant now = clock.instant();
        return rows.stream()
                .map(row -> V1Views.room(
                        row, row.msgId() == null ? List.of() : attachments.getOrDefault(row.msgId(), List.of()), now))
                .toList();
    }

    ChatRoom of(RoomRow row) {
        return of(List.of(row)).getFirst();
    }
}
