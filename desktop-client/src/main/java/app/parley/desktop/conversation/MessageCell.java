package app.parley.desktop.conversation;

import app.parley.desktop.attachments.AttachmentView;
import app.parley.desktop.attachments.Upload;
import app.parley.desktop.i18n.Messages;
import app.parley.model.file.Attachment;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One message: a day line when the day changes, the author's name where a group's run of their
 * messages starts, the text in a bubble (the reader's own on the right), its time and, for the
 * reader's own, whether it is still sending or failed (with a retry).
 */
final class MessageCell extends ListCell<MessageItem> {
    private static final PseudoClass OWN = PseudoClass.getPseudoClass("own");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final Messages text;
    private final Clock clock;
    private final boolean group;
    private final Consumer<MessageItem> onRetry;
    private final Consumer<MessageItem> onDelete;

    private final Label day = new Label();
    private final Label author = new Label();
    private final Label body = new Label();
    private final Label time = new Label();
    private final FontIcon state = new FontIcon();
    private final Hyperlink retry = new Hyperlink();
    private final AttachmentView files;
    private final VBox bubble;
    private final HBox row;
    private final VBox content;
    private final MenuItem copy;
    private final MenuItem delete;

    MessageCell(
            Messages text,
            Clock clock,
            boolean group,
            Consumer<MessageItem> onRetry,
            Consumer<MessageItem> onDelete,
            AttachmentView files) {
        this.text = text;
        this.files = files;
        this.clock = clock;
        this.group = group;
        this.onRetry = onRetry;
        this.onDelete = onDelete;

        day.getStyleClass().addAll("day-line", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        day.setMaxWidth(Double.MAX_VALUE);
        day.setAlignment(Pos.CENTER);
        author.getStyleClass().addAll("message-author", Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        body.getStyleClass().add("message-text");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        time.getStyleClass().addAll("message-time", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        state.getStyleClass().add("message-state");
        retry.setText(text.get("conversation.retry"));
        retry.getStyleClass().add(Styles.TEXT_SMALL);

        var meta = new HBox(4, time, state, retry);
        meta.setAlignment(Pos.CENTER_RIGHT);
        bubble = new VBox(2, body, files, meta);
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(Region.USE_PREF_SIZE);
        row = new HBox(bubble);
        content = new VBox(2, day, author, row);
        content.getStyleClass().add("message-row");

        copy = new MenuItem(text.get("conversation.copy"), new FontIcon(Feather.COPY));
        copy.setOnAction(event -> {
            var clip = new ClipboardContent();
            clip.putString(getItem().text());
            Clipboard.getSystemClipboard().setContent(clip);
        });
        delete = new MenuItem(text.get("conversation.delete"), new FontIcon(Feather.TRASH_2));
        delete.setOnAction(event -> onDelete.accept(getItem()));
        setText(null);
    }

    @Override
    protected void updateItem(MessageItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setContextMenu(null);
            setAccessibleText(null);
            return;
        }
        MessageItem previous = getIndex() > 0 ? getListView().getItems().get(getIndex() - 1) : null;
        ZonedDateTime when = item.time().atZone(clock.getZone());
        boolean newDay = previous == null
                || !previous.time().atZone(clock.getZone()).toLocalDate().equals(when.toLocalDate());
        day.setText(newDay ? dayOf(when.toLocalDate()) : "");
        day.setVisible(newDay);
        day.setManaged(newDay);

        boolean showAuthor =
                group && !item.own() && (newDay || previous == null || previous.authorId() != item.authorId());
        author.setText(item.authorName());
        author.setVisible(showAuthor);
        author.setManaged(showAuthor);

        body.setText(item.text());
        body.setVisible(!item.text().isEmpty());
        body.setManaged(body.isVisible());
        files.show(item.stored() ? item.message().attachments() : List.of(), item.uploads());
        body.maxWidthProperty().bind(getListView().widthProperty().multiply(0.66));
        time.setText(
                when.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(text.locale())));
        row.setAlignment(item.own() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        bubble.pseudoClassStateChanged(OWN, item.own());
        bubble.pseudoClassStateChanged(FAILED, item.status() == MessageItem.Status.FAILED);

        switch (item.status()) {
            case SENDING -> {
                state.setIconCode(Feather.CLOCK);
                state.setVisible(true);
                retry.setVisible(false);
                retry.setManaged(false);
            }
            case FAILED -> {
                state.setIconCode(Feather.ALERT_CIRCLE);
                state.setVisible(true);
                retry.setVisible(true);
                retry.setManaged(true);
                retry.setOnAction(event -> onRetry.accept(item));
            }
            case SENT -> {
                state.setIconCode(Feather.CHECK);
                state.setVisible(item.own());
                retry.setVisible(false);
                retry.setManaged(false);
            }
        }
        state.setManaged(state.isVisible());

        var menu = new ContextMenu(copy);
        if (item.own() && item.stored()) {
            menu.getItems().add(delete);
        }
        setContextMenu(menu);
        setAccessibleText(text.get(
                item.status() == MessageItem.Status.FAILED
                        ? "conversation.accessible.failed"
                        : "conversation.accessible",
                item.authorName(),
                spokenText(item),
                time.getText()));
        setGraphic(content);
    }

    /** The text, and the names of its files, for a screen reader. */
    private static String spokenText(MessageItem item) {
        List<String> names = item.stored()
                ? item.message().attachments().stream().map(Attachment::name).toList()
                : item.uploads().stream().map(Upload::name).toList();
        return Stream.concat(Stream.of(item.text()).filter(said -> !said.isEmpty()), names.stream())
                .collect(Collectors.joining(", "));
    }

    private String dayOf(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date.equals(today)) {
            return text.get("conversation.today");
        }
        if (date.equals(today.minusDays(1))) {
            return text.get("conversation.yesterday");
        }
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(text.locale()));
    }
}
