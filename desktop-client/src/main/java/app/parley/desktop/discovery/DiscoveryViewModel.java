package app.parley.desktop.discovery;

import app.parley.desktop.app.Background;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parley servers on this network, live, for "Join a server": watched from {@link #start()}
 * until {@link #close()}, sorted by name, one entry per address. {@code looking} stays true for a
 * few seconds after the start, so that an empty list first says "looking" and then "none found".
 */
public final class DiscoveryViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryViewModel.class);
    static final Duration LOOKING_FOR = Duration.ofSeconds(5);

    /** Opens a browser on an address; {@link ServerBrowser#start} in the app. */
    public interface Browsers {
        ServerBrowser open(
                InetAddress on,
                java.util.function.Consumer<FoundServer> found,
                java.util.function.Consumer<String> lost)
                throws Exception;
    }

    private final Background background;
    private final ScheduledExecutorService timers;
    private final Browsers browsers;
    private final InetAddress on;
    private final ObservableList<FoundServer> found = FXCollections.observableArrayList();
    private final SortedList<FoundServer> sorted = new SortedList<>(
            found,
            Comparator.comparing(FoundServer::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(FoundServer::address));
    private final ReadOnlyBooleanWrapper looking = new ReadOnlyBooleanWrapper(this, "looking", false);
    private ServerBrowser browser;
    private ScheduledFuture<?> lookingTimer;
    private volatile boolean closed;

    public DiscoveryViewModel(
            Background background, ScheduledExecutorService timers, Browsers browsers, InetAddress on) {
        this.background = background;
        this.timers = timers;
        this.browsers = browsers;
        this.on = on;
    }

    public ObservableList<FoundServer> servers() {
        return sorted;
    }

    public ReadOnlyBooleanProperty lookingProperty() {
        return looking.getReadOnlyProperty();
    }

    /** Starts watching, off the FX thread. Call on the FX thread. */
    public void start() {
        looking.set(true);
        lookingTimer = timers.schedule(
                () -> background.onUi(() -> looking.set(false)), LOOKING_FOR.toMillis(), TimeUnit.MILLISECONDS);
        background.run(
                () -> browsers.open(
                        on,
                        server -> background.onUi(() -> add(server)),
                        instance -> background.onUi(
                                () -> found.removeIf(s -> s.instance().equals(instance)))),
                opened -> {
                    if (closed) {
                        closeLater(opened);
                    } else {
                        browser = opened;
                    }
                },
                failure -> {
                    // No multicast here: the list stays empty and the address field works as ever.
                    LOG.info("Not looking for servers on the network: {}", failure.toString());
                    looking.set(false);
                });
    }

    private void add(FoundServer server) {
        if (closed) {
            return;
        }
        found.removeIf(known ->
                known.instance().equals(server.instance()) || known.address().equals(server.address()));
        found.add(server);
    }

    /** Stops watching; the list is emptied. Call on the FX thread. */
    @Override
    public void close() {
        closed = true;
        if (lookingTimer != null) {
            lookingTimer.cancel(false);
        }
        found.clear();
        looking.set(false);
        ServerBrowser open = browser;
        browser = null;
        if (open != null) {
            // Its own thread, not the app's workers: JmDNS takes ~2 s to close, its threads are not
            // daemons, and when the app stops its workers are shut down at once; a browser left
            // open would keep the process alive after the window closed.
            closeLater(open);
        }
    }

    private static void closeLater(ServerBrowser browser) {
        Thread.ofVirtual().name("parley-discovery-close").start(() -> closeQuietly(browser));
    }

    private static void closeQuietly(ServerBrowser browser) {
        try {
            browser.close();
        } catch (Exception e) {
            LOG.debug("Closing the network browser failed", e);
        }
    }
}
