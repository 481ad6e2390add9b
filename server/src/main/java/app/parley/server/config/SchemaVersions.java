package app.parley.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Compares the migrations applied to a database with the ones this code carries. Flyway itself
 * starts quietly on a database with migrations it does not know ("future" ones), and a server
 * would then write to a schema it does not understand; this refuses that first.
 */
public final class SchemaVersions {
    public static final String LOCATION = Storage.SQLITE.migrations();

    private SchemaVersions() {}

    /** Throws {@link NewerDatabaseException} if a newer Parley migrated this database; a missing file is fine. */
    public static void requireNotNewer(Path database) {
        if (!Files.isRegularFile(database)) {
            return;
        }
        requireNotNewer(
                database.toString(),
                Flyway.configure()
                        .dataSource("jdbc:sqlite:" + database, null, null)
                        .locations(LOCATION)
                        .load());
    }

    /** The same for a PostgreSQL database; one not made yet, or without Parley's tables, is fine. */
    public static void requireNotNewer(PostgresqlSettings postgresql) {
        requireNotNewer(
                postgresql.url(),
                Flyway.configure()
                        .dataSource(postgresql.url(), postgresql.user(), postgresql.password())
                        .locations(Storage.POSTGRESQL.migrations())
                        .load());
    }

    private static void requireNotNewer(String database, Flyway flyway) {
        MigrationInfo[] applied;
        try {
            applied = flyway.info().all();
        } catch (FlywayException unreadable) {
            // Not a database Flyway can read (damaged, or not SQLite): not "newer". Whoever opens it
            // next says what is wrong with it (check reports it, the server fails to start).
            return;
        }
        MigrationInfo[] future = Arrays.stream(applied)
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                        || info.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (future.length > 0) {
            String newest = Arrays.stream(future)
                    .map(MigrationInfo::getVersion)
                    .max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion)
                    .orElseThrow();
            throw new NewerDatabaseException(database, newest, codeVersion(flyway));
        }
    }

    private static String codeVersion(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(info -> info.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("none");
    }
}
