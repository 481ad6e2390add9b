package app.parley.desktop.search;

import app.parley.desktop.chats.MessagePreview;
import app.parley.desktop.i18n.Messages;
import app.parley.model.message.Message;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One match: its chat and when, then who wrote what. */
final class HitCell extends ListCell<MessageSearchViewModel.Hit> {
    private final Messages text;
    private final Clock clock;
    private final MessagePreview previews;
    private final Label chat = new Label();
    private final Label time = new Label();
    private final Label said = new Label();
    private final VBox content;

    HitCell(Messages text, Clock clock) {
        this.text = text;
        this.clock = clock;
        this.previews = new MessagePreview(text);
        chat.getStyleClass().add(Styles.TEXT_BOLD);
        chat.setMinWidth(0);
        time.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        time.setMinWidth(Region.USE_PREF_SIZE);
        said.setMinWidth(0);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var top = new HBox(6, chat, spacer, time);
        top.setAlignment(Pos.BASELINE_LEFT);
        content = new VBox(2, top, said);
        content.setMinWidth(0);
        setText(null);
        // The cell takes the list's width, never its text's: long text wraps or is cut off.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(MessageSearchViewModel.Hit hit, boolean empty) {
        super.updateItem(hit, empty);
        if (empty || hit == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        Message message = hit.message();
        String line = previews.of(message.text(), message.attachments()).text();
        String author = message.author() == null ? "" : message.author().name();
        chat.setText(hit.chatName());
        time.setText(timeOf(message));
        // In a private chat the chat's name is the other person's: only one's own messages say who.
        said.setText(
                hit.mine()
                        ? text.get("search.said", text.get("search.you"), line)
                        : hit.inGroup() ? text.get("search.said", author, line) : line);
        setGraphic(content);
        setAccessibleText(text.get("search.accessible", hit.chatName(), author, line, time.getText()));
    }

    private String timeOf(Message message) {
        ZonedDateTime when = message.time().atZone(clock.getZone());
        var locale = text.locale();
        if (when.toLocalDate().equals(LocalDate.now(clock))) {
            return when.format(
                    DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
        }
        return when.format(
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale));
    }
}
