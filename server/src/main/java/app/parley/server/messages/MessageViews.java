package app.parley.server.messages;

import app.parley.model.file.Attachment;
import app.parley.model.message.Message;
import app.parley.server.attachments.ChatFileService;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Messages as clients see them: rows with their attachments, loaded in one query per page. */
@Singleton
class MessageViews {
    private final ChatFileService files;

    MessageViews(ChatFileService files) {
        this.files = files;
    }

    List<Message> of(List<MessageRow> rows) {
        Map<Long, List<Attachment>> attachments =
                files.attachmentsOf(rows.stream().map(MessageRow::id).toList());
        return rows.stream()
                .map(row -> row.toMessage(attachments.getOrDefault(row.id(), List.of())))
                .toList();
    }

    Message of(MessageRow row) {
        return of(List.of(row)).getFirst();
    }
}
