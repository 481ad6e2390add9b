package app.parley.desktop.chats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import app.parley.model.chat.ChatRoom;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Muting a chat from the list: marked, left out of the total, quiet except for a mention, and unmuted again. */
@Tag("gui")
class MuteTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;
    private ApiClient boris;
    private ApiClient anna;
    private long group;

    @BeforeEach
    void annaInAGroupWithBoris() {
        server = TestServer.start(serverData);
        boris = server.register("boris", "Boris");
        anna = server.register("anna", "Anna");
        group = boris.createGroup("Chatter", "", List.of(anna.me().id())).id();
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.token()));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void aMutedChatIsMarkedLeftOutOfTheTotalAndQuietUntilSomeoneMentionsThePerson() throws Exception {
        boris.send(group, "first", "b-1", List.of());
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitBadge("1");

        fireInChatMenu(item -> item instanceof Menu menu && menu.getId().equals("muteMenu")
                ? ((Menu) item).getItems().getFirst()
                : null);

        ui.awaitNode(".muted-mark");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> !ui.window().getTitle().contains("(")));
        ChatRoom seenByServer = anna.chats().getFirst();
        assertTrue(seenByServer.muted(), "the server keeps the mute");
        assertTrue(seenByServer.mutedUntil() != null, "for an hour, not for ever");

        boris.send(group, "more chatter", "b-2", List.of());
        ui.awaitBadge("2");
        Thread.sleep(1_000);
        assertEquals(null, Ui.onFx(() -> ui.visible("#notifications .notice")), "a muted chat shows no toast");
        Snapshots.save(ui.window().getScene(), "chat-list-muted");

        boris.send(group, "@anna are you there?", "b-3", List.of());
        ui.awaitNode("#notifications .notice");
        assertTrue(Ui.onFx(() -> ui.window().getTitle().contains("1")), "a mention counts in the total");

        fireInChatMenu(item -> "unmuteItem".equals(item.getId()) ? item : null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Ui.onFx(() -> ui.visible(".muted-mark") == null));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !anna.chats().getFirst().muted());
    }

    /** The headless platform opens no context menu for a right click: the chat cell's item is fired. */
    private void fireInChatMenu(java.util.function.Function<MenuItem, MenuItem> pick) throws Exception {
        Ui.onFx(() -> {
            ListCell<?> cell = robot.lookup("#chatList .list-cell").queryAllAs(ListCell.class).stream()
                    .filter(shown -> shown.getItem() != null)
                    .findFirst()
                    .orElseThrow();
            cell.getContextMenu().getItems().stream()
                    .map(pick)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElseThrow()
                    .fire();
            return null;
        });
    }
}
