package app.parley.desktop.invites;

import app.parley.desktop.app.CopyRow;
import app.parley.desktop.app.DialogFit;
import app.parley.desktop.i18n.Messages;
import app.parley.model.invite.Invite;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Invite to the group": make a link (how long it works, how many may join), copy it in either
 * form, and see and revoke the group's links.
 */
public final class InviteDialog {
    private static final String STYLESHEET = "invites.css";

    private final Dialog<Void> dialog = new Dialog<>();
    private final Messages text;

    public InviteDialog(InvitesViewModel viewModel, String groupName, Messages text, Clock clock, Window owner) {
        this.text = text;
        dialog.initOwner(owner);
        dialog.setTitle(text.get("invite.title"));
        dialog.setHeaderText(text.get("invite.header", groupName));
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var expiry = new ComboBox<InvitesViewModel.Expiry>();
        expiry.setId("inviteExpiry");
        expiry.getItems().setAll(InvitesViewModel.Expiry.values());
        expiry.valueProperty().bindBidirectional(viewModel.expiryProperty());
        expiry.setConverter(named("invite.expiry."));
        expiry.setAccessibleText(text.get("invite.expiry"));
        var uses = new ComboBox<InvitesViewModel.Uses>();
        uses.setId("inviteUses");
        uses.getItems().setAll(InvitesViewModel.Uses.values());
        uses.valueProperty().bindBidirectional(viewModel.usesProperty());
        uses.setConverter(named("invite.uses."));
        uses.setAccessibleText(text.get("invite.uses"));
        var create = new Button(text.get("invite.create"), new FontIcon(Feather.LINK));
        create.setId("createInviteButton");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(viewModel.busyProperty());
        create.setOnAction(event -> viewModel.create());
        var form = new GridPane(10, 8);
        form.addRow(0, new Label(text.get("invite.expiry")), expiry);
        form.addRow(1, new Label(text.get("invite.uses")), uses);
        form.add(create, 1, 2);

        var appLink = linkField("createdAppLink", text.get("invite.appLink"));
        var webLink = linkField("createdWebLink", text.get("invite.webLink"));
        var created = new VBox(
                6,
                sectionTitle(text.get("invite.created")),
                CopyRow.of(appLink, appLink::getText, "copyAppLink", text.get("invite.copyAppLink")),
                CopyRow.of(webLink, webLink::getText, "copyWebLink", text.get("invite.copyWebLink")));
        created.setId("createdInvite");
        created.getStyleClass().add("created-invite");
        created.visibleProperty().bind(viewModel.createdProperty().isNotNull());
        created.managedProperty().bind(created.visibleProperty());
        viewModel.createdProperty().subscribe(invite -> {
            appLink.setText(invite == null ? "" : invite.link());
            webLink.setText(invite == null ? "" : invite.webLink());
            DialogFit.later(dialog); // room for the new link
        });

        var list = new ListView<>(viewModel.invites());
        list.setId("inviteList");
        list.setPrefHeight(200);
        list.setCellFactory(view -> new InviteCell(text, clock, viewModel::revoke));
        var empty = new Label(text.get("invite.none"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        empty.visibleProperty().bind(viewModel.loadedProperty()); // "none yet" only once the list is read
        list.setPlaceholder(new StackPane(empty));

        var problem = new Label();
        problem.setId("inviteProblem");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        viewModel.problemProperty().subscribe(shown -> DialogFit.later(dialog));

        var content = new VBox(12, form, created, problem, sectionTitle(text.get("invite.existing")), list);
        content.setId("inviteDialog");
        VBox.setVgrow(list, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(540);
        dialog.getDialogPane()
                .getStylesheets()
                .add(Objects.requireNonNull(InviteDialog.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
        viewModel.load();
        var refresh = new Timeline(new KeyFrame(Duration.seconds(10), event -> viewModel.refresh()));
        refresh.setCycleCount(Animation.INDEFINITE);
        dialog.setOnShown(event -> refresh.play());
        dialog.setOnHidden(event -> refresh.stop());
    }

    public void show() {
        dialog.show();
    }

    private <T extends Enum<T>> StringConverter<T> named(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.get(prefix + value.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("the choice is picked, never typed");
            }
        };
    }

    private static TextField linkField(String id, String accessible) {
        var field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.setAccessibleText(accessible);
        field.setPromptText(accessible);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static Label sectionTitle(String title) {
        var label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    /** The text key of an invite's state ("active", "expired", …). */
    static String stateKey(Invite invite) {
        return "invite.state." + invite.state();
    }
}
