package app.parley.desktop.newchat;

import app.parley.desktop.i18n.Messages;
import app.parley.model.account.UserProfile;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "New chat": find a person by username and start (or reopen) the private chat with them. */
public final class NewChatDialog {
    private final Dialog<UserProfile> dialog = new Dialog<>();

    public NewChatDialog(UserSearchViewModel search, Messages text, Window owner) {
        var start = new ButtonType(text.get("newchat.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.initOwner(owner);
        dialog.setTitle(text.get("newchat.title"));
        dialog.setHeaderText(text.get("newchat.header"));
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(start, new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var field = new CustomTextField();
        field.setId("userSearchField");
        field.setLeft(new FontIcon(Feather.SEARCH));
        field.setPromptText(text.get("newchat.search.prompt"));
        field.setAccessibleText(text.get("newchat.search.prompt"));
        field.textProperty().bindBidirectional(search.queryProperty());

        var people = new ListView<>(search.results());
        people.setId("userSearchResults");
        people.setCellFactory(view -> new PersonCell());
        people.setPrefHeight(280);
        people.setPlaceholder(NobodyListed.placeholder(search, people.getItems(), text));
        people.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                choose(people.getSelectionModel().getSelectedItem());
            }
        });
        people.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                choose(people.getSelectionModel().getSelectedItem());
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN && !people.getItems().isEmpty()) {
                people.requestFocus();
                people.getSelectionModel().selectFirst();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && !people.getItems().isEmpty()) {
                // Enter in the search box takes the selected person, or the first one found.
                event.consume();
                UserProfile selected = people.getSelectionModel().getSelectedItem();
                choose(selected != null ? selected : people.getItems().getFirst());
            }
        });

        var problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(search.problemProperty());
        problem.managedProperty().bind(search.problemProperty().isNotEmpty());

        dialog.getDialogPane().setContent(new VBox(10, field, people, problem));
        dialog.getDialogPane().setPrefWidth(420);
        dialog.getDialogPane()
                .lookupButton(start)
                .disableProperty()
                .bind(people.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(
                button -> button == start ? people.getSelectionModel().getSelectedItem() : null);
        dialog.setOnShown(event -> field.requestFocus());
        search.searchNow();
    }

    private void choose(UserProfile user) {
        if (user != null) {
            dialog.setResult(user);
            dialog.close();
        }
    }

    /** Shows the dialog; the person chosen, if any. */
    public Optional<UserProfile> choose() {
        return dialog.showAndWait();
    }
}
