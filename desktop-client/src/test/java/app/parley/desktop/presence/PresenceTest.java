package app.parley.desktop.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.support.SignedInWithBoris;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.Ui;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presence in the app, against a real server: the dot on a private chat's avatar and the line
 * under the name follow the other person (online, away, last seen), and the app itself tells the
 * server when its person is idle and back.
 */
@Tag("gui")
class PresenceTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private final HttpClient http = HttpClient.newHttpClient();
    private SignedInWithBoris people;
    private ApiClient boris;

    @BeforeEach
    void annaAndBorisShareAChat() {
        people = SignedInWithBoris.start(serverData, home);
        boris = people.boris();
        boris.openPrivateChat(people.anna().me().id());
    }

    @AfterEach
    void stop() throws Exception {
        people.close();
    }

    @Test
    void aPrivateChatShowsTheOtherPersonOnlineAwayAndWhenLastSeen() throws Exception {
        people.startApp();
        ui.click("#chatList .list-cell");
        awaitHeaderLine("offline");
        assertEquals(null, Ui.onFx(() -> ui.visible("#chatList .presence-dot")), "nobody online: no dot");
        // What listens to presence must outlive a collection (a weakly held view once lost every change).
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }

        WebSocket borisApp = connect(boris, "/api/v1/main", new LinkedBlockingQueue<>());
        ui.awaitNode("#chatList .presence-dot.online");
        ui.awaitNode("#conversationAvatar .presence-dot.online");
        awaitHeaderLine("online");
        Snapshots.save(ui.window().getScene(), "presence-online");

        borisApp.sendText("{\"type\":\"presence\",\"status\":\"away\"}", true).join();
        ui.awaitNode("#chatList .presence-dot.away");
        awaitHeaderLine("away");

        borisApp.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        awaitHeaderLine("last seen just now"); // after the server's grace of a few seconds
        assertEquals(null, Ui.onFx(() -> ui.visible("#chatList .presence-dot")), "offline: no dot");
        Snapshots.save(ui.window().getScene(), "presence-last-seen");
    }

    @Test
    void nobodyShowsOnlineWhileTheServerIsOutOfReach() throws Exception {
        WebSocket borisApp = connect(boris, "/api/v1/main", new LinkedBlockingQueue<>());
        people.startApp();
        ui.awaitNode("#chatList .presence-dot.online");

        int port = people.server().port();
        people.server().stop();
        ui.awaitNode("#offlineBar");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> Ui.onFx(() -> ui.visible("#chatList .presence-dot") == null));

        people.server().startAgain(port);
        borisApp.abort();
        WebSocket borisAgain = connect(boris, "/api/v1/main", new LinkedBlockingQueue<>());
        ui.awaitNode("#chatList .presence-dot.online"); // known again once the app is back
        borisAgain.abort();
    }

    @Test
    void anIdleAppShowsItsPersonAwayToOthersUntilTheyTouchIt() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        WebSocket borisWatching = connect(boris, "/api/v1/main?presence=true", heard);
        people.startApp(Map.of("parley.desktop.idle-after", "2"));
        awaitPresenceOfAnna(heard, "online");
        awaitPresenceOfAnna(heard, "away");

        robot.moveTo(ui.window().getScene().getRoot()).moveBy(15, 10);
        awaitPresenceOfAnna(heard, "online");
        borisWatching.abort();
    }

    private void awaitHeaderLine(String expected) throws Exception {
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> expected.equals(Ui.onFx(() -> ((Label) ui.visible("#typingLine")).getText())));
    }

    private void awaitPresenceOfAnna(BlockingQueue<String> heard, String status) throws InterruptedException {
        long anna = people.anna().me().id();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String frame = heard.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null
                    && frame.contains("\"type\":\"presence\"")
                    && frame.contains("\"user_id\":" + anna)
                    && frame.contains("\"status\":\"" + status + "\"")) {
                return;
            }
        }
        throw new AssertionError("Boris never heard that Anna is " + status);
    }

    /** A socket of someone else's app, as the server sees any client. */
    private WebSocket connect(ApiClient who, String path, BlockingQueue<String> frames) {
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + who.token())
                .buildAsync(people.address().socket(path), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                })
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }
}
