package app.parley.desktop.search;

import app.parley.desktop.i18n.Messages;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Search all chats" (Ctrl+Shift+F): Enter searches every chat of the person's; a match, chosen
 * by Enter or a double click, opens its chat at that message.
 */
public final class MessageSearchDialog {
    private final Dialog<MessageSearchViewModel.Hit> dialog = new Dialog<>();

    /** How long typing stops before the search runs by itself. */
    static final int TYPING_PAUSE_MILLIS = 400;

    public MessageSearchDialog(MessageSearchViewModel search, Messages text, Clock clock, Window owner) {
        var open = new ButtonType(text.get("search.open"), ButtonBar.ButtonData.OK_DONE);
        dialog.initOwner(owner);
        dialog.setTitle(text.get("search.title"));
        dialog.setHeaderText(text.get("search.header"));
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(open, new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var field = new CustomTextField();
        field.setId("messageSearchField");
        field.setLeft(new FontIcon(Feather.SEARCH));
        field.setPromptText(text.get("search.prompt"));
        field.setAccessibleText(text.get("search.prompt"));
        field.textProperty().bindBidirectional(search.queryProperty());
        var busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(search.searchingProperty());
        field.setRight(busy);

        var hits = new ListView<>(search.results());
        hits.setId("messageSearchResults");
        hits.setCellFactory(view -> new HitCell(text, clock));
        hits.setPrefHeight(360);
        var placeholder = new Label();
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        placeholder
                .textProperty()
                .bind(Bindings.when(search.searchedProperty().isEmpty())
                        .then(text.get("search.hint"))
                        .otherwise(text.get("search.none")));
        hits.setPlaceholder(new StackPane(placeholder));
        hits.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                choose(hits.getSelectionModel().getSelectedItem());
            }
        });
        hits.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                choose(hits.getSelectionModel().getSelectedItem());
            }
        });
        // A search as soon as the person stops typing for a moment; Enter searches at once.
        var typing = new PauseTransition(Duration.millis(TYPING_PAUSE_MILLIS));
        typing.setOnFinished(event -> search.search());
        field.textProperty().subscribe(typed -> typing.playFromStart());
        field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                typing.stop();
                search.search();
            } else if (event.getCode() == KeyCode.DOWN && !hits.getItems().isEmpty()) {
                event.consume();
                hits.requestFocus();
                hits.getSelectionModel().selectFirst();
            }
        });

        var problem = new Label();
        problem.setId("messageSearchProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(search.problemProperty());
        problem.managedProperty().bind(search.problemProperty().isNotEmpty());

        dialog.getDialogPane().setContent(new VBox(10, field, hits, problem));
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane()
                .lookupButton(open)
                .disableProperty()
                .bind(hits.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(
                button -> button == open ? hits.getSelectionModel().getSelectedItem() : null);
        dialog.setOnShown(event -> field.requestFocus());
    }

    /** Shows the dialog and waits: the match to open, if one was chosen. */
    public Optional<MessageSearchViewModel.Hit> choose() {
        return dialog.showAndWait();
    }

    private void choose(MessageSearchViewModel.Hit hit) {
        if (hit != null) {
            dialog.setResult(hit);
            dialog.close();
        }
    }
}
