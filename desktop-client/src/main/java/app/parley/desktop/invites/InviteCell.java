package app.parley.desktop.invites;

import app.parley.desktop.app.DangerQuestion;
import app.parley.desktop.i18n.Messages;
import app.parley.model.invite.Invite;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One invite link: its state, who made it, how often it was used, until when it works; Revoke. */
final class InviteCell extends ListCell<Invite> {
    private final Messages text;
    private final Clock clock;
    private final Label state = new Label();
    private final Label token = new Label();
    private final Label details = new Label();
    private final Button revoke;
    private final HBox content;

    InviteCell(Messages text, Clock clock, Consumer<Invite> onRevoke) {
        this.text = text;
        this.clock = clock;
        state.getStyleClass().addAll("invite-state", Styles.TEXT_SMALL);
        state.setMinWidth(Region.USE_PREF_SIZE);
        token.getStyleClass().add("invite-token");
        token.setMinWidth(0);
        details.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        details.setMinWidth(0);
        revoke = new Button(text.get("invite.revoke"));
        revoke.getStyleClass().add("revoke-invite");
        revoke.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT);
        revoke.setMinWidth(Region.USE_PREF_SIZE);
        revoke.setOnAction(event -> {
            if (getItem() != null && confirmRevoke()) {
                onRevoke.accept(getItem());
            }
        });
        var top = new HBox(8, state, token);
        top.setAlignment(Pos.CENTER_LEFT);
        var lines = new VBox(2, top, details);
        lines.setMinWidth(0);
        HBox.setHgrow(lines, Priority.ALWAYS);
        content = new HBox(8, lines, revoke);
        content.setAlignment(Pos.CENTER_LEFT);
        setText(null);
        // As wide as the list, never wider: a long inviter's name is cut short with "…", and the
        // Revoke button stays in view instead of behind a sideways scroll bar.
        setPrefWidth(0);
    }

    private boolean confirmRevoke() {
        return DangerQuestion.ask(
                getScene().getWindow(),
                text,
                "revokeInviteQuestion",
                text.get("invite.revoke.title"),
                text.get("invite.revoke.question"),
                text.get("invite.revoke"));
    }

    @Override
    protected void updateItem(Invite invite, boolean empty) {
        super.updateItem(invite, empty);
        if (empty || invite == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        String stateText = text.get(InviteDialog.stateKey(invite));
        state.setText(stateText);
        state.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        state.getStyleClass().add(Invite.ACTIVE.equals(invite.state()) ? Styles.SUCCESS : Styles.DANGER);
        // The start of the token tells links apart without showing the whole secret.
        token.setText(
                "…/" + invite.token().substring(0, Math.min(8, invite.token().length())) + "…");
        String uses = invite.maxUses() == null
                ? text.get("invite.usedUnlimited", invite.uses())
                : text.get("invite.usedOf", invite.uses(), invite.maxUses());
        String until = invite.expiresAt() == null
                ? text.get("invite.noExpiry")
                : text.get(
                        "invite.expiresAt",
                        invite.expiresAt()
                                .atZone(clock.getZone())
                                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                        .withLocale(text.locale())));
        String by = invite.inviter() == null
                ? ""
                : text.get("invite.by", invite.inviter().name()) + " · ";
        details.setText(by + uses + " · " + until);
        revoke.setVisible(Invite.ACTIVE.equals(invite.state()));
        setAccessibleText(stateText + ", " + details.getText());
        setGraphic(content);
    }
}
