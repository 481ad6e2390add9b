package app.parley.desktop.conversation;

import app.parley.desktop.chats.Avatar;
import app.parley.desktop.i18n.Messages;
import app.parley.model.chat.ChatType;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.Objects;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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

    private final ConversationViewModel viewModel;
    private final Messages text;
    private final BorderPane root = new BorderPane();
    private final ListView<MessageItem> list = new ListView<>();
    private final TextArea composer = new TextArea();
    private boolean followBottom = true;

    public ConversationView(ConversationViewModel viewModel, Messages text, Clock clock) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.text = Objects.requireNonNull(text);
        build(clock);
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        composer.requestFocus();
    }

    /** Clicking the chat's picture or name opens its info (a group's, or the other person's profile). */
    public void onHeaderClicked(Runnable action) {
        var header = root.getTop();
        header.setId("conversationHeader");
        header.setCursor(javafx.scene.Cursor.HAND);
        header.setOnMouseClicked(event -> action.run());
    }

    private void build(Clock clock) {
        var chat = viewModel.chat();
        var avatar = new Avatar(36);
        avatar.show(chat.id(), chat.name());
        var name = new Label(chat.name());
        name.setId("conversationTitle");
        name.getStyleClass().add(Styles.TITLE_4);
        var subtitle = new Label();
        subtitle.setId("typingLine");
        subtitle.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        String quiet = text.get(chat.type() == ChatType.GROUP ? "conversation.group" : "conversation.private");
        subtitle.textProperty().bind(viewModel.typingProperty().map(typing -> typing.isEmpty() ? quiet : typing));
        var header = new HBox(10, avatar, new VBox(0, name, subtitle));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("conversation-header");

        list.setId("messageList");
        list.getStyleClass().add("message-list");
        list.setItems(viewModel.items());
        list.setFocusTraversable(true);
        list.setCellFactory(view ->
                new MessageCell(text, clock, chat.type() == ChatType.GROUP, viewModel::retry, viewModel::delete));
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
        composer.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                if (event.isShiftDown()) {
                    composer.insertText(composer.getCaretPosition(), "\n");
                } else {
                    followBottom = true;
                    viewModel.send();
                }
            }
        });
        HBox.setHgrow(composer, Priority.ALWAYS);
        var send = new Button(null, new FontIcon(Feather.SEND));
        send.setId("sendButton");
        send.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        send.setAccessibleText(text.get("conversation.send"));
        send.setTooltip(new Tooltip(text.get("conversation.send")));
        send.disableProperty().bind(viewModel.draftProperty().isEmpty().or(viewModel.goneProperty()));
        send.setOnAction(event -> {
            followBottom = true;
            viewModel.send();
            composer.requestFocus();
        });
        var composerRow = new HBox(8, composer, send);
        composerRow.setAlignment(Pos.BOTTOM_CENTER);
        var gone = new Label(text.get("conversation.gone"));
        gone.setId("conversationGone");
        gone.getStyleClass().add(Styles.TEXT_MUTED);
        gone.visibleProperty().bind(viewModel.goneProperty());
        gone.managedProperty().bind(gone.visibleProperty());
        var bottom = new VBox(6, problem, gone, composerRow);
        bottom.getStyleClass().add("composer-area");

        root.setId("conversationView");
        root.setTop(header);
        root.setCenter(list);
        root.setBottom(bottom);
        root.getStylesheets()
                .add(Objects.requireNonNull(ConversationView.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
    }

    /**
     * Keeps the newest message in view while the reader is at the bottom, and asks for older
     * pages when they reach the top, keeping the message they were reading in place.
     */
    private void followNewMessages() {
        viewModel.items().addListener((ListChangeListener<MessageItem>) change -> {
            int prepended = 0;
            boolean appended = false;
            while (change.next()) {
                if (change.wasAdded()) {
                    if (change.getFrom() == 0
                            && change.getTo() < change.getList().size()) {
                        prepended += change.getAddedSize();
                    } else {
                        appended = true;
                    }
                }
            }
            int keep = prepended;
            boolean toBottom = appended && followBottom;
            Platform.runLater(() -> {
                if (toBottom) {
                    list.scrollTo(list.getItems().size() - 1);
                } else if (keep > 0) {
                    list.scrollTo(keep);
                }
            });
        });
        list.skinProperty().subscribe(skin -> {
            if (skin == null) {
                return;
            }
            list.lookupAll(".scroll-bar").stream()
                    .filter(ScrollBar.class::isInstance)
                    .map(ScrollBar.class::cast)
                    .filter(bar -> bar.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                    .findFirst()
                    .ifPresent(bar -> bar.valueProperty().subscribe(value -> {
                        followBottom = value.doubleValue() >= bar.getMax() - 0.001;
                        if (value.doubleValue() <= bar.getMin() + 0.001
                                && viewModel.loadedProperty().get()) {
                            viewModel.loadOlder();
                        }
                    }));
        });
    }
}
