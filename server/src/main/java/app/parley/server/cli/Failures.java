package app.parley.server.cli;

import app.parley.server.config.DataDirectoryInUseException;
import app.parley.server.config.NewerDatabaseException;
import app.parley.server.errors.ParleyException;
import app.parley.server.maintenance.MaintenanceRefusal;
import io.micronaut.http.HttpStatus;

/** The exit code and the one line a failed command ends with. */
record Failures(int exitCode, String message) {
    static Failures of(Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        int code = switch (failure) {
            case CommandFailure command -> command.exitCode();
            case DataDirectoryInUseException _ -> ExitCodes.DATA_DIR_IN_USE;
            case NewerDatabaseException _ -> ExitCodes.NEWER_DATABASE;
            case MaintenanceRefusal refusal ->
                switch (refusal.reason()) {
                    case NOT_EMPTY -> ExitCodes.REFUSED;
                    case BAD_ARCHIVE -> ExitCodes.BAD_ARCHIVE;
                };
            // The account rules' refusals: a bad username or password is a bad argument; no such user, a taken name,
            // refused.
            case ParleyException parley ->
                parley.status() == HttpStatus.BAD_REQUEST ? ExitCodes.BAD_ARGUMENTS : ExitCodes.REFUSED;
            default -> ExitCodes.FAILED;
        };
        return new Failures(code, message);
    }
}
