package app.parley.server.config;

/**
 * The database was migrated by a newer Parley than this one: this code does not know its schema
 * and must not write to it (nor migrate it, which Flyway would otherwise do around the unknown
 * versions).
 */
public final class NewerDatabaseException extends RuntimeException {
    public NewerDatabaseException(String database, String databaseVersion, String codeVersion) {
        super("the database " + database + " is at schema version " + databaseVersion
                + ", made by a newer Parley; this Parley knows versions up to " + codeVersion
                + ": run the newer Parley, or restore a backup taken before the upgrade");
    }
}
