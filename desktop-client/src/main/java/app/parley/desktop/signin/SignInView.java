package app.parley.desktop.signin;

import app.parley.desktop.i18n.Messages;
import app.parley.desktop.tls.Fingerprint;
import atlantafx.base.controls.Card;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The sign-in and create-account form, one card; everything it shows comes from {@link SignInViewModel}. */
public final class SignInView {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final SignInViewModel viewModel;
    private final Messages text;
    private final Runnable onBack;
    private final StackPane root = new StackPane();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField name = new TextField();
    private TextInputControl wanted;

    public SignInView(SignInViewModel viewModel, Messages text, Runnable onBack) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.text = Objects.requireNonNull(text);
        this.onBack = Objects.requireNonNull(onBack);
        build();
    }

    public Parent root() {
        return root;
    }

    /** The first empty field gets the keyboard. */
    public void focus() {
        keyboardTo(firstEmptyField());
    }

    /**
     * The form is off while it waits for the server, and a field that is off loses the keyboard
     * (to the "Choose another server" link above the form): once the form is on again, the
     * keyboard goes back to where it was, or to the field the server refused. Without this,
     * what was typed next went to the link.
     */
    private void keepTheKeyboardAcrossBusySpells() {
        username.disabledProperty().subscribe((wasOff, off) -> {
            if (off) {
                var owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
                if (owner instanceof TextInputControl field
                        && field.getProperties().containsKey("parley.field")) {
                    wanted = field;
                }
            } else if (wanted != null) {
                wanted.requestFocus();
            }
        });
    }

    private void keyboardTo(TextInputControl field) {
        wanted = field;
        if (field.getScene() != null) {
            field.requestFocus();
            return;
        }
        // The form is in a Card, whose skin adds it to the scene at the first layout: until then
        // the field has no scene and takes no focus.
        field.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> property, Scene before, Scene now) {
                if (now != null) {
                    property.removeListener(this);
                    if (wanted == field) {
                        field.requestFocus();
                    }
                }
            }
        });
    }

    /** In the form's order: username, password, and the name when creating an account. */
    private TextInputControl firstEmptyField() {
        if (username.getText().isEmpty()) {
            return username;
        }
        if (password.getText().isEmpty() || !viewModel.registeringProperty().get()) {
            return password;
        }
        return name.getText().isEmpty() ? name : password;
    }

    private void build() {
        var heading = new Label();
        heading.setId("signInTitle");
        heading.getStyleClass().add(Styles.TITLE_2);
        heading.textProperty()
                .bind(Bindings.when(viewModel.registeringProperty())
                        .then(text.get("signin.title.register"))
                        .otherwise(text.get("signin.title.signIn")));
        var server = new Label(viewModel.serverLine(), new FontIcon(Feather.SERVER));
        server.setId("signInServer");
        server.getStyleClass().add(Styles.TEXT_MUTED);
        // Explicit lines, not wrapping: a wrapped label's height is guessed at the wrong width
        // before layout, and the card came out a line short (in Russian, its last link overlapped
        // the card's edge).
        server.setWrapText(false);
        server.setMinHeight(Region.USE_PREF_SIZE);

        field(username, "usernameField", "username");
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        field(password, "passwordField", "password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        field(name, "nameField", "name");
        name.setPromptText(text.get("signin.name.prompt"));
        name.textProperty().bindBidirectional(viewModel.nameProperty());

        var nameBlock = labelled("signin.name", name);
        nameBlock.visibleProperty().bind(viewModel.registeringProperty());
        nameBlock.managedProperty().bind(nameBlock.visibleProperty());

        var submit = new Button();
        submit.setId("submitButton");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.textProperty()
                .bind(Bindings.when(viewModel.registeringProperty())
                        .then(text.get("signin.action.register"))
                        .otherwise(text.get("signin.action.signIn")));
        submit.setOnAction(event -> viewModel.submit());

        var spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(viewModel.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());

        var switchMode = new Hyperlink();
        switchMode.setId("switchModeLink");
        switchMode
                .textProperty()
                .bind(Bindings.when(viewModel.registeringProperty())
                        .then(text.get("signin.switch.toSignIn"))
                        .otherwise(text.get("signin.switch.toRegister")));
        switchMode.setOnAction(event -> {
            viewModel.switchMode();
            // The link had the keyboard: it goes to the form the person switched to, not nowhere.
            keyboardTo(firstEmptyField());
        });

        var back = new Hyperlink(text.get("signin.back"), new FontIcon(Feather.ARROW_LEFT));
        back.setId("backLink");
        back.setOnAction(event -> onBack.run());

        var problem = new Message(null, null, new FontIcon(Feather.ALERT_TRIANGLE));
        problem.setId("signInProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.descriptionProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        var form = new VBox(
                12,
                labelled("signin.username", username),
                labelled("signin.password", password),
                nameBlock,
                problem,
                new HBox(8, submit, spinner),
                switchMode);
        form.disableProperty().bind(viewModel.busyProperty());
        HBox.setHgrow(submit, javafx.scene.layout.Priority.ALWAYS);

        var card = new Card();
        card.getStyleClass().add(Styles.ELEVATED_1);
        var header = new VBox(4, heading, server);
        viewModel.hostedFingerprint().ifPresent(fingerprint -> {
            var caption = new Label(text.get("signin.server.fingerprint"));
            caption.getStyleClass().add(Styles.TEXT_MUTED);
            var value = new Label(Fingerprint.inTwoLines(fingerprint));
            value.setId("hostedFingerprint");
            value.getStyleClass().addAll("certificate-fingerprint", Styles.TEXT_SMALL);
            value.setMinHeight(Region.USE_PREF_SIZE);
            header.getChildren().addAll(caption, value);
        });
        header.setStyle("-fx-padding: 0 0 8 0;");
        card.setHeader(header);
        card.setBody(form);

        var column = new VBox(12, back, card);
        column.setMaxWidth(420);
        column.setAlignment(Pos.CENTER_LEFT);
        column.setMaxHeight(Region.USE_PREF_SIZE);

        root.setId("signInView");
        root.setStyle("-fx-padding: 32;");
        root.getChildren().add(column);

        viewModel.problemFieldProperty().subscribe(this::markField);
        keepTheKeyboardAcrossBusySpells();
    }

    private void field(TextInputControl control, String id, String fieldName) {
        control.setId(id);
        control.getProperties().put("parley.field", fieldName);
    }

    private VBox labelled(String labelKey, TextInputControl control) {
        var label = new Label(text.get(labelKey));
        label.setLabelFor(control);
        control.setAccessibleText(text.get(labelKey));
        return new VBox(4, label, control);
    }

    /** Marks the field the server (or the form) refused, and moves the keyboard to it. */
    private void markField(String fieldName) {
        for (TextInputControl control : new TextInputControl[] {username, password, name}) {
            boolean atFault = fieldName.equals(control.getProperties().get("parley.field"));
            control.pseudoClassStateChanged(DANGER, atFault);
            if (atFault) {
                keyboardTo(control);
            }
        }
    }
}
