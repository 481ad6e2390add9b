package app.parley.desktop.sessions;

import app.parley.desktop.app.DialogFit;
import app.parley.desktop.i18n.Messages;
import app.parley.model.account.SessionInfo;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Signed-in devices": every session of the person, this one marked, each other one with an
 * "End" button, and "End all other sessions" for a lost laptop.
 */
public final class SessionsDialog {
    private final Dialog<Void> dialog = new Dialog<>();
    private final Messages text;
    private final Clock clock;

    public SessionsDialog(SessionsViewModel viewModel, Messages text, Clock clock, Window owner) {
        this.text = text;
        this.clock = clock;
        dialog.initOwner(owner);
        dialog.setTitle(text.get("sessions.title"));
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var intro = new Label(text.get("sessions.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        var list = new ListView<>(viewModel.sessions());
        list.setId("sessionList");
        list.setPrefHeight(260);
        list.setCellFactory(view -> new SessionCell(viewModel));
        var empty = new Label(text.get("sessions.loading"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);

        var endOthers = new Button(text.get("sessions.endOthers"), new FontIcon(Feather.LOG_OUT));
        endOthers.setId("endOtherSessionsButton");
        endOthers.getStyleClass().add(Styles.DANGER);
        endOthers.setOnAction(event -> viewModel.endOthers());
        endOthers
                .disableProperty()
                .bind(Bindings.createBooleanBinding(() -> !viewModel.hasOthers(), viewModel.sessions()));

        var problem = new Label();
        problem.setId("sessionsProblem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        viewModel.problemProperty().subscribe(shown -> DialogFit.later(dialog));

        var content = new VBox(12, intro, list, problem, endOthers);
        content.setId("sessionsDialog");
        content.setPadding(new javafx.geometry.Insets(14, 14, 0, 14));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(540);
        viewModel.load();
    }

    public void show() {
        dialog.show();
    }

    /** One session: what it is, from where, when last used; this one marked, others endable. */
    private final class SessionCell extends ListCell<SessionInfo> {
        private final Label client = new Label();
        private final Label details = new Label();
        private final Label thisDevice = new Label(text.get("sessions.thisDevice"));
        private final Button end = new Button(text.get("sessions.end"));
        private final HBox content;

        SessionCell(SessionsViewModel viewModel) {
            client.getStyleClass().add(Styles.TEXT_BOLD);
            client.setMinWidth(0);
            details.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            details.setMinWidth(0);
            thisDevice.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT, "this-device");
            thisDevice.setMinWidth(Region.USE_PREF_SIZE);
            end.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT);
            end.setMinWidth(Region.USE_PREF_SIZE);
            end.setOnAction(event -> {
                if (getItem() != null) {
                    viewModel.end(getItem());
                }
            });
            var icon = new FontIcon(Feather.MONITOR);
            icon.getStyleClass().add(Styles.TEXT_MUTED);
            var lines = new VBox(2, client, details);
            lines.setMinWidth(0);
            HBox.setHgrow(lines, Priority.ALWAYS);
            content = new HBox(12, icon, lines, thisDevice, end);
            content.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setPrefWidth(0); // the list's width: a long client name is cut, not scrolled
        }

        @Override
        protected void updateItem(SessionInfo session, boolean empty) {
            super.updateItem(session, empty);
            if (empty || session == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            String name = session.client().isBlank() ? text.get("sessions.unknownClient") : session.client();
            client.setText(name);
            details.setText(text.get("sessions.details", session.address(), lastActive(session)));
            thisDevice.setVisible(session.current());
            thisDevice.setManaged(session.current());
            end.setVisible(!session.current());
            end.setManaged(!session.current());
            end.setAccessibleText(text.get("sessions.endNamed", name));
            setAccessibleText(name + ", " + details.getText());
            setGraphic(content);
        }
    }

    /** "active now", "active 5 min ago", "active today at 14:05", "active 3 Dec". */
    private String lastActive(SessionInfo session) {
        ZonedDateTime when = session.lastUsedAt().atZone(clock.getZone());
        ZonedDateTime now = ZonedDateTime.now(clock);
        long minutes = Duration.between(when, now).toMinutes();
        if (minutes < 1) {
            return text.get("sessions.activeNow");
        }
        if (minutes < 60) {
            return text.get("sessions.activeMinutes", minutes);
        }
        LocalDate day = when.toLocalDate();
        if (day.equals(now.toLocalDate())) {
            return text.get(
                    "sessions.activeToday",
                    when.format(
                            DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(text.locale())));
        }
        return text.get("sessions.activeOn", day.format(DateTimeFormatter.ofPattern("d MMM yyyy", text.locale())));
    }
}
