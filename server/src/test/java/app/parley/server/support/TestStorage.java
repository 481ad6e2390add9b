package app.parley.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database the test servers store in ({@code -Dparley.test.storage}: {@code sqlite}, the
 * default, or {@code postgresql}), and the one PostgreSQL a test run shares: started when the
 * first test asks for it, stopped when the run ends.
 */
public final class TestStorage {
    public static final String PROPERTY = "parley.test.storage";
    public static final String POSTGRESQL = "postgresql";

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(TestStorage.class);

    private TestStorage() {}

    /** Whether this run's servers store in PostgreSQL. */
    public static boolean postgresql() {
        return POSTGRESQL.equals(System.getProperty(PROPERTY));
    }

    /** A column {@code id} numbering a test table's rows in the order they were written, in this run's database. */
    public static String idColumn() {
        return postgresql() ? "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "id INTEGER PRIMARY KEY";
    }

    static PostgresServer postgres(ExtensionContext context) {
        return context.getRoot()
                .getStore(SHARED)
                // JUnit closes an AutoCloseable kept in the root store when the whole run ends.
                .getOrComputeIfAbsent(PostgresServer.class, key -> started(), PostgresServer.class);
    }

    private static PostgresServer started() {
        try {
            return PostgresServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
