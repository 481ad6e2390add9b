package app.parley.desktop.profile;

import app.parley.desktop.app.DialogFit;
import app.parley.desktop.chats.Avatar;
import app.parley.desktop.chats.AvatarPhotos;
import app.parley.desktop.i18n.Messages;
import app.parley.model.account.UserProfile;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Someone's profile: photo, name, @username, description, and "Message" to open the chat with them. */
public final class PersonDialog {
    private final Dialog<Void> dialog = new Dialog<>();

    public PersonDialog(
            PersonViewModel viewModel,
            Messages text,
            AvatarPhotos photos,
            Window owner,
            Consumer<UserProfile> onMessage) {
        var message = new ButtonType(text.get("person.message"), ButtonBar.ButtonData.OK_DONE);
        dialog.initOwner(owner);
        dialog.setTitle(text.get("person.title"));
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(message, new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var avatar = new Avatar(96);
        var name = new Label();
        name.setId("personName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        var username = new Label();
        username.setId("personUsername");
        username.getStyleClass().add(Styles.TEXT_MUTED);
        var bot = new Label(text.get("person.bot"));
        bot.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);
        bot.setVisible(false);
        bot.managedProperty().bind(bot.visibleProperty());
        var description = new Label();
        description.setId("personDescription");
        description.setWrapText(true);
        description.managedProperty().bind(description.textProperty().isNotEmpty());
        var problem = new Label();
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.managedProperty().bind(viewModel.problemProperty().isNotEmpty());
        name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        description.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        var content = new VBox(8, avatar, name, username, bot, description, problem);
        content.setId("personDialog");
        content.setAlignment(Pos.TOP_CENTER);
        name.setAlignment(Pos.CENTER);
        description.setAlignment(Pos.CENTER);
        description.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        name.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);

        var messageButton = dialog.getDialogPane().lookupButton(message);
        messageButton.setId("messageButton");
        messageButton.disableProperty().bind(viewModel.personProperty().isNull());
        messageButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            dialog.close();
            onMessage.accept(viewModel.personProperty().get());
        });
        viewModel.personProperty().subscribe(person -> {
            if (person == null) {
                return;
            }
            avatar.show(person.id(), person.name(), person.photoUrl(), photos);
            name.setText(person.name());
            username.setText("@" + person.username());
            bot.setVisible(person.bot());
            description.setText(person.description() == null ? "" : person.description());
            DialogFit.later(dialog);
        });
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(380);
        viewModel.load();
    }

    public void show() {
        dialog.show();
    }
}
