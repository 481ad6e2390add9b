package app.parley.server.cli;

import app.parley.server.config.DataDirectoryLock;
import app.parley.server.maintenance.Restorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = "Restore a backup FILE into the data dir; refused while a server runs on it.")
public final class RestoreCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    Installation installation;

    @Parameters(paramLabel = "FILE", description = "an archive written by 'parley-server backup'")
    Path file;

    @Option(names = "--force", description = "replace what the data dir holds (otherwise it must be empty)")
    boolean force;

    public RestoreCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Path dataDir = installation.resolveDataDir();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        // The server's own lock: no server may start on the folder while it is being replaced.
        try (DataDirectoryLock _ = DataDirectoryLock.acquire(dataDir)) {
            var restored = Restorer.restore(file.toAbsolutePath(), dataDir, force);
            for (String missing : restored.missingContent()) {
                terminal.err().println("warning: the backup lacks " + missing + " ('check' will list it)");
            }
            terminal.out()
                    .println("Restored " + file + " into " + dataDir + " (database and " + restored.contentFiles()
                            + " stored files)");
        }
        return ExitCodes.OK;
    }
}
