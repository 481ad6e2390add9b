package app.parley.desktop.welcome;

import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The welcome screen, built in code: a title, one line of explanation, and the Host and Join
 * actions. All state comes from {@link WelcomeViewModel}.
 */
public final class WelcomeView {

    private static final String STYLESHEET = "welcome.css";

    private final WelcomeViewModel viewModel;
    private final Label title = new Label();
    private final Label tagline = new Label();
    private final Button hostButton = new Button("Host");
    private final Button joinButton = new Button("Join");
    private final VBox root = new VBox();

    public WelcomeView(WelcomeViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        createView();
        bindViewModel();
    }

    public Parent root() {
        return root;
    }

    private void createView() {
        title.setId("welcomeTitle");
        title.getStyleClass().add("welcome-title");
        tagline.setId("welcomeTagline");
        tagline.getStyleClass().add("welcome-tagline");
        tagline.setWrapText(true);
        hostButton.setId("hostButton");
        joinButton.setId("joinButton");

        var actions = new HBox(actionSlot(hostButton, "hostAction"), actionSlot(joinButton, "joinAction"));
        actions.getStyleClass().add("welcome-actions");
        actions.setAlignment(Pos.CENTER);

        root.setId("welcomeView");
        root.getStyleClass().add("welcome");
        root.setAlignment(Pos.CENTER);
        root.getChildren().addAll(title, tagline, actions);
        root.getStylesheets()
                .add(Objects.requireNonNull(WelcomeView.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
    }

    private void bindViewModel() {
        title.textProperty().bind(viewModel.titleProperty());
        tagline.textProperty().bind(viewModel.taglineProperty());
        hostButton.disableProperty().bind(viewModel.hostAvailableProperty().not());
        joinButton.disableProperty().bind(viewModel.joinAvailableProperty().not());
    }

    /**
     * Wraps a button so its "unavailable" tooltip can show: a disabled control receives no mouse
     * events, so a tooltip set on the button itself would never appear.
     */
    private StackPane actionSlot(Button button, String id) {
        var slot = new StackPane(button);
        slot.setId(id);
        var hint = new Tooltip();
        hint.textProperty().bind(viewModel.unavailableHintProperty());
        button.disabledProperty().subscribe(disabled -> {
            if (disabled) {
                Tooltip.install(slot, hint);
            } else {
                Tooltip.uninstall(slot, hint);
            }
        });
        return slot;
    }
}
