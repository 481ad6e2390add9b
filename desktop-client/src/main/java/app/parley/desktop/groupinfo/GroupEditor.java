package app.parley.desktop.groupinfo;

import app.parley.desktop.app.TabLeavesText;
import app.parley.desktop.i18n.Messages;
import app.parley.model.chat.GroupOptions;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The owner's editor of a group's name and description, in place of them while editing. */
final class GroupEditor {
    private final VBox root;

    GroupEditor(GroupInfoViewModel viewModel, Messages text) {
        var name = new TextField();
        name.setId("groupNameField");
        name.setPromptText(text.get("groupinfo.edit.name"));
        name.setAccessibleText(text.get("groupinfo.edit.name"));
        name.textProperty().bindBidirectional(viewModel.draftNameProperty());
        var description = TabLeavesText.in(new TextArea());
        description.setId("groupDescriptionField");
        description.setPromptText(text.get("groupinfo.edit.description"));
        description.setAccessibleText(text.get("groupinfo.edit.description"));
        description.setWrapText(true);
        description.setPrefRowCount(3);
        description.textProperty().bindBidirectional(viewModel.draftDescriptionProperty());
        var save = new Button(text.get("groupinfo.edit.save"));
        save.setId("saveGroupButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(viewModel.draftNameProperty().map(String::isBlank));
        save.setOnAction(event -> viewModel.saveEditing());
        var cancel = new Button(text.get("dialog.cancel"));
        cancel.setId("cancelGroupEditButton");
        cancel.setOnAction(event -> viewModel.cancelEditing());
        var buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        var allMentions = new ChoiceBox<String>();
        allMentions.setId("allMentionsChoice");
        allMentions.getItems().setAll(GroupOptions.MEMBERS, GroupOptions.OWNER, GroupOptions.OFF);
        allMentions.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : text.get("groupinfo.allMentions." + value);
            }

            @Override
            public String fromString(String shown) {
                return null;
            }
        });
        allMentions.valueProperty().bindBidirectional(viewModel.draftAllMentionsProperty());
        var allMentionsLabel = new Label(text.get("groupinfo.allMentions"));
        allMentionsLabel.setLabelFor(allMentions);
        allMentions.setAccessibleText(text.get("groupinfo.allMentions"));
        // Label above the choice: in Russian the sentence is too long to share a line with it.
        allMentionsLabel.setWrapText(true);
        allMentionsLabel.getStyleClass().add(Styles.TEXT_SMALL);
        allMentions.setMaxWidth(Double.MAX_VALUE);
        var allMentionsRow = new VBox(4, allMentionsLabel, allMentions);
        root = new VBox(8, name, description, allMentionsRow, buttons);
        root.setId("groupEditor");
        // Focus goes to the name as soon as the editor shows.
        root.visibleProperty().subscribe(shown -> {
            if (shown) {
                name.requestFocus();
            }
        });
    }

    VBox root() {
        return root;
    }
}
