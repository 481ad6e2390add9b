package app.parley.desktop.chats;

import app.parley.desktop.i18n.Messages;
import app.parley.desktop.presence.PresenceBook;
import app.parley.model.chat.ChatRoom;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

    /** What happens once a chat is chosen from the filter box with Enter (it is selected, so open). */
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
        list.setItems(viewModel.visibleChats());
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
        keepSelectionAcrossUpdates();
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
     * A chat's entry is replaced whenever its last message or unread count changes, which would
     * drop the selection: the open chat stays selected by its id.
     */
    private void keepSelectionAcrossUpdates() {
        long[] selectedId = {-1};
        list.getSelectionModel().selectedItemProperty().subscribe(chat -> {
            if (chat != null) {
                selectedId[0] = chat.id();
            }
        });
        viewModel.visibleChats().addListener((javafx.collections.ListChangeListener<ChatRoom>) change -> {
            long wanted = viewModel.requestedProperty().get();
            if (wanted >= 0) {
                list.getItems().stream()
                        .filter(chat -> chat.id() == wanted)
                        .findFirst()
                        .ifPresent(chat -> {
                            viewModel.requestedProperty().set(-1);
                            selectedId[0] = wanted;
                            javafx.application.Platform.runLater(() -> {
                                list.getSelectionModel().select(chat);
                                list.scrollTo(chat);
                            });
                        });
                return;
            }
            ChatRoom selected = list.getSelectionModel().getSelectedItem();
            if (selectedId[0] >= 0 && (selected == null || selected.id() != selectedId[0])) {
                javafx.application.Platform.runLater(() -> list.getItems().stream()
                        .filter(chat -> chat.id() == selectedId[0])
                        .findFirst()
                        .ifPresent(chat -> list.getSelectionModel().select(chat)));
            }
        });
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
