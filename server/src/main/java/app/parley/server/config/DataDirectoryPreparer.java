package app.parley.server.config;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Readies the database before the pool opens its first connection (which happens before any
 * other bean could do it).
 *
 * <p>Asking for the {@link DataDirectory} takes its lock first, so a second server on the same
 * folder stops before it touches the database. On SQLite, this makes the database file's folder
 * (SQLite creates the file but not its folder). With {@code parley.storage: postgresql}, the pool
 * is pointed at {@link PostgresqlSettings}' database instead of SQLite's file. Either way a
 * database a newer Parley migrated is refused here, before Flyway would run over it.
 */
@Singleton
class DataDirectoryPreparer implements BeanCreatedEventListener<DatasourceConfiguration> {
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private final BeanProvider<DataDirectory> dataDirectory;
    private final Storage storage;
    private final BeanProvider<PostgresqlSettings> postgresql;

    DataDirectoryPreparer(
            BeanProvider<DataDirectory> dataDirectory,
            @Value("${" + Storage.PROPERTY + "}") String storage,
            BeanProvider<PostgresqlSettings> postgresql) {
        this.dataDirectory = dataDirectory;
        this.storage = Storage.of(storage);
        this.postgresql = postgresql;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        dataDirectory.get();
        DatasourceConfiguration datasource = event.getBean();
        if (storage == Storage.POSTGRESQL) {
            usePostgresql(datasource, postgresql.get());
        } else {
            prepareSqlite(datasource.getUrl());
        }
        return datasource;
    }

    private static void usePostgresql(DatasourceConfiguration datasource, PostgresqlSettings settings) {
        datasource.setUrl(settings.url());
        datasource.setDriverClassName("org.postgresql.Driver");
        datasource.setUsername(settings.user());
        datasource.setPassword(settings.password());
        datasource.setMaximumPoolSize(settings.poolSize());
        SchemaVersions.requireNotNewer(settings);
    }

    private static void prepareSqlite(String url) {
        if (url == null || !url.startsWith(SQLITE_PREFIX)) {
            return;
        }
        String file = url.substring(SQLITE_PREFIX.length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (!file.isBlank() && !file.startsWith(":memory:")) {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) {
                DataDirectory.createIfMissing(parent);
            }
            SchemaVersions.requireNotNewer(Path.of(file));
        }
    }
}
