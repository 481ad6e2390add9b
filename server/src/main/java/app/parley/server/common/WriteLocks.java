package app.parley.server.common;

/**
 * Makes a check-then-write exact when several writers run at once: "is this username free?"
 * then "take it", "has this pair a chat?" then "make one". {@link #exclusive} makes the rest of
 * the current transaction the only one writing under its key until it commits or rolls back.
 *
 * <p>On SQLite one transaction writes at a time anyway (its single-writer permit), so there it
 * does nothing. On PostgreSQL it takes a transaction-level advisory lock in the database, so it
 * holds across every Parley node of one database, not only within this JVM; a statement after
 * it sees what the key's previous holder committed (READ COMMITTED).
 */
public interface WriteLocks {
    /** Holds the key's lock until the current transaction ends; call it inside one, before the check. */
    void exclusive(String key);
}
