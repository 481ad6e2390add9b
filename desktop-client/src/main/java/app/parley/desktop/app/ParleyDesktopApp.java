package app.parley.desktop.app;

import app.parley.desktop.connect.ServerConnector;
import app.parley.desktop.host.Hosting;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.instance.InstanceUnreachableException;
import app.parley.desktop.instance.SingleInstance;
import app.parley.desktop.net.RealtimeClient;
import app.parley.desktop.outbox.OutboxStore;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.theme.Themes;
import app.parley.desktop.tls.KnownCertificates;
import app.parley.desktop.tls.PinningTrustManager;
import app.parley.desktop.tray.Tray;
import app.parley.desktop.tray.Trays;
import app.parley.model.ParleyJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the object graph by hand and shows the first screen.
 *
 * <p>Every collaborator is created here and passed in through constructors, so screens never
 * reach for globals and tests can build any part of the graph on its own.
 */
public final class ParleyDesktopApp extends Application {
    static final double INITIAL_WIDTH = 1000;
    static final double INITIAL_HEIGHT = 680;
    private static final Logger LOG = LoggerFactory.getLogger(ParleyDesktopApp.class);

    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private ExecutorService workers;
    private ScheduledExecutorService timers;
    private Hosting hosting;
    private AppFlow flow;
    private Tray tray;
    private SingleInstance instance;
    private volatile boolean stopped;
    private Thread endedBySignal;
    private Optional<ClassDataArchive> classData = Optional.empty();

    /** As launched: the process's environment and system properties. */
    public ParleyDesktopApp() {
        this(System.getenv(), systemProperties());
    }

    /** With a given environment and properties (tests point {@code parley.desktop.home} at a temporary folder). */
    ParleyDesktopApp(Map<String, String> environment, Map<String, String> properties) {
        this.environment = Map.copyOf(environment);
        this.properties = Map.copyOf(properties);
    }

    @Override
    public void start(Stage stage) {
        AppDirectories directories = AppDirectories.forThisUser(environment, properties);
        List<String> arguments =
                getParameters() == null ? List.of() : getParameters().getRaw();
        if (!becomeTheRunningInstance(directories, arguments, stage)) {
            Platform.exit(); // the app already running has the link now
            return;
        }
        classData = ClassDataArchive.ofThisJvm();
        ObjectMapper json = ParleyJson.mapper();
        workers = Executors.newVirtualThreadPerTaskExecutor();
        hosting = new Hosting(directories.hostedServerData(), workers);
        // Ended by a signal (the desktop session logging out, say), the app never gets stop().
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            if (!stopped) {
                classData.ifPresent(archive -> archive.afterRun(hosting.hasHosted()));
            }
        }));
        SessionStore sessions = new SessionStore(directories.sessionFile(), json);
        // The embedded server takes longer to start than the window to build: a remembered hosted
        // session starts it now, and the window is built meanwhile.
        sessions.load()
                .filter(saved -> saved.signedIn() && saved.hosted())
                .ifPresent(saved -> hosting.startSoon(saved.hostedPort()));
        KnownCertificates certificates = new KnownCertificates(directories.knownServersFile(), json);
        HttpClient http = HttpClient.newBuilder()
                // HTTPS servers are trusted on first use: by the certificate the person trusted, not by a CA.
                .sslContext(PinningTrustManager.context(certificates))
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        Messages text = Messages.forLocale(locale(environment, properties));
        timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("parley-timers").factory());

        SettingsStore settingsStore = new SettingsStore(directories.settingsFile(), json);
        Themes themes = new Themes(settingsStore.load().theme());
        themes.choiceProperty()
                .subscribe(choice -> settingsStore.save(settingsStore.load().withTheme(choice)));

        stage.titleProperty().unbind(); // a stage reused by a test harness may still be bound
        var scene = new Scene(new Region(), INITIAL_WIDTH, INITIAL_HEIGHT);
        scene.getStylesheets()
                .add(ParleyDesktopApp.class.getResource("parley.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.setTitle(text.get("app.title"));
        Trays.iconUrls().forEach(url -> stage.getIcons().add(new Image(url)));
        tray = Trays.forThisSystem(
                text,
                Platform::runLater,
                chatId -> {
                    stage.setIconified(false);
                    stage.show();
                    stage.toFront();
                    if (chatId > 0) {
                        flow.openChat(chatId);
                    }
                },
                // As the window's close button: a hosted server in use is asked about first.
                () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        flow = new AppFlow(
                stage,
                text,
                new ProblemText(text),
                new Background(workers, Platform::runLater),
                new ServerConnector(http, json, hosting),
                hostPort(properties),
                sessions,
                themes,
                Clock.systemDefaultZone(),
                new RealtimeClient(http, json, timers, Duration.ofMillis(500), Duration.ofSeconds(15)),
                timers,
                getHostServices()::showDocument,
                directories.cache(),
                new OutboxStore(directories.outboxFile(), json),
                tray,
                BenchProbe.from(properties),
                idleAfter(properties),
                certificates);
        stage.setOnCloseRequest(event -> {
            if (!new CloseGuard(hosting, text).mayClose(stage, flow.current())) {
                event.consume();
            }
        });
        arguments.stream().filter(ParleyDesktopApp::isInviteLink).forEach(flow::openLink);
        flow.begin();
        stage.show();
    }

    /**
     * How long without input before the person shows as away: {@code parley.desktop.idle-after}
     * in seconds or as an ISO-8601 duration ({@code PT10M}); five minutes by default.
     */
    static Duration idleAfter(Map<String, String> properties) {
        String value = properties.getOrDefault("parley.desktop.idle-after", "").strip();
        if (value.isEmpty()) {
            return Duration.ofMinutes(5);
        }
        try {
            return value.toUpperCase(Locale.ROOT).startsWith("P")
                    ? Duration.parse(value)
                    : Duration.ofSeconds(Long.parseLong(value));
        } catch (RuntimeException e) {
            LOG.warn("parley.desktop.idle-after '{}' is not a duration; using five minutes", value);
            return Duration.ofMinutes(5);
        }
    }

    /**
     * One app per user: false when another is running and has taken the arguments. Links that
     * later launches hand over open here, and bring the window to the front.
     */
    private boolean becomeTheRunningInstance(AppDirectories directories, List<String> arguments, Stage stage) {
        try {
            instance = SingleInstance.claim(
                            directories.home(),
                            arguments,
                            handed -> Platform.runLater(() -> {
                                if (flow != null) {
                                    handed.stream()
                                            .filter(ParleyDesktopApp::isInviteLink)
                                            .forEach(flow::openLink);
                                }
                                stage.setIconified(false);
                                stage.toFront();
                            }))
                    .orElse(null);
            return instance != null;
        } catch (InstanceUnreachableException e) {
            // Better two windows than none: the other one may be stuck.
            LOG.warn("Another Parley holds the lock but does not answer; starting anyway", e);
            return true;
        }
    }

    /** Stops the hosted server cleanly (its sockets are closed, the database is closed). */
    @Override
    public void stop() {
        stopped = true;
        if (endedBySignal != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(endedBySignal);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook sees stopped and does nothing.
            }
        }
        if (flow != null) {
            flow.leaveMain();
        }
        if (tray != null) {
            tray.close();
        }
        if (hosting != null) {
            boolean hosted = hosting.hasHosted();
            hosting.close();
            classData.ifPresent(archive -> archive.afterRun(hosted));
        }
        if (instance != null) {
            instance.close();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    private static boolean isInviteLink(String argument) {
        return app.parley.model.invite.InviteLink.tokenOf(argument).isPresent();
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        return properties;
    }

    /** The port a new hosted server asks for first: 8080, or {@code -Dparley.desktop.host-port=N} (0 = any free one). */
    private static int hostPort(Map<String, String> properties) {
        String chosen = properties.get("parley.desktop.host-port");
        return chosen == null || chosen.isBlank()
                ? ServerConnector.DEFAULT_HOSTED_PORT
                : Integer.parseInt(chosen.strip());
    }

    /**
     * The OS locale, unless {@code -Dparley.desktop.locale=ru} or {@code PARLEY_DESKTOP_LOCALE=ru}
     * (for README's command, which passes no JVM flags) names another.
     */
    private static Locale locale(Map<String, String> environment, Map<String, String> properties) {
        String chosen = properties.getOrDefault("parley.desktop.locale", environment.get("PARLEY_DESKTOP_LOCALE"));
        return chosen == null || chosen.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(chosen.strip());
    }
}
