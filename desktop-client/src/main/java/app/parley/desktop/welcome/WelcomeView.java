package app.parley.desktop.welcome;

import app.parley.desktop.i18n.Messages;
import atlantafx.base.controls.Card;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The first screen, built in code: Parley's name, one line about it, and two cards — host here,
 * or join a server by its address. State comes from {@link WelcomeViewModel}.
 */
public final class WelcomeView {
    private static final String STYLESHEET = "welcome.css";

    private final WelcomeViewModel viewModel;
    private final Messages text;
    private final StackPane root = new StackPane();
    private final TextField address = new TextField();

    public WelcomeView(WelcomeViewModel viewModel, Messages text) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.text = Objects.requireNonNull(text);
        build();
    }

    public Parent root() {
        return root;
    }

    /** Where the keyboard starts: the address field, since joining is what most people do. */
    public void focus() {
        address.requestFocus();
    }

    private void build() {
        var title = new Label(text.get("app.title"));
        title.setId("welcomeTitle");
        title.getStyleClass().addAll(Styles.TITLE_1, "welcome-title");
        var tagline = new Label(text.get("welcome.tagline"));
        tagline.setId("welcomeTagline");
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        tagline.setWrapText(true);

        var column = new VBox(title, tagline, joinCard(), hostCard(), busyLine(), problemMessage());
        column.getStyleClass().add("welcome-column");
        column.setMaxWidth(520);
        column.setMaxHeight(Region.USE_PREF_SIZE);
        column.setAlignment(Pos.TOP_LEFT);

        root.setId("welcomeView");
        root.getStyleClass().add("welcome");
        root.getChildren().add(column);
        StackPane.setAlignment(column, Pos.CENTER);
        root.getStylesheets()
                .add(Objects.requireNonNull(WelcomeView.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
    }

    private Card joinCard() {
        address.setId("addressField");
        address.setPromptText(text.get("welcome.join.prompt"));
        address.setAccessibleText(text.get("welcome.join.title"));
        address.textProperty().bindBidirectional(viewModel.addressProperty());
        address.setOnAction(event -> viewModel.join());
        HBox.setHgrow(address, Priority.ALWAYS);

        var join = new Button(text.get("welcome.join.action"), new FontIcon(Feather.LOG_IN));
        join.setId("joinButton");
        join.getStyleClass().add(Styles.ACCENT);
        join.setDefaultButton(true);
        join.setOnAction(event -> viewModel.join());

        var row = new HBox(8, address, join);
        row.setAlignment(Pos.CENTER_LEFT);
        row.disableProperty().bind(viewModel.busyProperty());
        return card(Feather.GLOBE, "welcome.join.title", "welcome.join.detail", row);
    }

    private Card hostCard() {
        var host = new Button(text.get("welcome.host.action"), new FontIcon(Feather.MONITOR));
        host.setId("hostButton");
        host.disableProperty().bind(viewModel.busyProperty());
        host.setOnAction(event -> viewModel.host());
        return card(Feather.HOME, "welcome.host.title", "welcome.host.detail", host);
    }

    private Card card(Feather icon, String titleKey, String detailKey, javafx.scene.Node action) {
        var heading = new Label(text.get(titleKey), new FontIcon(icon));
        heading.getStyleClass().add(Styles.TITLE_4);
        var detail = new Label(text.get(detailKey));
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.setWrapText(true);
        var card = new Card();
        card.getStyleClass().add(Styles.ELEVATED_1);
        card.setHeader(heading);
        card.setBody(new VBox(12, detail, action));
        return card;
    }

    private HBox busyLine() {
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        var label = new Label();
        label.textProperty().bind(viewModel.busyTextProperty());
        var line = new HBox(8, spinner, label);
        line.setId("welcomeBusy");
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(viewModel.busyProperty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private Message problemMessage() {
        var message = new Message(null, null, new FontIcon(Feather.ALERT_TRIANGLE));
        message.setId("welcomeProblem");
        message.getStyleClass().add(Styles.DANGER);
        message.descriptionProperty().bind(viewModel.problemProperty());
        message.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
