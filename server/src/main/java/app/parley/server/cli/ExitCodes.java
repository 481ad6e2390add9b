package app.parley.server.cli;

/**
 * What {@code parley-server} exits with; scripts may rely on these (README, "Exit codes").
 * 2 is picocli's own code for a command line it cannot parse.
 */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** Something unexpected: the message says what. */
    public static final int FAILED = 1;
    /** Bad arguments: unknown command or option, a missing or invalid value (a too-short password). */
    public static final int BAD_ARGUMENTS = 2;
    /** The data dir (or its database) does not exist. */
    public static final int NO_DATA_DIR = 3;
    /** A server holds the data dir (restore, serve). */
    public static final int DATA_DIR_IN_USE = 4;
    /** The database was migrated by a newer Parley. */
    public static final int NEWER_DATABASE = 5;
    /** {@code check} found problems. */
    public static final int PROBLEMS_FOUND = 6;
    /** Refused: no such user, username taken, a non-empty data dir to restore into, a backup file that exists. */
    public static final int REFUSED = 7;
    /** The backup archive is not a Parley backup, or is damaged. */
    public static final int BAD_ARCHIVE = 8;
}
