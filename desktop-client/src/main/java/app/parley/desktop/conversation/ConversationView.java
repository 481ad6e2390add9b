package app.parley.desktop.conversation;

import app.parley.desktop.app.DangerQuestion;
import app.parley.desktop.attachments.AttachmentView;
import app.parley.desktop.attachments.PendingAttachments;
import app.parley.desktop.chats.Avatar;
import app.parley.desktop.chats.AvatarPhotos;
import app.parley.desktop.chats.FullNameTooltip;
import app.parley.desktop.i18n.Messages;
import app.parley.model.chat.ChatType;
import app.parley.model.presence.PresenceStatus;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.TraversalDirection;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An open chat: a header (who or which group, who is typing), the messages in a virtualized
 * list that loads older pages when scrolled to the top and follows new ones while at the bottom,
 * and the composer (Enter sends, Shift+Enter starts a new line).
 */
public final class ConversationView {
    private static final String STYLESHEET = "conversation.css";
    private static final PseudoClass ONLINE = PseudoClass.getPseudoClass("online");
    private static final int OPENING_ATTEMPTS = 12;
    /** Pixels of the newest message that may be hidden and still count as "at the newest" (less than a line). */
    private static final double AT_BOTTOM_SLACK = 16;

    private static final KeyCombination COPY_SHORTCUT = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND_SHORTCUT = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final ConversationViewModel viewModel;
    private final ChatHeaderViewModel header;
    private final AvatarPhotos photos;
    private final Messages text;
    private final BorderPane root = new BorderPane();
    private final ListView<MessageItem> list = new ListView<>();
    private final TextSelection selection = new TextSelection();
    private final TextArea composer = new TextArea();
    private final Consumer<String> openLink;
    /** Whether the newest message is in view: then new ones keep it so. */
    private final BooleanProperty atBottom = new SimpleBooleanProperty(this, "atBottom", true);
    /** Messages that arrived while the reader was scrolled up: the count on the jump-to-bottom button. */
    private final IntegerProperty unseenBelow = new SimpleIntegerProperty(this, "unseenBelow", 0);

    /** Whether the chat has been opened where it should (the first unread, or the newest): only then does what shows count as seen. */
    private boolean placed;
    /** The next check on the way to the newest message, while cells are still being measured. */
    private PauseTransition settling;
    /**
     * The reader (or a jump to a message) moved the list since it was last at the newest message.
     * Until then the view stays at the newest message when something below grows or the list
     * shrinks: a reply's quote measured taller than estimated, a thumbnail arriving, the reply
     * bar opening above the composer. Otherwise those left the newest message half hidden behind
     * the composer, under the jump button.
     */
    private boolean readerMoved;
    /** Times in a row the view went back to the newest message without getting there: bounded. */
    private int pullsBack;

    private static final int PULLS_BACK_MAX = 8;

    private final SearchBar searchBar;
    /** The chat's avatar and name in the header: a click shows who or what the chat is. */
    private final HBox who = new HBox(10);

    public ConversationView(
            ConversationViewModel viewModel,
            ChatHeaderViewModel header,
            AvatarPhotos photos,
            Messages text,
            Clock clock,
            Consumer<String> openLink) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.header = Objects.requireNonNull(header);
        this.photos = photos;
        this.text = Objects.requireNonNull(text);
        this.openLink = Objects.requireNonNull(openLink);
        this.searchBar = new SearchBar(viewModel, text);
        viewModel.seenUpToProperty().set(0); // nothing is seen before the list shows it (reportSeen)
        build(clock);
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        composer.requestFocus();
    }

    /**
     * Clicking the chat's picture or name, or Enter or Space on it, opens its info (a group's, or
     * the other person's profile). It is in the Tab order, as a button for screen readers.
     */
    public void onHeaderClicked(Runnable action) {
        who.setCursor(javafx.scene.Cursor.HAND);
        who.setFocusTraversable(true);
        who.setAccessibleRole(AccessibleRole.BUTTON);
        who.accessibleTextProperty()
                .bind(header.titleProperty()
                        .map(title -> text.get(
                                header.isGroup() ? "conversation.header.group" : "conversation.header.private",
                                title)));
        who.setOnMouseClicked(event -> action.run());
        who.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
                event.consume();
                action.run();
            }
        });
    }

    private void build(Clock clock) {
        var chat = viewModel.chat();
        var avatar = new Avatar(36);
        avatar.setId("conversationAvatar");
        var name = new Label();
        name.textProperty().bind(header.titleProperty());
        FullNameTooltip.install(name);
        header.photoRevisionProperty().subscribe(revision -> {
            String url = header.photoUrlProperty().get();
            if (url != null && photos != null && revision.intValue() > 0) {
                photos.forget(url); // the same URL, perhaps a new picture
            }
            avatar.show(AvatarPhotos.colourOf(chat), header.titleProperty().get(), url, photos);
        });
        name.setId("conversationTitle");
        name.getStyleClass().add(Styles.TITLE_4);
        var subtitle = new Label();
        subtitle.setId("typingLine");
        subtitle.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        String quiet = text.get(chat.type() == ChatType.GROUP ? "conversation.group" : "conversation.private");
        // Who is typing first; else the other person's presence in a private chat; else what the chat is.
        subtitle.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            String typing = viewModel.typingProperty().get();
                            String presence = header.presenceLineProperty().getValue();
                            return !typing.isEmpty() ? typing : presence != null ? presence : quiet;
                        },
                        viewModel.typingProperty(),
                        header.presenceLineProperty()));
        header.presenceProperty().subscribe(status -> {
            avatar.showPresence(status);
            subtitle.pseudoClassStateChanged(ONLINE, status == PresenceStatus.ONLINE);
        });
        var titles = new VBox(0, name, subtitle);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        var find = new Button(null, new FontIcon(Feather.SEARCH));
        find.setId("searchButton");
        find.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        find.setAccessibleText(text.get("conversation.search"));
        find.setTooltip(new Tooltip(text.get("conversation.search.tooltip")));
        find.setOnAction(event -> searchBar.open());
        who.getChildren().setAll(avatar, titles);
        who.setId("conversationHeader");
        who.getStyleClass().add("conversation-who");
        who.setAlignment(Pos.CENTER_LEFT);
        // As wide as the picture and name (so the focus ring hugs them), narrower when a long name must shrink.
        who.setMaxWidth(Region.USE_PREF_SIZE);
        who.setMinWidth(0);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(10, who, spacer, find);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("conversation-header");

        list.setId("messageList");
        list.getStyleClass().add("message-list");
        list.setItems(viewModel.items());
        list.setFocusTraversable(true);
        var actions = new MessageActions(
                viewModel::retry,
                item -> {
                    viewModel.startReply(item);
                    composer.requestFocus();
                },
                viewModel::toggleReaction,
                viewModel::reacted,
                item -> {
                    viewModel.startEdit(item);
                    composer.requestFocus();
                    composer.end();
                },
                this::confirmDelete,
                item -> new MessageVersionsDialog(
                                viewModel.versionsOf(item),
                                text,
                                clock.getZone(),
                                root.getScene().getWindow())
                        .show(),
                viewModel::jumpTo,
                openLink,
                viewModel::receiptOf);
        list.setSkin(new ConversationFlow.Skin(list));
        viewModel.receiptsChangedProperty().subscribe(list::refresh);
        list.setCellFactory(view -> new MessageCell(
                text,
                clock,
                chat.type() == ChatType.GROUP,
                actions,
                viewModel.firstUnreadProperty()::get,
                new AttachmentView(viewModel.attachments(), viewModel.files()::tell, viewModel.files()::tellBriefly),
                selection,
                viewModel.myUsername()));
        // A press anywhere in the list ends the selection; a press on a message's text starts a new one.
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                selection.clear();
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.CONTEXT_MENU || event.getCode() == KeyCode.F10 && event.isShiftDown()) {
                // The menu key, or Shift+F10: the chosen message's menu (reply, react, edit, delete…).
                openMenuOfChosen();
                event.consume();
            } else if (COPY_SHORTCUT.match(event)) {
                // The selected text, else the whole of the message chosen with the keyboard.
                selection
                        .text()
                        .or(() -> Optional.ofNullable(list.getSelectionModel().getSelectedItem())
                                .map(MessageItem::text)
                                .filter(said -> !said.isEmpty()))
                        .ifPresent(MessageCell::copyToClipboard);
                event.consume();
            }
        });
        // Tabbing into the list chooses the newest message in view, so the arrows and the menu key work at once.
        list.focusedProperty().subscribe(focused -> {
            if (focused
                    && list.getSelectionModel().isEmpty()
                    && !list.getItems().isEmpty()) {
                int newest = flow().map(flow -> flow.getLastVisibleCell())
                        .map(cell -> cell.getIndex())
                        .orElse(list.getItems().size() - 1);
                list.getSelectionModel().select(newest);
                list.getFocusModel().focus(newest);
            }
        });
        var empty = new Label(text.get("conversation.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        var placeholder = new StackPane();
        placeholder.getChildren().add(spinner);
        viewModel.loadedProperty().subscribe(loaded -> placeholder.getChildren().setAll(loaded ? empty : spinner));
        list.setPlaceholder(placeholder);
        followNewMessages();

        var problem = new Label();
        problem.setId("conversationProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        composer.setId("composer");
        composer.setPromptText(text.get("conversation.composer.prompt"));
        composer.setAccessibleText(text.get("conversation.composer.prompt"));
        composer.setWrapText(true);
        composer.setPrefRowCount(2);
        composer.textProperty().bindBidirectional(viewModel.draftProperty());
        composer.disableProperty().bind(viewModel.goneProperty());
        var mentions = mentionSuggestions();
        // A filter, so that the text area's own Enter (a new line) and arrows never see a key meant for the list.
        composer.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (!viewModel.mentionChoices().isEmpty() && choosesMention(event, mentions)) {
                event.consume();
            } else if (event.getCode() == KeyCode.TAB && !event.isShortcutDown() && !event.isAltDown()) {
                // Tab leaves the composer, as in every other field, instead of typing a tab.
                event.consume();
                composer.requestFocusTraversal(
                        event.isShiftDown() ? TraversalDirection.PREVIOUS : TraversalDirection.NEXT);
            } else if (event.getCode() == KeyCode.ENTER) {
                // Here, before the text area's own Enter: it would add a line even to a message
                // that is then sent (and cleared) or not sent (empty, or too long).
                event.consume();
                if (event.isShiftDown()) {
                    composer.insertText(composer.getCaretPosition(), "\n");
                } else {
                    atBottom.set(true);
                    readerMoved = false;
                    viewModel.send();
                }
            }
        });
        composer.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && viewModel.editingProperty().get() != null) {
                event.consume();
                viewModel.cancelEdit();
            } else if (event.getCode() == KeyCode.ESCAPE
                    && viewModel.replyingProperty().get() != null) {
                event.consume();
                viewModel.cancelReply();
            } else if (event.getCode() == KeyCode.UP
                    && !event.isShiftDown()
                    && composer.getText().isEmpty()
                    && viewModel.files().chosen().isEmpty()
                    && viewModel.editLast()) {
                // As in Slack and Telegram: Up in an empty composer edits one's last message.
                event.consume();
                composer.end();
            }
        });
        HBox.setHgrow(composer, Priority.ALWAYS);
        var send = new Button(null, new FontIcon(Feather.SEND));
        send.setId("sendButton");
        send.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        send.setAccessibleText(text.get("conversation.send"));
        send.setTooltip(new Tooltip(text.get("conversation.send")));
        // Blank text is not sent (spaces or new lines alone): the button says so by being off.
        send.disableProperty().bind(viewModel.sendableProperty().not());
        send.setOnAction(event -> {
            atBottom.set(true);
            readerMoved = false;
            viewModel.send();
            composer.requestFocus();
        });
        var pendingFiles = new PendingAttachments(viewModel.files(), viewModel.attachments());
        pendingFiles.acceptDrops(root);
        pendingFiles.acceptPaste(composer);
        var attach = pendingFiles.attachButton();
        attach.disableProperty().bind(viewModel.goneProperty());
        var composerRow = new HBox(8, attach, composer, send);
        composerRow.setAlignment(Pos.BOTTOM_CENTER);
        var gone = new Label(text.get("conversation.gone"));
        gone.setId("conversationGone");
        gone.getStyleClass().add(Styles.TEXT_MUTED);
        gone.visibleProperty().bind(viewModel.goneProperty());
        gone.managedProperty().bind(gone.visibleProperty());
        var bottom = new VBox(
                6, problem, gone, editBar(), replyBar(), mentions, pendingFiles.root(), composerRow, lengthLine());
        bottom.getStyleClass().add("composer-area");

        root.setId("conversationView");
        root.setTop(new VBox(header, searchBar.root(), notLoadedYet()));
        root.setCenter(new StackPane(list, jumpToBottomButton()));
        root.setBottom(bottom);
        root.getStylesheets()
                .add(Objects.requireNonNull(ConversationView.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getAccelerators().put(FIND_SHORTCUT, searchBar::open);
            }
        });
        viewModel.jumpProperty().subscribe(jump -> {
            if (jump != null) {
                show(jump.messageId());
            }
        });
    }

    /**
     * The members offered while the caret follows an {@code @name}: Up and Down choose, Enter or
     * Tab (or a click) writes the name, Esc closes the list.
     */
    private ListView<MentionChoice> mentionSuggestions() {
        var choices = new ListView<>(viewModel.mentionChoices());
        choices.setId("mentionSuggestions");
        choices.getStyleClass().add("mention-suggestions");
        choices.setFocusTraversable(false);
        choices.setFixedCellSize(30);
        choices.prefHeightProperty()
                .bind(Bindings.size(viewModel.mentionChoices()).multiply(30).add(4));
        choices.setMaxHeight(Region.USE_PREF_SIZE);
        choices.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(MentionChoice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(
                        empty || choice == null
                                ? null
                                : choice.everyone()
                                        ? "@all — " + choice.name()
                                        : choice.name() + "  @" + choice.username());
            }
        });
        choices.setOnMouseClicked(event -> {
            MentionChoice chosen = choices.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                writeMention(chosen);
            }
        });
        choices.visibleProperty().bind(Bindings.isNotEmpty(viewModel.mentionChoices()));
        choices.managedProperty().bind(choices.visibleProperty());
        viewModel.mentionChoices().addListener((ListChangeListener<MentionChoice>) change -> {
            if (!viewModel.mentionChoices().isEmpty()) {
                choices.getSelectionModel().select(0);
            }
        });
        composer.caretPositionProperty().subscribe(caret -> viewModel.mentionQuery(mentionBeforeCaret()));
        return choices;
    }

    /** Handles a key while names are offered; whether it was for the list. */
    private boolean choosesMention(KeyEvent event, ListView<MentionChoice> choices) {
        var selection = choices.getSelectionModel();
        switch (event.getCode()) {
            case DOWN ->
                selection.select(Math.min(
                        selection.getSelectedIndex() + 1, choices.getItems().size() - 1));
            case UP -> selection.select(Math.max(selection.getSelectedIndex() - 1, 0));
            case ENTER, TAB -> {
                if (event.isShiftDown()) {
                    return false;
                }
                MentionChoice chosen = selection.getSelectedItem();
                writeMention(chosen == null ? choices.getItems().getFirst() : chosen);
            }
            case ESCAPE -> viewModel.mentionQuery(null);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Replaces the {@code @name} being typed with the chosen one and a space. */
    private void writeMention(MentionChoice chosen) {
        String typed = mentionBeforeCaret();
        if (typed == null) {
            return;
        }
        int caret = composer.getCaretPosition();
        composer.replaceText(caret - typed.length(), caret, chosen.username() + " ");
        viewModel.mentionQuery(null);
        composer.requestFocus();
    }

    /** What follows an {@code @} that starts a word just before the caret (null when the caret is at none). */
    private String mentionBeforeCaret() {
        String written = composer.getText();
        int caret = composer.getCaretPosition();
        if (written == null || caret > written.length()) {
            return null;
        }
        int at = caret;
        while (at > 0 && isNameChar(written.charAt(at - 1))) {
            at--;
        }
        if (at == 0 || written.charAt(at - 1) != '@') {
            return null;
        }
        boolean startsWord = at - 1 == 0
                || Character.isWhitespace(written.charAt(at - 2))
                || "([{\"'«“".indexOf(written.charAt(at - 2)) >= 0;
        return startsWord ? written.substring(at, caret) : null;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    /** Above the composer while it holds an edit: what is being edited; the button (or Esc) leaves it as it was. */
    private HBox editBar() {
        return composerBar(
                "editBar",
                Feather.EDIT_2,
                new javafx.beans.property.SimpleStringProperty(text.get("conversation.editing")),
                viewModel.editingProperty(),
                "conversation.edit.cancel",
                viewModel::cancelEdit);
    }

    /** Above the composer while the next message answers another: whose, and its first line. */
    private HBox replyBar() {
        return composerBar(
                "replyBar",
                Feather.CORNER_UP_LEFT,
                viewModel
                        .replyingProperty()
                        .map(item -> text.get("conversation.replyingTo", item.authorName()))
                        .orElse(""),
                viewModel.replyingProperty(),
                "conversation.reply.cancel",
                viewModel::cancelReply);
    }

    private HBox composerBar(
            String id,
            Feather iconCode,
            javafx.beans.value.ObservableValue<String> heading,
            javafx.beans.value.ObservableValue<MessageItem> about,
            String cancelKey,
            Runnable cancelAction) {
        var icon = new FontIcon(iconCode);
        icon.getStyleClass().add("composer-bar-icon");
        var title = new Label();
        title.textProperty().bind(heading);
        title.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD, "composer-bar-title");
        var original = new Label();
        original.setId(id + "Text");
        original.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        original.textProperty()
                .bind(about.map(item -> item.text().isBlank()
                                ? text.get(
                                        "conversation.quote.files",
                                        item.stored()
                                                ? item.message().attachments().size()
                                                : item.uploads().size())
                                : item.text().strip().lines().findFirst().orElse(""))
                        .orElse(""));
        var titles = new VBox(0, title, original);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        var cancel = new Button(null, new FontIcon(Feather.X));
        cancel.setId(id + "Cancel");
        cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        cancel.setAccessibleText(text.get(cancelKey));
        cancel.setTooltip(new Tooltip(text.get(cancelKey)));
        cancel.setOnAction(event -> {
            cancelAction.run();
            composer.requestFocus();
        });
        var bar = new HBox(10, icon, titles, cancel);
        bar.setId(id);
        bar.getStyleClass().add("composer-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> about.getValue() != null, about));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /**
     * A line under the header while the chat's messages have not come a moment after opening:
     * with the server out of reach, only the messages waiting to be sent showed, as if the
     * chat's history were gone.
     */
    private Label notLoadedYet() {
        var note = new Label(text.get("conversation.notLoaded"));
        note.setId("notLoadedYet");
        note.setWrapText(true);
        note.getStyleClass().addAll("not-loaded-yet", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setVisible(false);
        note.managedProperty().bind(note.visibleProperty());
        var moment = new PauseTransition(javafx.util.Duration.seconds(1.5));
        moment.setOnFinished(
                event -> note.setVisible(!viewModel.loadedProperty().get()));
        moment.play();
        viewModel.loadedProperty().subscribe(loaded -> {
            if (loaded) {
                moment.stop();
                note.setVisible(false);
            }
        });
        return note;
    }

    /** The round button over the list's corner that goes back to the newest message, with how many came meanwhile. */
    private StackPane jumpToBottomButton() {
        var button = new Button(null, new FontIcon(Feather.CHEVRON_DOWN));
        button.setId("jumpToBottom");
        button.getStyleClass().addAll(Styles.BUTTON_CIRCLE, Styles.BUTTON_ICON, "jump-to-bottom");
        button.setAccessibleText(text.get("conversation.jumpToBottom"));
        button.setTooltip(new Tooltip(text.get("conversation.jumpToBottom")));
        button.setOnAction(event -> {
            atBottom.set(true);
            readerMoved = false;
            settleAtNewest(OPENING_ATTEMPTS);
            composer.requestFocus();
        });
        var count = new Label();
        count.setId("unseenBelow");
        count.getStyleClass().add("unseen-below");
        count.textProperty().bind(unseenBelow.asString());
        count.visibleProperty().bind(unseenBelow.greaterThan(0));
        count.setMouseTransparent(true);
        var corner = new StackPane(button, count);
        StackPane.setAlignment(count, Pos.TOP_RIGHT);
        corner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        corner.getStyleClass().add("jump-corner");
        corner.visibleProperty().bind(atBottom.not().and(Bindings.isNotEmpty(list.getItems())));
        corner.managedProperty().bind(corner.visibleProperty());
        StackPane.setAlignment(corner, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(corner, new Insets(0, 22, 14, 0));
        atBottom.subscribe(bottom -> {
            if (bottom) {
                unseenBelow.set(0);
            }
        });
        return corner;
    }

    /**
     * Deleting a stored message takes it from everyone and cannot be undone: asked first, as
     * messengers do. A failed one that never left this computer just goes.
     */
    private void confirmDelete(MessageItem item) {
        if (!item.stored()) {
            viewModel.delete(item);
            return;
        }
        if (DangerQuestion.ask(
                root.getScene().getWindow(),
                text,
                "deleteMessageQuestion",
                text.get("conversation.delete.title"),
                text.get("conversation.delete.question"),
                text.get("conversation.delete"))) {
            viewModel.delete(item);
        }
    }

    /** Scrolls a message into view (a little below the top) and selects it. */
    private void show(long messageId) {
        movedAway();
        for (int i = 0; i < list.getItems().size(); i++) {
            MessageItem item = list.getItems().get(i);
            if (item.stored() && item.id() == messageId) {
                int index = i;
                Platform.runLater(() -> {
                    list.scrollTo(Math.max(0, index - 2));
                    list.getSelectionModel().select(index);
                });
                return;
            }
        }
    }

    /**
     * Keeps the newest message in view while the reader is at the bottom, and asks for older
     * pages when they reach the top, keeping the message they were reading in place.
     */
    private void followNewMessages() {
        viewModel.items().addListener((ListChangeListener<MessageItem>) change -> {
            int prepended = 0;
            boolean appended = false;
            int arrived = 0;
            while (change.next()) {
                if (change.wasAdded()) {
                    if (change.getFrom() == 0
                            && change.getTo() < change.getList().size()) {
                        prepended += change.getAddedSize();
                    } else {
                        appended = true;
                        arrived += (int) change.getAddedSubList().stream()
                                .filter(item -> item.stored() && !item.own())
                                .count();
                    }
                }
            }
            boolean loaded = viewModel.loadedProperty().get();
            if (list.getSkin() instanceof ConversationFlow.Skin skin) {
                skin.flow().itemsChanged(loaded ? prepended : 0, list.getItems().size());
            }
            if (!loaded) {
                return; // the first page: placed once it has all arrived (see openAtFirstUnread)
            }
            boolean toBottom = appended && atBottom.get();
            if (appended && !toBottom) {
                unseenBelow.set(unseenBelow.get() + arrived);
            }
            if (toBottom) {
                Platform.runLater(this::scrollToNewest);
            }
        });
        viewModel.loadedProperty().subscribe(loaded -> {
            if (loaded) {
                Platform.runLater(this::openAtFirstUnread);
            }
        });
        // The reader moving through the list themselves: by wheel or touchpad, the scroll bar, keys.
        list.addEventFilter(ScrollEvent.SCROLL, event -> movedAway());
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> movedAway());
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> movedAway());
        list.skinProperty().subscribe(skin -> {
            if (skin == null) {
                return;
            }
            list.lookupAll(".scroll-bar").stream()
                    .filter(ScrollBar.class::isInstance)
                    .map(ScrollBar.class::cast)
                    .filter(bar -> bar.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                    .findFirst()
                    .ifPresent(bar -> {
                        // With everything in view there is no bar, and the reader is at the bottom.
                        bar.visibleProperty().subscribe(shown -> Platform.runLater(this::checkAtBottom));
                        // Cells change place at every layout (messages added, the window resized).
                        flow().ifPresent(flow -> flow.needsLayoutProperty().subscribe(needs -> {
                            if (!needs) {
                                checkAtBottomAfterLayout();
                            }
                        }));
                        bar.valueProperty().subscribe(value -> {
                            checkAtBottom();
                            if (value.doubleValue() <= bar.getMin() + 0.001
                                    && bar.isVisible()
                                    && viewModel.loadedProperty().get()) {
                                viewModel.loadOlder();
                            }
                        });
                    });
        });
    }

    /**
     * Under the composer, how long the message may be: nothing while it is short, a count in its
     * last tenth ("3,850 of 4,000"), and by how much it is over, which also turns Send off.
     */
    private Label lengthLine() {
        var line = new Label();
        line.setId("messageLength");
        line.getStyleClass().add(Styles.TEXT_SMALL);
        Runnable update = () -> {
            int max = viewModel.messageMaxProperty().get();
            int over = viewModel.overLimitProperty().get();
            String said = composer.getText() == null ? "" : composer.getText().strip();
            int length = said.codePointCount(0, said.length());
            boolean near = max > 0 && length > max * 9 / 10;
            line.setText(
                    over > 0
                            ? text.get("conversation.tooLong", over, max)
                            : near ? text.get("conversation.length", length, max) : "");
            line.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            line.getStyleClass().add(over > 0 ? Styles.DANGER : Styles.TEXT_MUTED);
            line.setVisible(over > 0 || near);
            line.setManaged(line.isVisible());
        };
        viewModel.overLimitProperty().subscribe(over -> update.run());
        viewModel.messageMaxProperty().subscribe(max -> update.run());
        composer.textProperty().subscribe(said -> update.run());
        return line;
    }

    /** Shows the menu of the message chosen with the keyboard, beside it, as a right click on it would. */
    private void openMenuOfChosen() {
        int chosen = list.getSelectionModel().getSelectedIndex();
        if (chosen < 0) {
            return;
        }
        flow().map(flow -> flow.getVisibleCell(chosen)).ifPresent(cell -> {
            var bounds = cell.getLayoutBounds();
            double x = bounds.getMinX() + 48;
            double y = bounds.getMinY() + Math.min(bounds.getHeight() / 2, 40);
            var screen = cell.localToScreen(x, y);
            if (screen == null) {
                return;
            }
            javafx.event.Event.fireEvent(
                    cell,
                    new javafx.scene.input.ContextMenuEvent(
                            javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                            x,
                            y,
                            screen.getX(),
                            screen.getY(),
                            true,
                            null));
        });
    }

    /** Opens the chat at the "new messages" line when there is one, else at the newest message. */
    private void openAtFirstUnread() {
        if (list.getHeight() <= 0) {
            // Not laid out yet: a scroll now would be lost. Place it once the list has its size.
            list.heightProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable height) {
                    if (list.getHeight() > 0) {
                        list.heightProperty().removeListener(this);
                        Platform.runLater(ConversationView.this::openAtFirstUnread);
                    }
                }
            });
            return;
        }
        placed = true;
        long first = viewModel.firstUnreadProperty().get();
        for (int i = 0; first > 0 && i < list.getItems().size(); i++) {
            if (list.getItems().get(i).stored() && list.getItems().get(i).id() == first) {
                readerMoved = true; // opened at the first unread, not at the newest
                list.scrollTo(Math.max(0, i - 1));
                return;
            }
        }
        settleAtNewest(OPENING_ATTEMPTS);
    }

    /**
     * Scrolls to the newest message and checks again after a short pause, a few times: the first
     * page's cells are measured over the next pulses, and a scroll made before that can fall short.
     */
    private void settleAtNewest(int attemptsLeft) {
        stopSettling();
        scrollToNewest();
        if (attemptsLeft <= 1) {
            return;
        }
        var pause = new PauseTransition(javafx.util.Duration.millis(90));
        pause.setOnFinished(event -> {
            settling = null;
            checkAtBottom();
            if (!atBottom.get()) {
                settleAtNewest(attemptsLeft - 1);
            }
        });
        settling = pause;
        pause.play();
    }

    /**
     * Gives up going to the newest message: the reader scrolled, or the view went to a message of
     * its own accord. Otherwise a check still pending would pull them back down.
     */
    private void movedAway() {
        stopSettling();
        readerMoved = true;
    }

    private void stopSettling() {
        if (settling != null) {
            settling.stop();
            settling = null;
        }
    }

    /** The newest message fully in view at the bottom (ListView's own scrollTo would put it at the top). */
    private void scrollToNewest() {
        int last = list.getItems().size() - 1;
        if (last < 0) {
            return;
        }
        flow().ifPresentOrElse(
                        flow -> {
                            flow.scrollTo(last);
                            // Scrolling by pixels follows the cells as laid out, where the index scroll
                            // goes by estimated heights; it stops at the true end.
                            flow.scrollPixels(flow.getHeight() * 4);
                        },
                        () -> list.scrollTo(last));
        Platform.runLater(this::checkAtBottom);
    }

    /**
     * Whether the newest message's bottom edge is in view. Read from the cells, not from the
     * scroll bar: with cells of different heights the bar's range is an estimate that moves.
     */
    private void checkAtBottom() {
        newestWhollyShown().ifPresent(bottom -> {
            // Between layouts the cells may still be where they were: only the reader's own move
            // is trusted to take the view off the bottom here; otherwise the check after the
            // next layout decides (and may go back down).
            if (bottom || readerMoved) {
                atBottom.set(bottom);
            }
        });
        reportSeen();
    }

    /**
     * Tells the view model how far the reader has seen: everything at the newest message, else
     * up to the last message wholly in view. Messages below it stay unread (and counted on the
     * jump button) until the reader scrolls to them.
     */
    private void reportSeen() {
        if (!placed) {
            return; // the first layouts show the list's top, not where the chat opens
        }
        if (atBottom.get()) {
            viewModel.seenUpToProperty().set(Long.MAX_VALUE);
            return;
        }
        flow().ifPresent(flow -> {
            IndexedCell<?> cell = flow.getLastVisibleCell();
            if (cell == null) {
                return;
            }
            int index = cell.getIndex();
            if (cell.getBoundsInParent().getMaxY() > flow.getHeight() + AT_BOTTOM_SLACK) {
                index--; // partly hidden below: not read yet
            }
            var items = list.getItems();
            for (int i = Math.min(index, items.size() - 1); i >= 0; i--) {
                if (items.get(i).stored()) {
                    viewModel.seenUpToProperty().set(items.get(i).id());
                    return;
                }
            }
        });
    }

    /**
     * The same, with the cells where they now are: and when something below grew or the list
     * shrank while the reader stayed at the newest message, back to it (see {@link #readerMoved}).
     * Checks between layouts see cells where they were, so only this one decides that.
     */
    private void checkAtBottomAfterLayout() {
        newestWhollyShown().ifPresent(bottom -> {
            if (bottom) {
                readerMoved = false;
                pullsBack = 0;
            } else if (atBottom.get()
                    && !readerMoved
                    && viewModel.loadedProperty().get()
                    && pullsBack++ < PULLS_BACK_MAX) {
                Platform.runLater(this::scrollToNewest); // pushed off the bottom, not moved: back
                return;
            }
            atBottom.set(bottom);
        });
        reportSeen();
    }

    private java.util.Optional<Boolean> newestWhollyShown() {
        return flow().map(flow -> {
            int last = list.getItems().size() - 1;
            IndexedCell<?> cell = flow.getLastVisibleCell();
            return last < 0
                    || cell != null
                            && cell.getIndex() == last
                            // the flow's own position is the truth where cell bounds are a few pixels off
                            && (cell.getBoundsInParent().getMaxY() <= flow.getHeight() + AT_BOTTOM_SLACK
                                    || flow.getPosition() >= 0.9999);
        });
    }

    private java.util.Optional<VirtualFlow<?>> flow() {
        return list.lookupAll(".virtual-flow").stream()
                .filter(VirtualFlow.class::isInstance)
                .<VirtualFlow<?>>map(VirtualFlow.class::cast)
                .findFirst();
    }
}
