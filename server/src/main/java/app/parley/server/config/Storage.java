package app.parley.server.config;

import java.util.Locale;

/** Where chats are stored ({@code parley.storage}). */
public enum Storage {
    /** A file in the data dir: one server, nothing to set up. */
    SQLITE,
    /** One database that several Parley nodes share. */
    POSTGRESQL;

    public static final String PROPERTY = "parley.storage";

    /** The setting's value, e.g. {@code "postgresql"}; anything else is refused with the choices named. */
    public static Storage of(String setting) {
        try {
            return valueOf(setting.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PROPERTY + " is \"" + setting + "\": it must be sqlite or postgresql", e);
        }
    }

    /** The folder of its Flyway migrations, the same version numbers in each. */
    public String migrations() {
        return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
    }
}
