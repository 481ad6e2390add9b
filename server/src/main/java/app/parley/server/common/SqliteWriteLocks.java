package app.parley.server.common;

import app.parley.server.config.Storage;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** SQLite's single-writer permit already makes every write transaction the only one: nothing to take. */
@Singleton
@Requires(property = Storage.PROPERTY, value = "sqlite")
class SqliteWriteLocks implements WriteLocks {
    @Override
    public void exclusive(String key) {}
}
