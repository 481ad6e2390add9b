package app.parley.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A test of what only the SQLite storage has (its file, its search index, its single writer):
 * skipped when the suite runs against PostgreSQL ({@link TestStorage}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(
        named = TestStorage.PROPERTY,
        matches = TestStorage.POSTGRESQL,
        disabledReason = "tests what only the SQLite storage has")
public @interface SqliteOnly {}
