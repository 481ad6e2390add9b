package app.parley.desktop.notifications;

import app.parley.desktop.i18n.Messages;
import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The toasts in the window's top-right corner, newest at the bottom; a click opens the chat. */
public final class NotificationsView {
    private static final String STYLESHEET = "notifications.css";
    private static final double WIDTH = 320;

    private final NotificationsViewModel viewModel;
    private final Messages text;
    private final VBox root = new VBox(8);

    public NotificationsView(NotificationsViewModel viewModel, Messages text) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.text = Objects.requireNonNull(text);
        build();
    }

    /** To be laid over the window's content: it takes only the room its toasts need. */
    public Parent root() {
        return root;
    }

    private void build() {
        root.setId("notifications");
        root.setPickOnBounds(false);
        root.setAlignment(Pos.TOP_RIGHT);
        root.setPadding(new Insets(12));
        root.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        root.getStylesheets()
                .add(Objects.requireNonNull(NotificationsView.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
        viewModel.shown().addListener((ListChangeListener<Notice>) change -> show());
    }

    private void show() {
        root.getChildren().setAll(viewModel.shown().stream().map(this::toast).toList());
    }

    private Notification toast(Notice notice) {
        var toast = new Notification(
                notice.title() + "\n" + notice.body(),
                new FontIcon(notice.files() ? Feather.PAPERCLIP : Feather.MESSAGE_SQUARE));
        toast.getStyleClass().addAll(Styles.ELEVATED_2, "notice");
        toast.setPrefWidth(WIDTH);
        toast.setMaxWidth(WIDTH);
        toast.setMaxHeight(Region.USE_PREF_SIZE);
        toast.setCursor(Cursor.HAND);
        toast.setAccessibleText(text.get("notifications.accessible", notice.title(), notice.body()));
        toast.setOnClose(event -> viewModel.dismiss(notice));
        toast.setOnMouseClicked(event -> viewModel.open(notice));
        toast.setOnMouseEntered(event -> viewModel.hold(notice));
        toast.setOnMouseExited(event -> viewModel.release(notice));
        return toast;
    }
}
