package app.parley.server.cli;

import app.parley.server.maintenance.BackupWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "backup",
        description = "Write a backup (a zip: the database, the signing secret, the stored files) to FILE;"
                + " works while the server runs.")
public final class BackupCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    Installation installation;

    @Parameters(paramLabel = "FILE", description = "the archive to write, e.g. parley-2026-12-06.zip (must not exist)")
    Path file;

    public BackupCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Path dataDir = installation.requireExistingDataDir();
        var written =
                new BackupWriter(Clock.systemUTC()).write(dataDir, dataDir.resolve(Installation.DATABASE_FILE), file);
        for (String missing : written.missingContent()) {
            terminal.err().println("warning: " + missing + " is missing from the data dir; the backup lacks it too");
        }
        terminal.out()
                .println("Backed up " + dataDir + " to " + written.archive() + " (database and "
                        + written.contentFiles() + " stored files)");
        return ExitCodes.OK;
    }
}
