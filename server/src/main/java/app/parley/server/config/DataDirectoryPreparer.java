package app.parley.server.config;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.BasicJdbcConfiguration;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * SQLite creates the database file but not its folder; this makes the folder before the pool
 * opens its first connection (which happens before any other bean could do it). Asking for the
 * {@link DataDirectory} takes its lock first, so a second server on the same folder stops before
 * it touches the database. A database a newer Parley migrated is refused here too, before
 * Flyway would run over it.
 */
@Singleton
class DataDirectoryPreparer implements BeanCreatedEventListener<BasicJdbcConfiguration> {
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private final BeanProvider<DataDirectory> dataDirectory;

    DataDirectoryPreparer(BeanProvider<DataDirectory> dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public BasicJdbcConfiguration onCreated(BeanCreatedEvent<BasicJdbcConfiguration> event) {
        dataDirectory.get();
        String url = event.getBean().getUrl();
        if (url != null && url.startsWith(SQLITE_PREFIX)) {
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
        return event.getBean();
    }
}
