package app.parley.desktop.welcome;

import app.parley.desktop.discovery.DiscoveryViewModel;
import app.parley.desktop.discovery.FoundServer;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.tls.Fingerprint;
import atlantafx.base.controls.Card;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
    private static final double FOUND_ROW_HEIGHT = 44;

    /** The welcome column's width; the window's minimum width leaves room for all of it. */
    private static final double COLUMN_WIDTH = 520;

    /** A card's padding left and right, with its border. */
    private static final double CARD_PADDING = 34;

    private final WelcomeViewModel viewModel;
    private final Messages text;
    private final StackPane root = new StackPane();
    private final TextField address = new TextField();
    private final DiscoveryViewModel discovery;

    public WelcomeView(WelcomeViewModel viewModel, DiscoveryViewModel discovery, Messages text) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.discovery = Objects.requireNonNull(discovery);
        this.text = Objects.requireNonNull(text);
        build();
        viewModel.certificateQuestionProperty().subscribe(question -> {
            if (question != null) {
                // Not from inside the change itself: a dialog opened during a pulse cannot wait.
                javafx.application.Platform.runLater(() -> ask(question));
            }
        });
    }

    /**
     * A certificate not trusted yet: its fingerprint, to compare with the one the server's owner
     * gives (the server shows it at start), and "Trust" or not. A changed certificate is asked
     * about with both fingerprints and a warning, and there not connecting is the default.
     */
    private void ask(WelcomeViewModel.CertificateQuestion question) {
        boolean changed = question.changed();
        var trust = new ButtonType(
                text.get(changed ? "welcome.certificate.trustNew" : "welcome.certificate.trust"),
                changed ? ButtonBar.ButtonData.OTHER : ButtonBar.ButtonData.OK_DONE);
        var cancel = new ButtonType(
                text.get(changed ? "welcome.certificate.dontConnect" : "dialog.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        var dialog = new Dialog<ButtonType>();
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.setTitle(text.get(changed ? "welcome.certificate.changedTitle" : "welcome.certificate.title"));
        var explanation = new Label(
                changed
                        ? text.get("welcome.certificate.changedExplanation", question.server())
                        : text.get("welcome.certificate.explanation", question.server()));
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        if (changed) {
            explanation.getStyleClass().add(Styles.DANGER);
        }
        var content = new VBox(10, explanation);
        if (changed) {
            content.getChildren()
                    .addAll(
                            fingerprintCaption(text.get("welcome.certificate.before")),
                            Fingerprint.box("previousFingerprint", question.previous()),
                            fingerprintCaption(text.get("welcome.certificate.now")));
        }
        content.getChildren().add(Fingerprint.box("certificateFingerprint", question.fingerprint()));
        var advice = new Label(text.get(changed ? "welcome.certificate.changedAdvice" : "welcome.certificate.advice"));
        advice.setWrapText(true);
        advice.setMinHeight(Region.USE_PREF_SIZE);
        advice.getStyleClass().add(Styles.TEXT_MUTED);
        content.getChildren().add(advice);
        content.setId(changed ? "certificateChanged" : "certificateQuestion");
        content.setPrefWidth(500);
        content.setPadding(new javafx.geometry.Insets(14, 14, 0, 14));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(trust, cancel);
        var trustButton = (Button) dialog.getDialogPane().lookupButton(trust);
        trustButton.setId("trustCertificateButton");
        if (changed) {
            // Enter must not replace a pinned certificate: that takes a deliberate click.
            trustButton.getStyleClass().add(Styles.DANGER);
            trustButton.setDefaultButton(false);
            ((Button) dialog.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        }
        dialog.setOnHidden(event -> {
            if (dialog.getResult() == trust) {
                viewModel.trustCertificate();
            } else {
                viewModel.distrustCertificate();
            }
        });
        dialog.show();
    }

    private static Label fingerprintCaption(String caption) {
        var label = new Label(caption);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
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

        var column = new VBox(title, tagline, noticeMessage(), joinCard(), hostCard(), busyLine(), problemMessage());
        column.getStyleClass().add("welcome-column");
        column.setMaxWidth(COLUMN_WIDTH);
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
        var both = new VBox(12, row, foundServers());
        return card(Feather.GLOBE, "welcome.join.title", "welcome.join.detail", both);
    }

    /**
     * The servers announced on this network, under the address field: choosing one fills the
     * field in (a click, or Enter from the list); a double click or Enter on a chosen one joins.
     */
    private VBox foundServers() {
        var heading = new Label(text.get("welcome.found.title"));
        heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        var list = new ListView<FoundServer>(discovery.servers());
        list.setId("foundServers");
        list.getStyleClass().addAll(Styles.DENSE, "found-servers");
        list.setAccessibleText(text.get("welcome.found.title"));
        list.setCellFactory(view -> new FoundServerCell(text));
        list.setFixedCellSize(FOUND_ROW_HEIGHT);
        // Three rows show; more scroll. Hidden while empty: the status line says why instead.
        // Its own border and padding on top, or one row shows with a scroll bar.
        list.prefHeightProperty()
                .bind(Bindings.min(3, Bindings.size(discovery.servers()))
                        .multiply(FOUND_ROW_HEIGHT)
                        .add(Bindings.createDoubleBinding(
                                () -> list.getInsets().getTop()
                                        + list.getInsets().getBottom()
                                        + 2,
                                list.insetsProperty())));
        list.visibleProperty().bind(Bindings.isNotEmpty(discovery.servers()));
        list.managedProperty().bind(list.visibleProperty());
        list.getSelectionModel().selectedItemProperty().subscribe(chosen -> {
            if (chosen != null) {
                viewModel.addressProperty().set(chosen.address());
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                viewModel.join();
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                viewModel.join();
                event.consume();
            }
        });
        list.disableProperty().bind(viewModel.busyProperty());

        var spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        spinner.visibleProperty().bind(discovery.lookingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        var status = new Label();
        status.setId("foundServersStatus");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.textProperty()
                .bind(Bindings.when(discovery.lookingProperty())
                        .then(text.get("welcome.found.looking"))
                        .otherwise(text.get("welcome.found.none")));
        var statusLine = new HBox(6, spinner, status);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        statusLine.visibleProperty().bind(Bindings.isEmpty(discovery.servers()));
        statusLine.managedProperty().bind(statusLine.visibleProperty());

        return new VBox(4, heading, list, statusLine);
    }

    /** A found server: its name, and its address and version, muted, under it. */
    private static final class FoundServerCell extends ListCell<FoundServer> {
        private final Messages text;

        FoundServerCell(Messages text) {
            this.text = text;
            getStyleClass().add("found-server-cell");
        }

        @Override
        protected void updateItem(FoundServer server, boolean empty) {
            super.updateItem(server, empty);
            if (empty || server == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            var name = new Label(server.name());
            name.getStyleClass().add("found-server-name");
            var detail = new Label(
                    server.version().isEmpty()
                            ? server.address()
                            : text.get("welcome.found.detail", server.address(), server.version()));
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            var lines = new VBox(0, name, detail);
            var row = new HBox(8, new FontIcon(Feather.SERVER), lines);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            setAccessibleText(server.name() + ", " + server.address());
        }
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
        var detail = new Label(text.get(detailKey)) {
            /** Asked its height without a width (the card asks so), the height at its own width. */
            @Override
            protected double computePrefHeight(double width) {
                return super.computePrefHeight(width < 0 ? getPrefWidth() : width);
            }
        };
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.setWrapText(true);
        var card = new Card();
        // A card asks its body's height without a width, and a wrapping label then answers for
        // one line: a longer (Russian) sentence was cut short with "…". The column is always
        // COLUMN_WIDTH wide (the window's minimum is wider), so the label answers for that less
        // the card's padding (above), and the card is as tall as its lines.
        detail.setPrefWidth(COLUMN_WIDTH - CARD_PADDING);
        detail.setMinHeight(Region.USE_PREF_SIZE);
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

    private Message noticeMessage() {
        var message = new Message(null, null, new FontIcon(Feather.MAIL));
        message.setId("welcomeNotice");
        message.getStyleClass().add(Styles.ACCENT);
        message.descriptionProperty().bind(viewModel.noticeProperty());
        message.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
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
