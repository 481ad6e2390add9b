package app.parley.desktop.conversation;

import app.parley.desktop.attachments.AttachmentView;
import app.parley.desktop.attachments.Upload;
import app.parley.desktop.i18n.Messages;
import app.parley.model.account.UserRef;
import app.parley.model.file.Attachment;
import app.parley.model.message.Reaction;
import app.parley.model.message.ReplyQuote;
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
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Skin;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.ListCellSkin;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
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
    private static final PseudoClass DELETED = PseudoClass.getPseudoClass("deleted");
    private static final PseudoClass MINE = PseudoClass.getPseudoClass("mine");
    private static final PseudoClass MENTIONS_READER = PseudoClass.getPseudoClass("mentions-reader");

    private final Messages text;
    private final Clock clock;
    private final boolean group;
    private final MessageActions actions;
    private final LongSupplier firstUnread;
    /** What this cell last drew its message from; null while empty. */
    private Drawing shown;

    private final MessageText links = new MessageText();
    /** The reader's username, lower-cased: mentions of it are marked. */
    private final String reader;

    private final Label day = new Label();
    private final Label unreadLine = new Label();
    private final Label author = new Label();
    private final TextSelection selection;
    private final SelectableText selectable;
    private final TextFlow body;
    private final Label time = new Label();
    /** The message a reply answers: its author and first line; a click shows it. */
    private final Label quoteAuthor = new Label();

    private final Label quoteText = new Label();
    private final VBox quote = new VBox(0, quoteAuthor, quoteText);
    private final Hyperlink edited = new Hyperlink();
    private final FontIcon state = new FontIcon();
    private final Label receipt = new Label();
    private final Tooltip receiptNames = new Tooltip();
    private final Hyperlink retry = new Hyperlink();
    private final Hyperlink discard = new Hyperlink();
    private final AttachmentView files;
    /** The emoji on the message: one chip per emoji with its count, the person's own marked; a click toggles it. */
    private final FlowPane reactionChips = new ChipRow();

    private final Menu react;
    private final VBox bubble;
    private final HBox row;
    private final VBox content;
    /** The parts of the row only some messages have: the day line, the new-messages line, the author. */
    private final OptionalParts rowParts;
    /** Of the bubble: the quote, the text, files, reactions. */
    private final OptionalParts bubbleParts;
    /** Of its last line: edited, the state, the receipt, retry, discard. */
    private final OptionalParts metaParts;

    private final MenuItem copy;
    private final MenuItem reply;
    private final MenuItem edit;
    private final MenuItem delete;
    private final MenuItem versions;
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
            TextSelection selection,
            String myUsername) {
        this.reader = myUsername.toLowerCase(java.util.Locale.ROOT);
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
        // "edited" beside the time; a click lists the earlier texts.
        edited.setText(text.get("conversation.edited"));
        edited.getStyleClass().addAll("message-edited", Styles.TEXT_SMALL);
        edited.setFocusTraversable(false);
        edited.setOnAction(event -> actions.versions().accept(getItem()));
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
        var meta = new HBox(4, edited, time, state, receipt, retry, discard);
        meta.setAlignment(Pos.CENTER_RIGHT);
        metaParts = new OptionalParts(meta);
        quoteAuthor.getStyleClass().addAll("quote-author", Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        quoteText.getStyleClass().addAll("quote-text", Styles.TEXT_SMALL);
        quote.getStyleClass().add("message-quote");
        quote.maxWidthProperty().bind(selectable.maxWidthProperty());
        quote.setCursor(javafx.scene.Cursor.HAND);
        quote.setOnMouseClicked(event -> {
            MessageItem shown = getItem();
            if (shown != null && shown.replyTo() != null && !shown.replyTo().deleted()) {
                event.consume();
                actions.showQuoted().accept(shown.replyTo().id());
            }
        });
        reactionChips.getStyleClass().add("message-reactions");
        reactionChips.prefWrapLengthProperty().bind(selectable.maxWidthProperty());
        bubble = new VBox(2, quote, selectable, files, reactionChips, meta);
        bubbleParts = new OptionalParts(bubble);
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(Region.USE_PREF_SIZE);
        row = new HBox(bubble);
        content = new VBox(2, day, unreadLine, author, row);
        rowParts = new OptionalParts(content);
        content.getStyleClass().add("message-row");
        setPrefWidth(0); // as wide as the list: a long message wraps, the list never scrolls sideways

        copy = new MenuItem(text.get("conversation.copy"), new FontIcon(Feather.COPY));
        // The selected part when there is one in this message, else the whole text.
        copy.setOnAction(event -> copyToClipboard(
                selection.textIn(getItem().key()).orElse(getItem().text())));
        reply = new MenuItem(text.get("conversation.reply"), new FontIcon(Feather.CORNER_UP_LEFT));
        reply.setOnAction(event -> actions.reply().accept(getItem()));
        react = new Menu(text.get("conversation.react"), new FontIcon(Feather.SMILE));
        for (String emoji : ConversationViewModel.QUICK_REACTIONS) {
            var choice = new MenuItem(emoji);
            choice.getStyleClass().add("reaction-choice");
            choice.setOnAction(event -> actions.react().accept(getItem(), emoji));
            react.getItems().add(choice);
        }
        edit = new MenuItem(text.get("conversation.edit"), new FontIcon(Feather.EDIT_2));
        edit.setOnAction(event -> actions.edit().accept(getItem()));
        delete = new MenuItem(text.get("conversation.delete"), new FontIcon(Feather.TRASH_2));
        delete.setOnAction(event -> actions.delete().accept(getItem()));
        versions = new MenuItem(text.get("conversation.versions"), new FontIcon(Feather.CLOCK));
        versions.setOnAction(event -> actions.versions().accept(getItem()));
        setText(null);
    }

    @Override
    protected void updateItem(MessageItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            shown = null;
            getChildren().remove(content);
            setContextMenu(null);
            setAccessibleText(null);
            return;
        }
        if (content.getParent() != this) {
            getChildren().add(content);
        }
        MessageItem previous = getIndex() > 0 ? getListView().getItems().get(getIndex() - 1) : null;
        var drawing = new Drawing(
                item, previous, firstUnread.getAsLong(), actions.receipts().apply(item), LocalDate.now(clock));
        if (drawing.equals(shown)) {
            // The same message drawn the same way, at another index (older messages were added
            // above it): laying it out again would cost a page of older messages its frame.
            return;
        }
        shown = drawing;
        ZonedDateTime when = item.time().atZone(clock.getZone());
        boolean newDay = previous == null
                || !previous.time().atZone(clock.getZone()).toLocalDate().equals(when.toLocalDate());
        day.setText(newDay ? dayOf(when.toLocalDate()) : "");
        rowParts.show(day, newDay);
        boolean firstNew = item.stored() && item.id() == firstUnread.getAsLong();
        rowParts.show(unreadLine, firstNew);

        boolean showAuthor =
                group && !item.own() && (newDay || previous == null || previous.authorId() != item.authorId());
        author.setText(item.authorName());
        rowParts.show(author, showAuthor);

        showQuote(item.replyTo());
        showReactions(item);
        showText(item);
        bubbleParts.show(selectable, !item.text().isEmpty());
        files.show(item.stored() ? item.message().attachments() : List.of(), item.uploads());
        bubbleParts.show(files, files.isVisible());
        time.setText(
                when.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(text.locale())));
        boolean wasEdited = item.stored() && item.message().edited();
        metaParts.show(edited, wasEdited);
        if (wasEdited) {
            edited.setTooltip(new Tooltip(text.get(
                    "conversation.editedAt",
                    item.message()
                            .editedAt()
                            .atZone(clock.getZone())
                            .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                    .withLocale(text.locale())))));
        }
        row.setAlignment(item.own() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        bubble.pseudoClassStateChanged(OWN, item.own());
        bubble.pseudoClassStateChanged(FAILED, item.status() == MessageItem.Status.FAILED);
        bubble.pseudoClassStateChanged(MENTIONS_READER, mentionsReader(item));

        Receipt got = drawing.receipt();
        boolean failed = item.status() == MessageItem.Status.FAILED;
        boolean stateShown = switch (item.status()) {
            case SENDING -> {
                state.setIconCode(Feather.CLOCK);
                yield true;
            }
            case FAILED -> {
                state.setIconCode(Feather.ALERT_CIRCLE);
                retry.setOnAction(event -> actions.retry().accept(item));
                yield true;
            }
            case SENT -> {
                state.setIconCode(Feather.CHECK);
                // ✓ until another device has it; then the ✓✓ receipt says more.
                yield item.own() && !got.delivered();
            }
            case WRITING -> {
                state.setIconCode(Feather.MORE_HORIZONTAL);
                yield true;
            }
        };
        metaParts.show(state, stateShown);
        metaParts.show(retry, failed);
        showReceipt(got);
        metaParts.show(discard, failed);

        List<MenuItem> choices = new ArrayList<>(List.of(copy));
        if (item.stored()) {
            choices.addAll(0, List.of(reply, react));
        }
        if (item.own() && item.stored()) {
            choices.add(edit);
        }
        if (wasEdited) {
            choices.add(versions);
        }
        if (item.own() && (item.stored() || failed)) {
            choices.add(delete);
        }
        menu.getItems().setAll(choices);
        setContextMenu(menu);
        setAccessibleText(text.get(
                item.status() == MessageItem.Status.FAILED
                        ? "conversation.accessible.failed"
                        : wasEdited ? "conversation.accessible.edited" : "conversation.accessible",
                item.authorName(),
                spokenText(item),
                time.getText()));
    }

    /**
     * A list cell's own skin (its behaviour selects the row and focuses the list on a press) that
     * lays the message's nodes out itself instead of as the label's graphic. A label's skin lays
     * its graphic out and then asks for a layout again whenever that changes the graphic's height:
     * every message drawn anew was then laid out twice, and the list styles a cell that wants a
     * layout from scratch each time it places it.
     */
    @Override
    protected Skin<?> createDefaultSkin() {
        return new MessageCellSkin(this, content);
    }

    private static final class MessageCellSkin extends ListCellSkin<MessageItem> {
        private final VBox content;

        MessageCellSkin(MessageCell cell, VBox content) {
            super(cell);
            this.content = content;
            // Without the label's text node: it is never laid out here, and at 0,0 its bounds would
            // reach above the cell.
            getChildren().clear();
            if (!cell.isEmpty()) {
                getChildren().add(content);
            }
        }

        private boolean showing() {
            return content.getParent() == getSkinnable();
        }

        @Override
        protected void layoutChildren(double x, double y, double width, double height) {
            if (showing()) {
                content.resizeRelocate(x, y, width, height);
            }
        }

        @Override
        protected double computeMinHeight(
                double width, double topInset, double rightInset, double bottomInset, double leftInset) {
            return computePrefHeight(width, topInset, rightInset, bottomInset, leftInset);
        }

        @Override
        protected double computePrefHeight(
                double width, double topInset, double rightInset, double bottomInset, double leftInset) {
            if (!showing()) {
                // An empty cell (below the last message) a line high, as a label's would be: the
                // list fills the rest of its height with them.
                return topInset + Math.ceil(getSkinnable().getFont().getSize() * 1.35) + bottomInset;
            }
            // The text wraps: its height depends on the width it is given.
            double inner = width < 0 ? -1 : Math.max(0, width - leftInset - rightInset);
            return topInset + content.prefHeight(inner) + bottomInset;
        }
    }

    /**
     * ✓✓ in the muted colour once another member's device has it, in the accent colour once
     * someone has read it; in a group with how many have read it. The tooltip names them.
     */
    private void showReceipt(Receipt got) {
        metaParts.show(receipt, got.delivered());
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

    private void showReactions(MessageItem item) {
        List<Reaction> reactions = item.reactions();
        bubbleParts.show(reactionChips, !reactions.isEmpty());
        List<Node> chips = new ArrayList<>(reactions.size());
        for (Reaction reaction : reactions) {
            var chip = new Button(reaction.emoji() + " " + reaction.count());
            chip.getStyleClass().addAll("reaction-chip", Styles.SMALL);
            chip.setFocusTraversable(false);
            boolean mine = actions.reacted().test(item, reaction.emoji());
            chip.pseudoClassStateChanged(MINE, mine);
            String who = reaction.users().stream().map(UserRef::name).collect(Collectors.joining(", "));
            chip.setTooltip(new Tooltip(who));
            chip.setAccessibleText(
                    text.get("conversation.reaction.accessible", reaction.emoji(), reaction.count(), who));
            chip.setOnAction(event -> actions.react().accept(getItem(), reaction.emoji()));
            chips.add(chip);
        }
        reactionChips.getChildren().setAll(chips);
    }

    private void showQuote(ReplyQuote answered) {
        bubbleParts.show(quote, answered != null);
        if (answered == null) {
            return;
        }
        quote.pseudoClassStateChanged(DELETED, answered.deleted());
        if (answered.deleted()) {
            quoteAuthor.setText("");
            quoteAuthor.setManaged(false);
            quoteText.setText(text.get("conversation.quote.deleted"));
            return;
        }
        quoteAuthor.setManaged(true);
        quoteAuthor.setText(answered.author() == null ? "" : answered.author().name());
        quoteText.setText(
                answered.text() == null || answered.text().isEmpty()
                        ? text.get("conversation.quote.files", answered.files())
                        : answered.text());
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
                for (MentionMarks.Part part : MentionMarks.split(
                        run.text(),
                        mentionedNames(item),
                        item.stored() && item.message().mentionsAll(),
                        reader)) {
                    var plain = new Text(part.text());
                    plain.getStyleClass().add("message-text");
                    switch (part.kind()) {
                        case SOMEONE -> plain.getStyleClass().add("mention");
                        case READER -> plain.getStyleClass().addAll("mention", "mention-reader");
                        case PLAIN -> {}
                    }
                    runs.add(plain);
                }
            }
        }
        selectable.show(item.key(), item.text(), runs);
    }

    private static java.util.Set<String> mentionedNames(MessageItem item) {
        return item.stored()
                ? item.message().mentions().stream()
                        .map(user ->
                                user.username() == null ? "" : user.username().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.toSet())
                : java.util.Set.of();
    }

    /** Whether the message names the reader (or all, where that counts), other than their own. */
    private boolean mentionsReader(MessageItem item) {
        return item.stored()
                && !item.own()
                && (item.message().mentionsAll() || mentionedNames(item).contains(reader));
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

    /**
     * Chips in a row as wide as they need, wrapping only past the bubble's widest: a plain
     * FlowPane asks for its whole wrap length and would stretch every bubble with a reaction.
     */
    private static final class ChipRow extends FlowPane {
        ChipRow() {
            super(4, 4);
        }

        @Override
        protected double computePrefWidth(double forHeight) {
            double oneLine = snappedLeftInset() + snappedRightInset();
            for (Node chip : getManagedChildren()) {
                oneLine += chip.prefWidth(-1);
            }
            oneLine += Math.max(0, getManagedChildren().size() - 1) * getHgap();
            double widest = getPrefWrapLength();
            return widest > 0 ? Math.min(oneLine, widest) : oneLine;
        }
    }

    /** Everything a message's drawing depends on besides the message itself. */
    private record Drawing(
            MessageItem item, MessageItem previous, long firstUnread, Receipt receipt, LocalDate today) {}
}
