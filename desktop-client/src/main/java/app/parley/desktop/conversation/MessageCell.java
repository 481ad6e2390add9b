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
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
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
    private static final PseudoClass READ = PseudoClass.getPseudoClass("read");

    private final Messages text;
    private final Clock clock;
    private final boolean group;
    private final MessageActions actions;
    private final LongSupplier firstUnread;
    private final MessageText links = new MessageText();

    private final Label day = new Label();
    private final Label unreadLine = new Label();
    private final Label author = new Label();
    private final TextSelection selection;
    private final SelectableText selectable;
    private final TextFlow body;
    private final Label time = new Label();
    private final FontIcon state = new FontIcon();
    private final Label receipt = new Label();
    private final Tooltip receiptNames = new Tooltip();
    private final Hyperlink retry = new Hyperlink();
    private final Hyperlink discard = new Hyperlink();
    private final AttachmentView files;
    private final VBox bubble;
    private final HBox row;
    private final VBox content;
    private final MenuItem copy;
    private final MenuItem delete;
    /** One menu per cell, its items set per message: a menu is a popup window with a scene of its own. */
    private final ContextMenu menu = new ContextMenu();

    /**
     * @param firstUnread the id of the first message that was unread when the chat was opened
     *     (0 for none): a "new messages" line goes above it
     */
    MessageCell(
            Messages text,
            Clock clock,
            boolean group,
            MessageActions actions,
            LongSupplier firstUnread,
            AttachmentView files,
            TextSelection selection) {
        this.text = text;
        this.files = files;
        this.clock = clock;
        this.group = group;
        this.actions = actions;
        this.firstUnread = firstUnread;
        this.selection = selection;
        this.selectable = new SelectableText(selection);
        this.body = selectable.flow();

        day.getStyleClass().addAll("day-line", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        day.setMaxWidth(Double.MAX_VALUE);
        day.setAlignment(Pos.CENTER);
        unreadLine.setText(text.get("conversation.newMessages"));
        unreadLine.setId("newMessagesLine");
        unreadLine.getStyleClass().addAll("new-messages-line", Styles.TEXT_SMALL);
        unreadLine.setMaxWidth(Double.MAX_VALUE);
        unreadLine.setAlignment(Pos.CENTER);
        author.getStyleClass().addAll("message-author", Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        body.getStyleClass().add("message-body");
        body.setMinHeight(Region.USE_PREF_SIZE);
        selectable.setMinHeight(Region.USE_PREF_SIZE);
        // Bound once: a binding made per message would stay on the list's width until collected.
        selectable
                .maxWidthProperty()
                .bind(listViewProperty()
                        .flatMap(ListView::widthProperty)
                        .map(width -> width.doubleValue() * 0.66)
                        .orElse(Double.MAX_VALUE));
        time.getStyleClass().addAll("message-time", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        state.getStyleClass().add("message-state");
        retry.setText(text.get("conversation.retry"));
        retry.getStyleClass().add(Styles.TEXT_SMALL);
        retry.setId("retryLink");
        discard.setText(text.get("conversation.discard"));
        discard.getStyleClass().add(Styles.TEXT_SMALL);
        discard.setId("discardLink");
        discard.setOnAction(event -> actions.delete().accept(getItem()));

        receipt.getStyleClass().addAll("message-receipt", Styles.TEXT_SMALL);
        receipt.setTooltip(receiptNames);
        var meta = new HBox(4, time, state, receipt, retry, discard);
        meta.setAlignment(Pos.CENTER_RIGHT);
        bubble = new VBox(2, selectable, files, meta);
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(Region.USE_PREF_SIZE);
        row = new HBox(bubble);
        content = new VBox(2, day, unreadLine, author, row);
        content.getStyleClass().add("message-row");
        setPrefWidth(0); // as wide as the list: a long message wraps, the list never scrolls sideways

        copy = new MenuItem(text.get("conversation.copy"), new FontIcon(Feather.COPY));
        // The selected part when there is one in this message, else the whole text.
        copy.setOnAction(event -> copyToClipboard(
                selection.textIn(getItem().key()).orElse(getItem().text())));
        delete = new MenuItem(text.get("conversation.delete"), new FontIcon(Feather.TRASH_2));
        delete.setOnAction(event -> actions.delete().accept(getItem()));
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
        boolean firstNew = item.stored() && item.id() == firstUnread.getAsLong();
        unreadLine.setVisible(firstNew);
        unreadLine.setManaged(firstNew);

        boolean showAuthor =
                group && !item.own() && (newDay || previous == null || previous.authorId() != item.authorId());
        author.setText(item.authorName());
        author.setVisible(showAuthor);
        author.setManaged(showAuthor);

        showText(item);
        selectable.setVisible(!item.text().isEmpty());
        selectable.setManaged(selectable.isVisible());
        files.show(item.stored() ? item.message().attachments() : List.of(), item.uploads());
        time.setText(
                when.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(text.locale())));
        row.setAlignment(item.own() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        bubble.pseudoClassStateChanged(OWN, item.own());
        bubble.pseudoClassStateChanged(FAILED, item.status() == MessageItem.Status.FAILED);

        Receipt got = actions.receipts().apply(item);
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
                retry.setOnAction(event -> actions.retry().accept(item));
            }
            case SENT -> {
                state.setIconCode(Feather.CHECK);
                // ✓ until another device has it; then the ✓✓ receipt says more.
                state.setVisible(item.own() && !got.delivered());
                retry.setVisible(false);
                retry.setManaged(false);
            }
            case WRITING -> {
                state.setIconCode(Feather.MORE_HORIZONTAL);
                state.setVisible(true);
                retry.setVisible(false);
                retry.setManaged(false);
            }
        }
        state.setManaged(state.isVisible());
        showReceipt(got);
        boolean failed = item.status() == MessageItem.Status.FAILED;
        discard.setVisible(failed);
        discard.setManaged(failed);

        if (item.own() && (item.stored() || failed)) {
            menu.getItems().setAll(copy, delete);
        } else {
            menu.getItems().setAll(copy);
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

    /**
     * ✓✓ in the muted colour once another member's device has it, in the accent colour once
     * someone has read it; in a group with how many have read it. The tooltip names them.
     */
    private void showReceipt(Receipt got) {
        receipt.setVisible(got.delivered());
        receipt.setManaged(got.delivered());
        receipt.pseudoClassStateChanged(READ, got.read());
        if (got.read()) {
            receipt.setText(group ? "✓✓ " + got.readers().size() : "✓✓");
            receiptNames.setText(text.get("conversation.readBy", String.join(", ", got.readers())));
        } else if (got.delivered()) {
            receipt.setText("✓✓");
            receiptNames.setText(text.get("conversation.deliveredTo", String.join(", ", got.receivers())));
        }
        receipt.setAccessibleText(receiptNames.getText());
    }

    /** The text with its links clickable; a link's own menu copies its address. */
    private void showText(MessageItem item) {
        if (selectable.shows(item.key(), item.text())) {
            return;
        }
        List<Node> runs = new ArrayList<>();
        for (MessageText.Run run : links.runs(item.text())) {
            if (run.link()) {
                var link = new Hyperlink(run.text());
                link.getStyleClass().add("message-link");
                link.setOnAction(event -> actions.openLink().accept(run.target()));
                var copyLink = new MenuItem(text.get("conversation.copyLink"), new FontIcon(Feather.LINK));
                copyLink.setOnAction(event -> copyToClipboard(run.target()));
                link.setContextMenu(new ContextMenu(copyLink));
                link.setTooltip(new Tooltip(run.target()));
                runs.add(link);
            } else {
                var plain = new Text(run.text());
                plain.getStyleClass().add("message-text");
                runs.add(plain);
            }
        }
        selectable.show(item.key(), item.text(), runs);
    }

    static void copyToClipboard(String value) {
        var clip = new ClipboardContent();
        clip.putString(value);
        Clipboard.getSystemClipboard().setContent(clip);
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
