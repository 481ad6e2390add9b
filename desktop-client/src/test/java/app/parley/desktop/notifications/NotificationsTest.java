package app.parley.desktop.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A message in another chat shows a toast; clicking it opens that chat. */
@Tag("gui")
class NotificationsTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void aMessageInAnotherChatShowsAToastThatOpensIt() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        ApiClient clara = server.register("clara", "Клара Новикова");
        var anna = server.client().register("anna", "correct horse battery", "Anna");
        var withBoris = boris.openPrivateChat(anna.user().id());
        var withClara = clara.openPrivateChat(anna.user().id());
        boris.send(withBoris.id(), "hi", "b-1", List.of());
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#chatList .chat-cell");
        robot.clickOn(robot.lookup("#chatList .chat-cell")
                .lookup((Node node) ->
                        node instanceof Label label && label.getText().equals("Boris"))
                .queryAs(Node.class));
        ui.awaitNode("#conversationView");

        boris.send(withBoris.id(), "in the open chat: no toast", "b-2", List.of());
        clara.send(withClara.id(), "Ты придёшь сегодня?", "c-1", List.of());

        // The main socket may still be connecting: a message before it only reaches the list on
        // its first read, with no toast. Clara writes again until one is shown (one per chat).
        for (int attempt = 2; attempt <= 8 && Ui.onFx(() -> ui.visible("#notifications .notice") == null); attempt++) {
            Thread.sleep(2_000);
            clara.send(withClara.id(), "Ты придёшь сегодня?", "c-" + attempt, List.of());
        }
        ui.awaitNode("#notifications .notice");
        assertEquals(
                1,
                Ui.onFx(() -> robot.lookup("#notifications .notice").queryAll().size()));
        // A toast leaves by itself after a few seconds (not while the pointer rests on it), and a
        // loaded machine can be slower than that between seeing it and pointing at it: then Clara
        // writes again and the new toast is clicked.
        for (int attempt = 1; ; attempt++) {
            try {
                robot.clickOn(Ui.onFx(() -> ui.visible("#notifications .notice")));
                break;
            } catch (RuntimeException gone) {
                if (attempt == 3) {
                    throw gone;
                }
                clara.send(withClara.id(), "Ты тут?", "c-again-" + attempt, List.of());
                ui.awaitNode("#notifications .notice");
            }
        }

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#conversationTitle")
                        .queryAs(Label.class)
                        .getText()
                        .equals("Клара Новикова")));
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> Ui.onFx(
                        () -> robot.lookup("#notifications .notice").queryAll().isEmpty()));
    }
}
