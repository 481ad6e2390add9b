package app.parley.desktop.tour;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.app.Settings;
import app.parley.desktop.app.SettingsStore;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.RealtimeClient;
import app.parley.desktop.net.RealtimeListener;
import app.parley.desktop.net.RealtimeSocket;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.desktop.theme.ThemeChoice;
import app.parley.model.ParleyJson;
import app.parley.model.event.ServerEvent;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the main screens, light and dark, into {@code docs/screenshots} (or
 * {@code -Dparley.screenshots.dir}): not a test of behaviour (the other tests are), but the
 * pictures the README shows. Run by the command in README.md; left out of {@code mvn verify}.
 */
@Tag("screenshots")
class ScreenTour {
    private static final Path OUT = Path.of(System.getProperty("parley.screenshots.dir", "target/screenshots/tour"));

    @TempDir
    Path serverData;

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private TestServer server;
    private RunningApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        timers.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = ThemeChoice.class,
            names = {"LIGHT", "DARK"})
    void welcomeAndSignIn(ThemeChoice theme) throws Exception {
        server = TestServer.start(serverData);
        server.register("anna", "Анна Каренина");
        useTheme(theme);
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#welcomeView");
        save("welcome", theme);

        robot.clickOn("#addressField").write(server.address().display());
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#usernameField");
        robot.clickOn("#usernameField").write("anna");
        robot.clickOn("#passwordField").write("not her password");
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#signInProblem");
        save("sign-in", theme);
    }

    @ParameterizedTest
    @EnumSource(
            value = ThemeChoice.class,
            names = {"LIGHT", "DARK"})
    void chatListAndConversation(ThemeChoice theme) throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris Pasternak");
        ApiClient clara = server.register("clara", "Клара Новикова");
        ApiClient dmitri = server.register("dmitri", "Dmitri Ivanovich Mendeleev of the Periodic Table");
        var anna = server.client().register("anna", "correct horse battery", "Anna");
        long annaId = anna.user().id();
        ApiClient annaApi = server.client().signedIn(anna.accessToken());

        var group = boris.createGroup(
                "Проект «Маяк»",
                "Lighthouse restoration",
                List.of(annaId, clara.me().id(), dmitri.me().id()));
        boris.send(group.id(), "Доброе утро! The survey is done.", "g-1", List.of());
        clara.send(group.id(), "Отлично. Чертежи здесь: https://example.org/mayak/plans", "g-2", List.of());
        annaApi.send(group.id(), "I'll print them for Thursday's meeting.", "g-3", List.of());
        dmitri.send(
                group.id(),
                "Could we also check the lamp's lens? It has been cracked since the winter storm, and the"
                        + " replacement takes weeks to arrive.",
                "g-4",
                List.of());
        boris.send(group.id(), "Да, добавлю в список.", "g-5", List.of());
        var withClara = clara.openPrivateChat(annaId);
        clara.send(withClara.id(), "Ты придёшь сегодня?", "c-1", List.of());
        clara.send(withClara.id(), "Я принесу пирог к чаю", "c-2", List.of());
        var withDmitri = dmitri.openPrivateChat(annaId);
        dmitri.send(withDmitri.id(), "The elements table is ready for review.", "d-1", List.of());
        annaApi.markRead(
                withDmitri.id(),
                annaApi.history(withDmitri.id(), null, 1).results().getFirst().id());

        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        useTheme(theme);
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#chatList .chat-cell");
        ui.awaitBadge("2");
        save("chat-list", theme);

        robot.clickOn(robot.lookup("#chatList .chat-cell")
                .lookup((Node node) ->
                        node instanceof Label label && label.getText().equals("Проект «Маяк»"))
                .queryAs(Node.class));
        ui.awaitNode("#messageList");
        try (RealtimeSocket typing = typingIn(clara, group.id())) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, typing::isOpen);
            typing.send(Map.of("type", "typing"));
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> Ui.onFx(() -> robot.lookup("#typingLine")
                            .queryAs(Label.class)
                            .getText()
                            .contains("typing")));
            save("conversation", theme);
        }
    }

    private RealtimeSocket typingIn(ApiClient who, long chatId) {
        var realtime = new RealtimeClient(
                HttpClient.newHttpClient(), ParleyJson.mapper(), timers, Duration.ofMillis(100), Duration.ofSeconds(1));
        return realtime.chat(who, () -> "/api/v1/chat/" + chatId, new RealtimeListener() {
            @Override
            public void frame(ServerEvent frame) {}
        });
    }

    private void useTheme(ThemeChoice theme) {
        new SettingsStore(home.resolve("settings.json"), ParleyJson.mapper()).save(new Settings(theme));
    }

    private void save(String screen, ThemeChoice theme) throws Exception {
        Thread.sleep(300); // let the last pulse's animations (focus rings, fades) settle
        Snapshots.save(ui.window().getScene(), OUT, screen + "-" + theme.name().toLowerCase(Locale.ROOT));
    }
}
