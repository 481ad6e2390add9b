package app.parley.desktop.newchat;

import app.parley.desktop.app.TabLeavesText;
import app.parley.desktop.i18n.Messages;
import app.parley.model.account.UserProfile;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "New group": a name, an optional description, and the people to add (ticked in a search). */
public final class NewGroupDialog {
    /** What the person filled in. */
    public record GroupDraft(String name, String description, List<Long> memberIds) {}

    private final Dialog<GroupDraft> dialog = new Dialog<>();
    private final ObservableMap<Long, UserProfile> chosen = FXCollections.observableMap(new LinkedHashMap<>());

    public NewGroupDialog(UserSearchViewModel search, Messages text, Window owner) {
        var create = new ButtonType(text.get("newgroup.create"), ButtonBar.ButtonData.OK_DONE);
        dialog.initOwner(owner);
        dialog.setTitle(text.get("newgroup.title"));
        dialog.setHeaderText(text.get("newgroup.header"));
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(create, new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var name = new TextField();
        name.setId("groupNameField");
        name.setPromptText(text.get("newgroup.name"));
        name.setAccessibleText(text.get("newgroup.name"));
        var description = TabLeavesText.in(new TextArea());
        description.setId("groupDescriptionField");
        description.setPromptText(text.get("newgroup.description"));
        description.setAccessibleText(text.get("newgroup.description"));
        description.setPrefRowCount(2);
        description.setWrapText(true);

        var field = new CustomTextField();
        field.setId("memberSearchField");
        field.setLeft(new FontIcon(Feather.USER_PLUS));
        field.setPromptText(text.get("newgroup.members.prompt"));
        field.setAccessibleText(text.get("newgroup.members.prompt"));
        field.textProperty().bindBidirectional(search.queryProperty());

        var people = new ListView<>(search.results());
        people.setId("memberSearchResults");
        people.setPrefHeight(220);
        people.setCellFactory(view -> new CheckCell());
        people.setPlaceholder(NobodyListed.placeholder(search, people.getItems(), text));

        var members = new Label();
        members.setId("chosenMembers");
        members.setWrapText(true);
        members.getStyleClass().add(Styles.TEXT_MUTED);
        members.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> chosen.isEmpty()
                                ? text.get("newgroup.members.none")
                                : text.get(
                                        "newgroup.members.chosen",
                                        String.join(
                                                ", ",
                                                chosen.values().stream()
                                                        .map(UserProfile::name)
                                                        .toList())),
                        chosen));

        dialog.getDialogPane().setContent(new VBox(10, name, description, field, people, members));
        dialog.getDialogPane().setPrefWidth(460);
        dialog.getDialogPane()
                .lookupButton(create)
                .disableProperty()
                .bind(name.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == create
                ? new GroupDraft(name.getText().strip(), description.getText().strip(), List.copyOf(chosen.keySet()))
                : null);
        dialog.setOnShown(event -> name.requestFocus());
        search.searchNow();
    }

    public Optional<GroupDraft> fill() {
        return dialog.showAndWait();
    }

    /** A person with a tick box; ticking adds them to the group. */
    private final class CheckCell extends ListCell<UserProfile> {
        private final CheckBox box = new CheckBox();
        private final Label username = new Label();
        private final HBox row = new HBox(8, box, username);

        CheckCell() {
            box.setOnAction(event -> {
                UserProfile user = getItem();
                if (user != null) {
                    if (box.isSelected()) {
                        chosen.put(user.id(), user);
                    } else {
                        chosen.remove(user.id());
                    }
                }
            });
            box.setMinWidth(0);
            username.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            username.setMinWidth(Region.USE_PREF_SIZE); // the name gives way first: both tell people apart
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setPrefWidth(0); // as wide as the list, never wider
        }

        @Override
        protected void updateItem(UserProfile user, boolean empty) {
            super.updateItem(user, empty);
            if (empty || user == null) {
                setGraphic(null);
                return;
            }
            box.setText(user.name());
            box.setAccessibleText(user.name() + ", @" + user.username());
            username.setText("@" + user.username());
            box.setSelected(chosen.containsKey(user.id()));
            setGraphic(row);
        }
    }
}
