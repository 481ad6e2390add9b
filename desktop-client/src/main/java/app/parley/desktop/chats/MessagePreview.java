package app.parley.desktop.chats;

import app.parley.desktop.i18n.Messages;
import app.parley.model.file.Attachment;
import java.util.List;

/**
 * A message in one line, as the chat list and notifications show it: the first line of its text,
 * or, for a message that is only files, the file's name or how many there are, which the views
 * mark with a paperclip icon (an emoji would need an emoji font, which many desktops lack).
 */
public final class MessagePreview {
    private final Messages text;

    /** The line, and whether it stands for files rather than text. */
    public record Line(String text, boolean files) {}

    public MessagePreview(Messages text) {
        this.text = text;
    }

    public Line of(String said, List<Attachment> attachments) {
        String body = said == null ? "" : said.strip();
        if (body.isEmpty() && attachments != null && !attachments.isEmpty()) {
            return new Line(
                    attachments.size() == 1
                            ? attachments.getFirst().name()
                            : text.get("chats.attachmentsPreview", attachments.size()),
                    true);
        }
        int newline = body.indexOf('\n');
        return new Line(newline < 0 ? body : body.substring(0, newline), false);
    }
}
