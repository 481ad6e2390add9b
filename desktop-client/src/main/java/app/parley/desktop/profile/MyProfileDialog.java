package app.parley.desktop.profile;

import app.parley.desktop.app.DialogFit;
import app.parley.desktop.app.TabLeavesText;
import app.parley.desktop.chats.Avatar;
import app.parley.desktop.chats.AvatarPhotos;
import app.parley.desktop.i18n.Messages;
import app.parley.model.account.UserProfile;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "My profile": change one's display name, description and photo. */
public final class MyProfileDialog {
    private final Dialog<Void> dialog = new Dialog<>();

    public MyProfileDialog(
            MyProfileViewModel viewModel,
            Messages text,
            AvatarPhotos photos,
            Window owner,
            Consumer<UserProfile> onSaved) {
        UserProfile me = viewModel.me();
        var save = new ButtonType(text.get("profile.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.initOwner(owner);
        dialog.setTitle(text.get("profile.title"));
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(save, new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var avatar = new Avatar(88);
        avatar.show(me.id(), me.name(), me.photoUrl(), photos);
        var choose = new Button(text.get("profile.choosePhoto"), new FontIcon(Feather.IMAGE));
        choose.setId("choosePhotoButton");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(event -> {
            var chooser = new FileChooser();
            chooser.setTitle(text.get("profile.choosePhoto"));
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(
                            text.get("profile.images"), "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
            var file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                viewModel.photoProperty().set(file.toPath());
            }
        });
        viewModel.problemProperty().subscribe(problem -> DialogFit.later(dialog));
        viewModel.photoProperty().subscribe(path -> {
            if (path != null) {
                avatar.showPhoto(new Image(path.toUri().toString(), 88, 88, false, true, true));
            }
        });
        var username = new Label("@" + me.username());
        username.getStyleClass().add(Styles.TEXT_MUTED);
        var photoColumn = new VBox(10, avatar, choose);
        photoColumn.setAlignment(Pos.TOP_CENTER);

        var name = new TextField();
        name.setId("profileNameField");
        name.setPromptText(text.get("profile.name"));
        name.setAccessibleText(text.get("profile.name"));
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        var description = TabLeavesText.in(new TextArea());
        description.setId("profileDescriptionField");
        description.setPromptText(text.get("profile.description"));
        description.setAccessibleText(text.get("profile.description"));
        description.setWrapText(true);
        description.setPrefRowCount(4);
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());
        var problem = new Label();
        problem.setId("profileProblem");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        var fields = new VBox(
                8,
                username,
                new Label(text.get("profile.name")),
                name,
                new Label(text.get("profile.description")),
                description,
                problem);
        HBox.setHgrow(fields, javafx.scene.layout.Priority.ALWAYS);

        var content = new HBox(20, photoColumn, fields);
        content.setId("myProfileDialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(520);
        var saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveProfileButton");
        saveButton
                .disableProperty()
                .bind(viewModel.savingProperty().or(viewModel.nameProperty().isEmpty()));
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // closes only once saved, so a refusal is said here
            viewModel.save(saved -> {
                dialog.close();
                onSaved.accept(saved);
            });
        });
        dialog.setOnShown(event -> name.requestFocus());
    }

    public void show() {
        dialog.show();
    }
}
