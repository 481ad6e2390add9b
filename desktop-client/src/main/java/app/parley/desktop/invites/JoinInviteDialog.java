package app.parley.desktop.invites;

import app.parley.desktop.app.DialogFit;
import app.parley.desktop.chats.Avatar;
import app.parley.desktop.chats.AvatarPhotos;
import app.parley.desktop.i18n.Messages;
import app.parley.model.invite.InvitePreview;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.Objects;
import java.util.function.LongConsumer;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Join by invite": paste a link (or arrive here from one), see the group it leads to, join.
 * The dialog stays open while joining, so a refusal is said in it.
 */
public final class JoinInviteDialog {
    private static final String STYLESHEET = "invites.css";
    private static final double WIDTH = 480;

    private final Dialog<Void> dialog = new Dialog<>();

    public JoinInviteDialog(
            JoinInviteViewModel viewModel, Messages text, AvatarPhotos photos, Window owner, LongConsumer onJoined) {
        var join = new ButtonType(text.get("join.join"), ButtonBar.ButtonData.OK_DONE);
        dialog.initOwner(owner);
        dialog.setTitle(text.get("join.title"));
        dialog.setHeaderText(text.get("join.header"));
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(join, new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var field = new CustomTextField();
        field.setId("inviteLinkField");
        field.setLeft(new FontIcon(Feather.LINK));
        field.setPromptText(text.get("join.prompt"));
        field.setAccessibleText(text.get("join.prompt"));
        field.textProperty().bindBidirectional(viewModel.linkProperty());

        var avatar = new Avatar(48);
        var name = new Label();
        name.setId("invitePreviewName");
        name.getStyleClass().add(Styles.TITLE_4);
        name.setWrapText(true);
        var description = new Label();
        description.setId("invitePreviewDescription");
        description.setWrapText(true);
        description.managedProperty().bind(description.textProperty().isNotEmpty());
        var facts = new Label();
        facts.setId("invitePreviewFacts");
        facts.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        facts.setWrapText(true);
        var member = new Label(text.get("join.alreadyMember"));
        member.setId("inviteAlreadyMember");
        member.getStyleClass().add(Styles.SUCCESS);
        member.setWrapText(true);
        for (Label wrapped : new Label[] {name, description, facts, member}) {
            wrapped.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // never cut to one line
        }
        var lines = new VBox(4, name, description, facts, member);
        lines.setMinWidth(0);
        // The width beside the avatar (the dialog's less the avatar, gaps and padding): long names wrap.
        lines.setPrefWidth(WIDTH - 48 - 12 - 24 - 40);
        HBox.setHgrow(lines, javafx.scene.layout.Priority.ALWAYS);
        var card = new HBox(12, avatar, lines);
        card.setId("invitePreview");
        card.getStyleClass().add("join-preview");
        card.setAlignment(Pos.TOP_LEFT);
        viewModel.previewProperty().subscribe(preview -> {
            card.setVisible(preview != null);
            card.setManaged(preview != null);
            if (preview == null) {
                return;
            }
            avatar.show(preview.chatId(), preview.chatName(), AvatarPhotos.ofGroup(preview.chatId()), photos);
            name.setText(preview.chatName());
            description.setText(preview.chatDescription() == null ? "" : preview.chatDescription());
            facts.setText(facts(text, preview));
            member.setVisible(preview.alreadyMember());
            member.setManaged(preview.alreadyMember());
        });
        // The card and messages come and go: the window follows their height.
        viewModel.previewProperty().subscribe(preview -> DialogFit.later(dialog));
        viewModel.problemProperty().subscribe(problem -> DialogFit.later(dialog));

        var spinner = new ProgressIndicator();
        spinner.setPrefSize(24, 24);
        spinner.visibleProperty().bind(viewModel.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());

        var problem = new Label();
        problem.setId("joinProblem");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        dialog.getDialogPane().setContent(new VBox(12, field, spinner, card, problem));
        dialog.getDialogPane().setPrefWidth(WIDTH);
        dialog.getDialogPane()
                .getStylesheets()
                .add(Objects.requireNonNull(JoinInviteDialog.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
        var joinButton = (Button) dialog.getDialogPane().lookupButton(join);
        joinButton.setId("joinButton");
        joinButton.disableProperty().bind(viewModel.canJoinProperty().not());
        viewModel
                .previewProperty()
                .subscribe(preview -> joinButton.setText(
                        preview != null && preview.alreadyMember() ? text.get("join.open") : text.get("join.join")));
        joinButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only once the server said yes
            viewModel.join(chatId -> {
                dialog.close();
                onJoined.accept(chatId);
            });
        });
        dialog.setOnShown(event -> field.requestFocus());
    }

    private static String facts(Messages text, InvitePreview preview) {
        String members = text.get("join.members", preview.memberCount());
        return preview.inviter() == null
                ? members
                : members + " · " + text.get("join.invitedBy", preview.inviter().name());
    }

    public void show() {
        dialog.show();
    }
}
