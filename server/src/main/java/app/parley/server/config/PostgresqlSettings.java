package app.parley.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The database of {@code parley.storage: postgresql}, under {@code parley.postgresql}; defaults
 * live in application.yml.
 *
 * @param url      its JDBC URL, {@code jdbc:postgresql://host:port/database}
 * @param user     the role Parley signs in as (it owns the schema: migrations create the tables)
 * @param password that role's password; keep it in the owner's settings file or an environment
 *                 variable ({@code PARLEY_POSTGRESQL_PASSWORD}), never in the code
 * @param poolSize connections this node keeps; several nodes together must stay under the
 *                 server's {@code max_connections}
 */
@ConfigurationProperties("parley.postgresql")
public record PostgresqlSettings(
        String url, String user, @Nullable String password, int poolSize) {}
