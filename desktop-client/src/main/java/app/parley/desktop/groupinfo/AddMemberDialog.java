package app.parley.desktop.groupinfo;

import app.parley.desktop.i18n.Messages;
import app.parley.desktop.newchat.NobodyListed;
import app.parley.desktop.newchat.PersonCell;
import app.parley.desktop.newchat.UserSearchViewModel;
import app.parley.model.account.UserProfile;
import atlantafx.base.controls.CustomTextField;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Add a member": find a person by username (the people already in the group are left out). */
final class AddMemberDialog {
    private final Dialog<UserProfile> dialog = new Dialog<>();

    AddMemberDialog(UserSearchViewModel search, Set<Long> members, Messages text, Window owner) {
        var add = new ButtonType(text.get("groupinfo.add.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.initOwner(owner);
        dialog.setTitle(text.get("groupinfo.add.title"));
        dialog.setHeaderText(text.get("groupinfo.add.header"));
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(add, new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var field = new CustomTextField();
        field.setId("addMemberSearchField");
        field.setLeft(new FontIcon(Feather.SEARCH));
        field.setPromptText(text.get("newchat.search.prompt"));
        field.setAccessibleText(text.get("newchat.search.prompt"));
        field.textProperty().bindBidirectional(search.queryProperty());

        var people = new ListView<>(search.results().filtered(user -> !members.contains(user.id())));
        people.setId("addMemberResults");
        people.setCellFactory(view -> new PersonCell());
        people.setPrefHeight(260);
        people.setPlaceholder(NobodyListed.placeholder(search, people.getItems(), text));
        people.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && people.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(people.getSelectionModel().getSelectedItem());
                dialog.close();
            }
        });

        dialog.getDialogPane().setContent(new VBox(10, field, people));
        dialog.getDialogPane().setPrefWidth(420);
        dialog.getDialogPane()
                .lookupButton(add)
                .disableProperty()
                .bind(people.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(
                button -> button == add ? people.getSelectionModel().getSelectedItem() : null);
        dialog.setOnShown(event -> field.requestFocus());
        search.searchNow();
    }

    Optional<UserProfile> choose() {
        return dialog.showAndWait();
    }
}
