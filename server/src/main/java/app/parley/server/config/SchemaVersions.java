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
    public static final String LOCATION = "classpath:db/migration/sqlite";

    private SchemaVersions() {}

    /** Throws {@link NewerDatabaseException} if a newer Parley migrated this database; a missing file is fine. */
    public static void requireNotNewer(Path database) {
        if (!Files.isRegularFile(database)) {
            return;
        }
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:sqlite:" + database, null, null)
                .locations(LOCATION)
                .load();
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
