package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import app.parley.model.message.Message;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Receipts under one's own messages: ✓ when stored, a muted ✓✓ once the other's device has it, an
 * accent ✓✓ when read, "✓✓ N" in a group.
 */
@Tag("gui")
class ReceiptsTest {
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
    void aPrivateMessageShowsSentThenDeliveredThenRead() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Борис");
        var anna = server.client().register("anna", "correct horse battery", "Anna");
        var chat = boris.openPrivateChat(anna.user().id());
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#chatList .chat-cell");
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        ui.awaitNode("#composer");
        robot.clickOn("#composer").write("Ты получил файлы?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> sentMarkShown() && receipt().isEmpty());
        Snapshots.save(ui.window().getScene(), "conversation-receipt-sent");

        // Boris has no socket open: his device gets the message when it fetches the history.
        Message sent = boris.history(chat.id(), null, 1).results().getFirst();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> receipt().equals("✓✓"));
        assertEquals(false, receiptIsRead());
        assertEquals(false, sentMarkShown());
        assertEquals("Delivered to Борис", receiptTooltip());
        snapshotsLightAndDark("conversation-receipt-delivered");

        boris.markRead(chat.id(), sent.id());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, this::receiptIsRead);
        assertEquals("✓✓", receipt());
        assertEquals("Read by Борис", receiptTooltip());
        snapshotsLightAndDark("conversation-receipt-read");
    }

    @Test
    void aGroupMessageShowsHowManyHaveReadItLiveAndAfterReopening() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        ApiClient clara = server.register("clara", "Клара");
        var anna = server.client().register("anna", "correct horse battery", "Anna");
        var group = boris.createGroup(
                "Маяк", "", List.of(anna.user().id(), clara.me().id()));
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#chatList .chat-cell");
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        ui.awaitNode("#composer");
        robot.clickOn("#composer").write("Кто придёт в четверг?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> boris.history(group.id(), null, 1).results().size() == 1);
        Message sent = boris.history(group.id(), null, 1).results().getFirst();
        ui.awaitNode(".message-state");

        boris.markRead(group.id(), sent.id());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> receipt().equals("✓✓ 1"));
        clara.markRead(group.id(), sent.id());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> receipt().equals("✓✓ 2"));
        assertEquals(
                "Read by Boris, Клара",
                Ui.onFx(() ->
                        ((Label) ui.visible(".message-receipt")).getTooltip().getText()));
        Snapshots.save(ui.window().getScene(), "conversation-receipts");

        app.close();
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#chatList .chat-cell");
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> receipt().equals("✓✓ 2"));
    }

    private boolean sentMarkShown() throws Exception {
        return Ui.onFx(() -> ui.visible(".message-state") != null);
    }

    private boolean receiptIsRead() throws Exception {
        return Ui.onFx(() -> {
            Node shown = ui.visible(".message-receipt");
            return shown != null && shown.getPseudoClassStates().contains(PseudoClass.getPseudoClass("read"));
        });
    }

    private String receiptTooltip() throws Exception {
        return Ui.onFx(
                () -> ((Label) ui.visible(".message-receipt")).getTooltip().getText());
    }

    /** Saves the window light and dark, and leaves the light theme on. */
    private void snapshotsLightAndDark(String name) throws Exception {
        Snapshots.save(ui.window().getScene(), name + "-light");
        try {
            WaitForAsyncUtils.asyncFx(
                            () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()))
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.save(ui.window().getScene(), name + "-dark");
        } finally {
            WaitForAsyncUtils.asyncFx(
                            () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()))
                    .get();
        }
    }

    private String receipt() throws Exception {
        return Ui.onFx(() -> {
            Node shown = ui.visible(".message-receipt");
            return shown == null ? "" : ((Label) shown).getText();
        });
    }
}
