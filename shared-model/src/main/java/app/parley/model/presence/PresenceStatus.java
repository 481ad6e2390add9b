package app.parley.model.presence;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether someone is there: {@code online} while any of their sockets is open, {@code away} when
 * every app they have open says its person is idle, {@code offline} when nothing is open.
 */
public enum PresenceStatus {
    ONLINE("online"),
    AWAY("away"),
    OFFLINE("offline");

    private final String wireName;

    PresenceStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The status a client reports for itself: {@code online} or {@code away}; null for anything else. */
    public static PresenceStatus reported(String name) {
        if (ONLINE.wireName.equals(name)) {
            return ONLINE;
        }
        return AWAY.wireName.equals(name) ? AWAY : null;
    }

    public static PresenceStatus fromWireName(String name) {
        for (PresenceStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown presence status: " + name);
    }
}
