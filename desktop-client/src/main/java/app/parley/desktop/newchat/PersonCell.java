package app.parley.desktop.newchat;

import app.parley.desktop.chats.Avatar;
import app.parley.model.account.UserProfile;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A person in a search result: avatar, name, @username. */
public final class PersonCell extends ListCell<UserProfile> {
    private final Avatar avatar = new Avatar(32);
    private final Label name = new Label();
    private final Label username = new Label();
    private final HBox content;

    public PersonCell() {
        name.getStyleClass().add(Styles.TEXT_BOLD);
        username.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        name.setMinWidth(0);
        username.setMinWidth(0);
        var lines = new VBox(0, name, username);
        lines.setMinWidth(0);
        content = new HBox(10, avatar, lines);
        content.setAlignment(Pos.CENTER_LEFT);
        setText(null);
        // As wide as the list, never wider: a long name is cut short with "…" instead of pushing
        // the list into a sideways scroll.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(UserProfile user, boolean empty) {
        super.updateItem(user, empty);
        if (empty || user == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        avatar.show(user.id(), user.name());
        name.setText(user.name());
        username.setText("@" + user.username());
        setAccessibleText(user.name() + ", @" + user.username());
        setGraphic(content);
    }
}
