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
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
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
        var photo = clara.upload(group.id(), lighthouse(), sent -> {}).join();
        clara.send(group.id(), "Вот как он выглядит сейчас", "g-5", List.of(photo.id()));
        boris.send(group.id(), "Да, добавлю в список.", "g-6", List.of());
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

        robot.clickOn("#conversationHeader");
        ui.awaitNode("#memberList");
        Thread.sleep(500); // the members arrive a moment after the dialog opens
        saveWindowOf("#groupInfoDialog", "group-info", theme);
        robot.clickOn("#inviteButton");
        ui.awaitNode("#inviteDialog");
        robot.clickOn("#createInviteButton");
        ui.awaitNode("#createdInvite");
        Thread.sleep(500);
        saveWindowOf("#inviteDialog", "invite", theme);
    }

    /** A small picture of a lighthouse at dusk, drawn here so the tour needs no image files. */
    private Path lighthouse() throws Exception {
        var image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        var pen = image.createGraphics();
        pen.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        pen.setPaint(new GradientPaint(0, 0, new Color(0x1f3b73), 0, 300, new Color(0xf29e4c)));
        pen.fillRect(0, 0, 640, 300);
        pen.setColor(new Color(0x23425f));
        pen.fillRect(0, 300, 640, 100);
        pen.setColor(new Color(0xf4f1e8));
        pen.fillPolygon(new int[] {290, 350, 338, 302}, new int[] {300, 300, 120, 120}, 4);
        pen.setColor(new Color(0xc0392b));
        pen.fillRect(298, 170, 44, 22);
        pen.fillRect(294, 240, 52, 22);
        pen.setColor(new Color(0xffe08a));
        pen.fillRect(304, 96, 32, 24);
        pen.dispose();
        Path file = home.resolve("маяк.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
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

    private void saveWindowOf(String query, String screen, ThemeChoice theme) throws Exception {
        Scene scene = Ui.onFx(() -> robot.lookup(query).query().getScene());
        Snapshots.save(scene, OUT, screen + "-" + theme.name().toLowerCase(Locale.ROOT));
    }

    private void save(String screen, ThemeChoice theme) throws Exception {
        Thread.sleep(300); // let the last pulse's animations (focus rings, fades) settle
        Snapshots.save(ui.window().getScene(), OUT, screen + "-" + theme.name().toLowerCase(Locale.ROOT));
    }
}
