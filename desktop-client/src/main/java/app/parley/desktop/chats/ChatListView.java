package app.parley.desktop.chats;

import app.parley.desktop.i18n.Messages;
import app.parley.desktop.presence.PresenceBook;
import app.parley.model.chat.ChatRoom;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The sidebar's chat list with its filter box; the list itself is a virtualized {@link ListView}. */
public final class ChatListView {
    private static final String STYLESHEET = "chats.css";

    private final ChatListViewModel viewModel;
    private final Messages text;
    private final VBox root = new VBox();
    private final CustomTextField filter = new CustomTextField();
    private Runnable onChosen = () -> {};
    private final ListView<ChatRoom> list = new ListView<>();
    private final ReadOnlyObjectWrapper<ChatRoom> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private boolean settling;
    private final PresenceBook presence;

    public ChatListView(ChatListViewModel viewModel, PresenceBook presence, Messages text, Clock clock) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.text = Objects.requireNonNull(text);
        this.presence = Objects.requireNonNull(presence);
        build(clock);
    }

    public Parent root() {
        return root;
    }

    /** Ctrl+K: to the filter box, its text selected. */
    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /**
     * What happens once a chat is chosen with Enter in the filter box or by a click (it is open
     * by then): the cursor goes where the person will write. Walking the list with the arrow
     * keys does not call it, so the keys keep walking.
     */
    public void setOnChosen(Runnable onChosen) {
        this.onChosen = Objects.requireNonNull(onChosen);
    }

    public ListView<ChatRoom> list() {
        return list;
    }

    private void build(Clock clock) {
        filter.setId("chatFilter");
        filter.setPromptText(text.get("chats.filter.prompt"));
        filter.setAccessibleText(text.get("chats.filter.prompt"));
        filter.setLeft(new FontIcon(Feather.SEARCH));
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        filter.setOnKeyPressed(event -> {
            switch (event.getCode()) {
                case DOWN -> {
                    list.requestFocus();
                    if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                        list.getSelectionModel().selectFirst();
                    }
                    event.consume();
                }
                case ENTER -> {
                    // As a quick switcher does: the top match opens, ready to write in.
                    if (!list.getItems().isEmpty()) {
                        ChatRoom chosen = list.getItems().getFirst();
                        list.getSelectionModel().select(chosen);
                        filter.clear();
                        list.scrollTo(chosen);
                        onChosen.run();
                    }
                    event.consume();
                }
                case ESCAPE -> {
                    filter.clear();
                    event.consume();
                }
                default -> {}
            }
        });

        list.setId("chatList");
        list.getStyleClass().addAll(Styles.DENSE, "chat-list");
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY
                    && event.isStillSincePress()
                    && chosen.get() != null
                    && onAChat(event.getPickResult().getIntersectedNode())) {
                onChosen.run();
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && chosen.get() != null) {
                event.consume();
                onChosen.run();
            }
        });
        beforeListUpdates();
        list.setItems(viewModel.visibleChats());
        afterListUpdates();
        list.setCellFactory(view -> new ChatCell(text, clock, viewModel, presence));
        // A timed mute runs out without any frame saying so: look again every half minute while shown.
        var muteCheck =
                new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(30), event -> {
                    viewModel.recheckMutes();
                    list.refresh();
                }));
        muteCheck.setCycleCount(javafx.animation.Animation.INDEFINITE);
        list.sceneProperty().subscribe(scene -> {
            if (scene == null) {
                muteCheck.stop();
            } else {
                muteCheck.play();
            }
        });
        viewModel.unsentChats().addListener((javafx.collections.SetChangeListener<Long>) change -> list.refresh());
        list.setPlaceholder(emptyState());
        VBox.setVgrow(list, Priority.ALWAYS);

        var problem = new Label();
        problem.setId("chatListProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        root.getStyleClass().add("chat-list-pane");
        root.getChildren().addAll(filter, problem, list);
        root.getStylesheets()
                .add(Objects.requireNonNull(ChatListView.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
    }

    /**
     * The chat the person chose, by a click, the keyboard or Enter in the filter box; null when
     * none. Only they change it: a chat's entry is replaced whenever its last message or unread
     * count changes, and it moves when the list is sorted again, and the list's own selection
     * then passes for a moment to whichever chat took its place. That moment must not open
     * another chat (a message written next would go there).
     */
    public ReadOnlyObjectProperty<ChatRoom> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Forgets the chosen chat (it was left or deleted): nothing selected, nothing chosen. */
    public void forgetChosen() {
        chosen.set(null);
        settling = true;
        try {
            list.getSelectionModel().clearSelection();
        } finally {
            settling = false;
        }
    }

    /**
     * Registered on the list's items before the list itself is given them, so that it runs
     * before the selection model reacts to a change; {@link #afterListUpdates} runs after.
     */
    private void beforeListUpdates() {
        viewModel.visibleChats().addListener((ListChangeListener<ChatRoom>) change -> settling = true);
    }

    private void afterListUpdates() {
        list.getSelectionModel().selectedItemProperty().subscribe(chat -> {
            if (!settling && chat != null) {
                chosen.set(chat);
            }
        });
        viewModel.visibleChats().addListener((ListChangeListener<ChatRoom>) change -> {
            try {
                long wanted = viewModel.requestedProperty().get();
                ChatRoom requested = wanted < 0 ? null : find(wanted);
                if (requested != null) {
                    viewModel.requestedProperty().set(-1);
                    chosen.set(requested);
                    list.getSelectionModel().select(requested);
                    Platform.runLater(() -> list.scrollTo(requested));
                    return;
                }
                ChatRoom open = chosen.get();
                ChatRoom now = open == null ? null : find(open.id());
                if (now != null) {
                    chosen.set(now); // the same chat, as it now is
                    if (list.getSelectionModel().getSelectedItem() != now) {
                        list.getSelectionModel().select(now);
                    }
                } else if (list.getSelectionModel().getSelectedItem() != null) {
                    list.getSelectionModel().clearSelection(); // the chosen one is filtered out
                }
            } finally {
                settling = false;
            }
        });
    }

    private static boolean onAChat(Node picked) {
        for (Node node = picked; node != null; node = node.getParent()) {
            if (node instanceof ListCell<?> cell) {
                return !cell.isEmpty();
            }
        }
        return false;
    }

    private ChatRoom find(long chatId) {
        for (ChatRoom chat : list.getItems()) {
            if (chat.id() == chatId) {
                return chat;
            }
        }
        return null;
    }

    /** What an empty list says: nothing yet, or nothing that matches the filter. */
    private StackPane emptyState() {
        var label = new Label();
        label.setId("chatListEmpty");
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.textProperty()
                .bind(Bindings.when(viewModel.filterProperty().isEmpty())
                        .then(text.get("chats.empty"))
                        .otherwise(text.get("chats.noMatch")));
        var pane = new StackPane(label);
        pane.setStyle("-fx-padding: 24;");
        return pane;
    }
}
