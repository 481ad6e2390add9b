package app.parley.desktop.chats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.support.CellMenus;
import app.parley.desktop.support.SignedInWithBoris;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.Ui;
import app.parley.model.chat.ChatRoom;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private final CellMenus menus = new CellMenus(robot);
    private SignedInWithBoris people;
    private ApiClient boris;
    private ApiClient anna;
    private long group;

    @BeforeEach
    void annaInAGroupWithBoris() {
        people = SignedInWithBoris.start(serverData, home);
        boris = people.boris();
        anna = people.anna();
        group = boris.createGroup("Chatter", "", List.of(anna.me().id())).id();
    }

    @AfterEach
    void stop() throws Exception {
        people.close();
    }

    @Test
    void aMutedChatIsMarkedLeftOutOfTheTotalAndQuietUntilSomeoneMentionsThePerson() throws Exception {
        boris.send(group, "first", "b-1", List.of());
        people.startApp();
        ui.awaitBadge("1");

        menus.fire("#chatList", 0, "Mute", "For 1 hour");

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

        menus.fire("#chatList", 0, "Unmute");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Ui.onFx(() -> ui.visible(".muted-mark") == null));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !anna.chats().getFirst().muted());
    }
}
