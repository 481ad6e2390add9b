package app.parley.desktop.groupinfo;

import app.parley.desktop.app.DangerQuestion;
import app.parley.desktop.app.DialogFit;
import app.parley.desktop.chats.Avatar;
import app.parley.desktop.chats.AvatarPhotos;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.newchat.UserSearchViewModel;
import app.parley.desktop.presence.PresenceBook;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatInfo;
import atlantafx.base.theme.Styles;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A group's info: its picture, name, description and members. The owner edits the name,
 * description and photo, adds and removes members, hands the group over and deletes it; every
 * member can invite people by link and leave. It stays live while open: members coming and going,
 * a new name or photo show at once, and a group deleted (or this person removed) closes it with a
 * short notice.
 */
public final class GroupInfoDialog {
    private static final String STYLESHEET = "groupinfo.css";
    private static final double WIDTH = 580;

    /** What the dialog leads to elsewhere in the app. */
    public record Actions(
            Supplier<UserSearchViewModel> search,
            Consumer<String> onInvite,
            Consumer<UserRef> onMember,
            Runnable onGone,
            Runnable onClosed) {}

    private final Dialog<Void> dialog = new Dialog<>();
    private final GroupInfoViewModel viewModel;
    private final Messages text;

    public GroupInfoDialog(
            GroupInfoViewModel viewModel,
            Messages text,
            AvatarPhotos photos,
            PresenceBook presence,
            Window owner,
            Actions actions) {
        this.viewModel = viewModel;
        this.text = text;
        dialog.initOwner(owner);
        dialog.setTitle(text.get("groupinfo.title"));
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var avatar = new Avatar(72);
        avatar.setId("groupInfoAvatar");
        var changePhoto = iconButton("changeGroupPhotoButton", Feather.CAMERA, text.get("groupinfo.photo.change"));
        changePhoto.setOnAction(event -> choosePhoto());
        var removePhoto = iconButton("removeGroupPhotoButton", Feather.X, text.get("groupinfo.photo.remove"));
        removePhoto.getStyleClass().add(Styles.DANGER);
        removePhoto.setOnAction(event -> viewModel.removePhoto());
        removePhoto
                .visibleProperty()
                .bind(viewModel
                        .ownerProperty()
                        .and(Bindings.createBooleanBinding(
                                () -> viewModel.infoProperty().get() != null
                                        && viewModel.infoProperty().get().photoUrl() != null,
                                viewModel.infoProperty())));
        removePhoto.managedProperty().bind(removePhoto.visibleProperty());
        var photoButtons = new HBox(2, changePhoto, removePhoto);
        photoButtons.setAlignment(Pos.CENTER);
        photoButtons.visibleProperty().bind(viewModel.ownerProperty());
        photoButtons.managedProperty().bind(photoButtons.visibleProperty());
        var picture = new VBox(6, avatar, photoButtons);
        picture.setAlignment(Pos.TOP_CENTER);
        picture.setMinWidth(Region.USE_PREF_SIZE);
        var name = new Label();
        name.setId("groupInfoName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        var description = new Label();
        description.setId("groupInfoDescription");
        description.setWrapText(true);
        description.managedProperty().bind(description.textProperty().isNotEmpty());
        var count = new Label();
        count.setId("groupInfoCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        // Wrapped labels keep their full height: by default a VBox short of room cuts them to one line.
        name.setMinHeight(Region.USE_PREF_SIZE);
        description.setMinHeight(Region.USE_PREF_SIZE);
        var edit = iconButton("editGroupButton", Feather.EDIT_2, text.get("groupinfo.edit"));
        edit.visibleProperty().bind(viewModel.ownerProperty());
        edit.managedProperty().bind(edit.visibleProperty());
        edit.setOnAction(event -> viewModel.startEditing());
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        var nameRow = new HBox(4, name, edit);
        nameRow.setAlignment(Pos.TOP_LEFT);
        var details = new VBox(4, nameRow, description, count);
        details.visibleProperty().bind(viewModel.editingProperty().not());
        details.managedProperty().bind(details.visibleProperty());
        var editor = new GroupEditor(viewModel, text).root();
        editor.visibleProperty().bind(viewModel.editingProperty());
        editor.managedProperty().bind(editor.visibleProperty());
        viewModel.editingProperty().subscribe(editing -> DialogFit.later(dialog));
        var about = new VBox(details, editor);
        about.setMinWidth(0);
        // A width of its own beside the avatar (the dialog's less the avatar's), so long names wrap
        // rather than widen the dialog; a tiny one would make the wrapped text absurdly tall.
        about.setPrefWidth(WIDTH - 72 - 14 - 40);
        HBox.setHgrow(about, Priority.ALWAYS);
        var top = new HBox(14, picture, about);
        top.setAlignment(Pos.TOP_LEFT);

        var members = new ListView<>(viewModel.members());
        members.setId("memberList");
        members.setPrefHeight(260);
        members.setCellFactory(
                view -> new MemberCell(viewModel, text, photos, presence, this::confirmRemove, this::confirmMakeOwner));
        members.setOnMouseClicked(event -> {
            UserRef chosen = members.getSelectionModel().getSelectedItem();
            if (event.getClickCount() == 2 && chosen != null) {
                actions.onMember().accept(chosen);
            }
        });

        var add = new Button(text.get("groupinfo.add"), new FontIcon(Feather.USER_PLUS));
        add.setId("addMemberButton");
        add.visibleProperty().bind(viewModel.ownerProperty());
        add.managedProperty().bind(add.visibleProperty());
        add.setOnAction(event -> new AddMemberDialog(
                        actions.search().get(),
                        viewModel.members().stream().map(UserIds::idOf).collect(Collectors.toSet()),
                        text,
                        dialog.getDialogPane().getScene().getWindow())
                .choose()
                .ifPresent(user -> viewModel.add(java.util.List.of(user.id()))));
        var invite = new Button(text.get("groupinfo.invite"), new FontIcon(Feather.LINK));
        invite.setId("inviteButton");
        invite.setOnAction(event -> actions.onInvite().accept(name.getText()));
        var delete = new Button(text.get("groupinfo.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("deleteGroupButton");
        delete.getStyleClass().add(Styles.DANGER);
        delete.visibleProperty().bind(viewModel.ownerProperty());
        delete.managedProperty().bind(delete.visibleProperty());
        delete.setOnAction(event -> confirmDelete());
        var leave = new Button(text.get("groupinfo.leave"), new FontIcon(Feather.LOG_OUT));
        leave.setId("leaveGroupButton");
        leave.disableProperty().bind(viewModel.infoProperty().isNull());
        leave.setOnAction(event -> confirmLeave());
        for (Button button : new Button[] {add, invite, leave, delete}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        var buttons = new HBox(8, add, invite);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // Ways out on a row of their own, apart from the everyday ones (and the dialog stays narrow in Russian).
        var exits = new HBox(8, leave, delete);
        exits.setAlignment(Pos.CENTER_LEFT);

        var notOwner = new Label(text.get("groupinfo.notOwner"));
        notOwner.setId("groupInfoNotOwner");
        notOwner.setWrapText(true);
        notOwner.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        notOwner.visibleProperty()
                .bind(viewModel
                        .ownerProperty()
                        .not()
                        .and(viewModel.infoProperty().isNotNull()));
        notOwner.managedProperty().bind(notOwner.visibleProperty());

        var problem = new Label();
        problem.setId("groupInfoProblem");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        viewModel.problemProperty().subscribe(shown -> DialogFit.later(dialog));

        var membersTitle = new Label(text.get("groupinfo.members"));
        membersTitle.getStyleClass().add(Styles.TEXT_BOLD);
        var content = new VBox(12, top, problem, membersTitle, members, buttons, notOwner, new Separator(), exits);
        content.setId("groupInfoDialog");
        // Without a header the pane gives its content no room at its edges; and the member list
        // takes the dialog's width rather than its longest name's (which pushed it past the edge).
        content.setPadding(new javafx.geometry.Insets(14, 14, 0, 14));
        members.setPrefWidth(0);
        VBox.setVgrow(members, Priority.ALWAYS);

        // The URL stays when the photo is replaced: a new revision fetches it again.
        viewModel.photoRevisionProperty().subscribe(revision -> {
            ChatInfo info = viewModel.infoProperty().get();
            if (info != null && revision.intValue() > 0) {
                if (info.photoUrl() != null) {
                    photos.forget(info.photoUrl());
                }
                avatar.show(info.id(), info.name(), info.photoUrl(), photos);
            }
        });
        viewModel.infoProperty().subscribe(info -> {
            if (info == null) {
                return;
            }
            avatar.show(info.id(), info.name(), info.photoUrl(), photos);
            name.setText(info.name());
            description.setText(info.description() == null ? "" : info.description());
            count.setText(text.get("groupinfo.count", info.users().size()));
            members.refresh(); // the owner mark and remove buttons depend on who owns it
            DialogFit.later(dialog); // room for a long name
        });

        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(WIDTH);
        dialog.getDialogPane()
                .getStylesheets()
                .add(Objects.requireNonNull(GroupInfoDialog.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
        viewModel.endingProperty().subscribe(ending -> {
            if (ending == GroupInfoViewModel.Ending.OPEN) {
                return;
            }
            Window parent = dialog.getOwner();
            dialog.close();
            actions.onGone().run();
            if (ending != GroupInfoViewModel.Ending.BY_ME) {
                notice(parent, ending);
            }
        });
        dialog.setOnHidden(event -> actions.onClosed().run());
        viewModel.load();
    }

    public void show() {
        dialog.show();
    }

    public void close() {
        dialog.close();
    }

    private void confirmRemove(UserRef member) {
        if (confirm(
                text.get("groupinfo.remove.title"),
                text.get("groupinfo.remove.question", member.name(), groupName()),
                text.get("groupinfo.remove.confirm"))) {
            viewModel.remove(member);
        }
    }

    private void confirmDelete() {
        if (confirm(
                text.get("groupinfo.delete.title"),
                text.get("groupinfo.delete.question", groupName()),
                text.get("groupinfo.delete.confirm"))) {
            viewModel.deleteGroup();
        }
    }

    private void confirmLeave() {
        if (viewModel.ownerProperty().get() && viewModel.members().size() > 1) {
            // The server refuses it: say so and how, instead of asking and then failing.
            var alert = new Alert(
                    Alert.AlertType.INFORMATION,
                    text.get("groupinfo.leave.owner", groupName()),
                    new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
            alert.initOwner(dialog.getDialogPane().getScene().getWindow());
            alert.setTitle(text.get("groupinfo.leave.title"));
            alert.setHeaderText(null);
            alert.getDialogPane().setId("ownerCannotLeave");
            alert.getDialogPane().setPrefWidth(420);
            alert.showAndWait();
            return;
        }
        if (confirm(
                text.get("groupinfo.leave.title"),
                // The owner leaving alone deletes the group (the server does so): say that plainly.
                text.get(
                        viewModel.ownerProperty().get() && viewModel.members().size() == 1
                                ? "groupinfo.leave.questionLast"
                                : "groupinfo.leave.question",
                        groupName()),
                text.get("groupinfo.leave.confirm"))) {
            viewModel.leave();
        }
    }

    private void confirmMakeOwner(UserRef member) {
        if (confirm(
                text.get("groupinfo.makeOwner.title"),
                text.get("groupinfo.makeOwner.question", member.name(), groupName()),
                text.get("groupinfo.makeOwner.confirm"))) {
            viewModel.makeOwner(member);
        }
    }

    private void choosePhoto() {
        var chooser = new FileChooser();
        chooser.setTitle(text.get("groupinfo.photo.change"));
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(
                        text.get("profile.images"), "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
        var file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
        if (file != null) {
            viewModel.choosePhoto(file.toPath());
        }
    }

    /** Says why the group info closed by itself: the group was deleted, or this person removed. */
    private void notice(Window parent, GroupInfoViewModel.Ending ending) {
        var alert = new Alert(
                Alert.AlertType.INFORMATION,
                text.get(
                        ending == GroupInfoViewModel.Ending.DELETED
                                ? "groupinfo.gone.deleted"
                                : "groupinfo.gone.removed",
                        groupName()),
                new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.initOwner(parent);
        alert.setTitle(text.get("groupinfo.title"));
        alert.setHeaderText(null);
        alert.getDialogPane().setId("groupGoneNotice");
        alert.show();
    }

    private static Button iconButton(String id, Feather icon, String label) {
        var button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setAccessibleText(label);
        button.setTooltip(new Tooltip(label));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private String groupName() {
        ChatInfo info = viewModel.infoProperty().get();
        return info == null ? "" : info.name();
    }

    private boolean confirm(String title, String question, String yes) {
        return DangerQuestion.ask(dialog.getDialogPane().getScene().getWindow(), text, null, title, question, yes);
    }
}
