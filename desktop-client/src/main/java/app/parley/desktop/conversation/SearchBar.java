package app.parley.desktop.conversation;

import app.parley.desktop.i18n.Messages;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Search within the open chat, under its header (Ctrl+F): Enter searches and then steps to the
 * next match, Shift+Enter to the previous one, Esc closes. Each match is brought into view.
 */
final class SearchBar {
    private final ConversationViewModel viewModel;
    private final Messages text;
    private final HBox root = new HBox(6);
    private final CustomTextField field = new CustomTextField();

    SearchBar(ConversationViewModel viewModel, Messages text) {
        this.viewModel = viewModel;
        this.text = text;
        build();
    }

    Parent root() {
        return root;
    }

    void open() {
        root.setVisible(true);
        field.requestFocus();
        field.selectAll();
    }

    private void close() {
        root.setVisible(false);
        field.clear();
        viewModel.clearSearch();
    }

    private void build() {
        field.setId("searchField");
        field.setPromptText(text.get("conversation.search.prompt"));
        field.setAccessibleText(text.get("conversation.search"));
        field.setLeft(new FontIcon(Feather.SEARCH));
        HBox.setHgrow(field, Priority.ALWAYS);
        // Searches as soon as the person stops typing for a moment; Enter searches at once, and
        // again for the next match.
        var typing = new PauseTransition(Duration.millis(400));
        typing.setOnFinished(event -> viewModel.search(field.getText()));
        field.setOnKeyPressed(event -> {
            switch (event.getCode()) {
                case ENTER -> {
                    typing.stop();
                    if (event.isShiftDown()) {
                        viewModel.previousFound();
                    } else {
                        viewModel.search(field.getText());
                    }
                    event.consume();
                }
                case ESCAPE -> {
                    close();
                    event.consume();
                }
                default -> {}
            }
        });
        field.textProperty().subscribe(typed -> {
            if (typed == null || typed.isBlank()) {
                typing.stop();
                viewModel.clearSearch();
            } else {
                typing.playFromStart();
            }
        });

        var count = new Label();
        count.setId("searchCount");
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        count.setMinWidth(Label.USE_PREF_SIZE);
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            if (viewModel.searchingProperty().get()) {
                                return text.get("conversation.search.busy");
                            }
                            if (viewModel.answeredProperty().get().isEmpty()) {
                                return "";
                            }
                            int at = viewModel.foundAtProperty().get();
                            return at < 0
                                    ? text.get("conversation.search.none")
                                    : text.get(
                                            viewModel.foundMoreProperty().get()
                                                    ? "conversation.search.positionOfMore"
                                                    : "conversation.search.position",
                                            at + 1,
                                            viewModel.found().size());
                        },
                        viewModel.foundMoreProperty(),
                        viewModel.searchingProperty(),
                        viewModel.answeredProperty(),
                        viewModel.foundAtProperty(),
                        viewModel.found()));

        var previous = iconButton(Feather.CHEVRON_UP, "conversation.search.previous", "searchPrevious");
        previous.setOnAction(event -> viewModel.previousFound());
        var next = iconButton(Feather.CHEVRON_DOWN, "conversation.search.next", "searchNext");
        next.setOnAction(event -> viewModel.nextFound());
        previous.disableProperty().bind(Bindings.size(viewModel.found()).lessThan(2));
        next.disableProperty().bind(previous.disableProperty());
        var close = iconButton(Feather.X, "conversation.search.close", "searchClose");
        close.setOnAction(event -> close());

        root.setId("searchBar");
        root.getChildren().addAll(field, count, previous, next, close);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("search-bar");
        root.setVisible(false);
        root.managedProperty().bind(root.visibleProperty());
        root.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
    }

    private Button iconButton(Feather icon, String key, String id) {
        var button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setAccessibleText(text.get(key));
        button.setTooltip(new Tooltip(text.get(key)));
        return button;
    }
}
