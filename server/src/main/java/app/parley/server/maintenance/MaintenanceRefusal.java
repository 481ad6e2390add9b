package app.parley.server.maintenance;

/** A backup, restore or check that refuses to go on, and why (the command line maps the reason to an exit code). */
public final class MaintenanceRefusal extends RuntimeException {
    public enum Reason {
        /** The target (a backup file, a data dir to restore into) holds something already. */
        NOT_EMPTY,
        /** The archive is not a Parley backup, or it is damaged. */
        BAD_ARCHIVE
    }

    private final Reason reason;

    public MaintenanceRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
