package app.parley.desktop.presence;

import app.parley.desktop.app.Background;
import app.parley.desktop.net.ApiClient;
import app.parley.model.event.ChatCreatedEvent;
import app.parley.model.event.EventTypes;
import app.parley.model.event.MembersChangedEvent;
import app.parley.model.event.PresenceEvent;
import app.parley.model.event.ServerEvent;
import app.parley.model.presence.UserPresence;
import java.util.HashMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who of the people the signed-in person shares chats with is online, away or offline: read
 * from the server when the main socket opens, then kept by its {@code presence} frames. Lives on
 * the FX thread.
 */
public final class PresenceBook {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceBook.class);

    private final ApiClient api;
    private final Background background;
    private final ObservableMap<Long, UserPresence> known = FXCollections.observableHashMap();
    /**
     * The read-only view handed out, made once: such a view hears the map through a weak listener,
     * so a view made per caller could be collected with its listeners still wanting changes.
     */
    private final ObservableMap<Long, UserPresence> readOnly = FXCollections.unmodifiableObservableMap(known);
    /** For each person, the number of the last frame heard about them: a reload read earlier must not undo it. */
    private final Map<Long, Long> heardAt = new HashMap<>();

    private long heard;
    private final ReadOnlyIntegerWrapper tick = new ReadOnlyIntegerWrapper(this, "tick");
    private final Timeline ticking;

    public PresenceBook(ApiClient api, Background background) {
        this.api = api;
        this.background = background;
        // "last seen 5 minutes ago" grows older by itself.
        this.ticking = new Timeline(new KeyFrame(Duration.seconds(30), event -> tick.set(tick.get() + 1)));
        ticking.setCycleCount(Animation.INDEFINITE);
        ticking.play();
    }

    /** Reads everyone's presence again: when the main socket has (re)opened, or new people share a chat. */
    public void reload() {
        long asked = heard;
        background.run(
                api::presence,
                list -> list.users().forEach(presence -> {
                    if (heardAt.getOrDefault(presence.userId(), -1L) <= asked) {
                        known.put(presence.userId(), presence);
                    }
                }),
                failure -> LOG.debug("Could not read presence", failure));
    }

    /**
     * The main socket dropped: nobody's presence is known until it is back, so no one shows as
     * online (the host of a server that went down went on showing a green dot).
     */
    public void forget() {
        known.clear();
    }

    /** A frame from the main socket. */
    public void apply(ServerEvent event) {
        switch (event) {
            case PresenceEvent presence -> {
                heardAt.put(presence.userId(), ++heard);
                known.put(presence.userId(), presence.presence());
            }
            case ChatCreatedEvent _ -> reload();
            case MembersChangedEvent added when added.type().equals(EventTypes.MEMBERS_ADDED) -> reload();
            default -> {}
        }
    }

    /** Everyone known so far, by user id; people never heard of are absent. */
    public ObservableMap<Long, UserPresence> known() {
        return readOnly;
    }

    /** One person's presence, or null when not known (yet). */
    public UserPresence of(long userId) {
        return known.get(userId);
    }

    /** Goes up every half minute, so that relative times ("5 minutes ago") are said again. */
    public ReadOnlyIntegerProperty tickProperty() {
        return tick.getReadOnlyProperty();
    }

    /** Stops the clock (the person signed out or the app closes). */
    public void close() {
        ticking.stop();
    }
}
