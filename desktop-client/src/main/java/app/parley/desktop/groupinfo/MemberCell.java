package app.parley.desktop.groupinfo;

import app.parley.desktop.chats.Avatar;
import app.parley.desktop.chats.AvatarPhotos;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.presence.PresenceBook;
import app.parley.model.account.UserRef;
import app.parley.model.presence.PresenceStatus;
import app.parley.model.presence.UserPresence;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A member: avatar, name, @username, an "owner" mark; the owner sees "make owner" and "remove"
 * buttons on the others.
 */
final class MemberCell extends ListCell<UserRef> {
    private final GroupInfoViewModel viewModel;
    private final Messages text;
    private final AvatarPhotos photos;
    private final Avatar avatar = new Avatar(32);
    private final Label name = new Label();
    private final Label username = new Label();
    private final Label ownerMark;
    private final Button remove = new Button(null, new FontIcon(Feather.USER_MINUS));
    private final Button makeOwner = new Button(null, new FontIcon(Feather.AWARD));
    private final HBox content;
    private final PresenceBook presence;
    /** Held here: the book holds it weakly. */
    private final MapChangeListener<Long, UserPresence> presenceChanged = change -> {
        if (getItem() != null && change.getKey() == UserIds.idOf(getItem())) {
            showPresence(getItem());
        }
    };

    MemberCell(
            GroupInfoViewModel viewModel,
            Messages text,
            AvatarPhotos photos,
            PresenceBook presence,
            Consumer<UserRef> onRemove,
            Consumer<UserRef> onMakeOwner) {
        this.viewModel = viewModel;
        this.text = text;
        this.photos = photos;
        this.presence = presence;
        presence.known().addListener(new WeakMapChangeListener<>(presenceChanged));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(0);
        username.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        username.setMinWidth(0);
        ownerMark = new Label(text.get("groupinfo.owner"));
        ownerMark.getStyleClass().addAll("owner-mark", Styles.TEXT_SMALL);
        ownerMark.setMinWidth(Region.USE_PREF_SIZE);
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER, "remove-member");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setOnAction(event -> {
            if (getItem() != null) {
                onRemove.accept(getItem());
            }
        });
        makeOwner.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "make-owner");
        makeOwner.setMinWidth(Region.USE_PREF_SIZE);
        makeOwner.setOnAction(event -> {
            if (getItem() != null) {
                onMakeOwner.accept(getItem());
            }
        });
        var lines = new VBox(0, name, username);
        lines.setMinWidth(0);
        HBox.setHgrow(lines, Priority.ALWAYS);
        content = new HBox(10, avatar, lines, ownerMark, makeOwner, remove);
        content.setAlignment(Pos.CENTER_LEFT);
        setText(null);
        setPrefWidth(0); // the list's width, never the longest name's: no sideways scrolling
    }

    /** The dot on the avatar, and "· online" or "· away" after the username. */
    private void showPresence(UserRef member) {
        UserPresence known = presence.of(UserIds.idOf(member));
        PresenceStatus status = known == null ? null : known.status();
        avatar.showPresence(status);
        boolean there = status == PresenceStatus.ONLINE || status == PresenceStatus.AWAY;
        username.setText("@" + member.username() + (there ? " · " + text.get("presence." + status.wireName()) : ""));
    }

    @Override
    protected void updateItem(UserRef member, boolean empty) {
        super.updateItem(member, empty);
        if (empty || member == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        long id = UserIds.idOf(member);
        boolean owner = viewModel.isOwner(member);
        boolean me = id == viewModel.myId();
        avatar.show(id, member.name(), AvatarPhotos.ofUser(id), photos);
        name.setText(me ? text.get("groupinfo.you", member.name()) : member.name());
        showPresence(member);
        ownerMark.setVisible(owner);
        ownerMark.setManaged(owner);
        // The owner cannot remove themself (the API refuses it): they delete the group instead.
        boolean removable = viewModel.ownerProperty().get() && !me;
        remove.setVisible(removable);
        remove.setManaged(removable);
        makeOwner.setVisible(removable);
        makeOwner.setManaged(removable);
        String makeOwnerText = text.get("groupinfo.makeOwner", member.name());
        makeOwner.setAccessibleText(makeOwnerText);
        makeOwner.setTooltip(new Tooltip(makeOwnerText));
        String removeText = text.get("groupinfo.remove", member.name());
        remove.setAccessibleText(removeText);
        remove.setTooltip(new Tooltip(removeText));
        setAccessibleText(owner ? member.name() + ", " + text.get("groupinfo.owner") : member.name());
        setGraphic(content);
    }
}
