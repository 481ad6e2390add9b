package app.parley.server.cli;

import app.parley.server.maintenance.DataDirCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "check",
        description = "Check the database's integrity and the stored files against it;"
                + " exits with 6 when something is wrong.")
public final class CheckCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    Installation installation;

    public CheckCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Path dataDir = installation.requireExistingDataDir();
        var findings = DataDirCheck.run(dataDir, dataDir.resolve(Installation.DATABASE_FILE));
        findings.databaseProblems().forEach(problem -> terminal.out().println(problem));
        findings.missingContent()
                .forEach(path -> terminal.out().println("missing: " + path + " (a file row needs these bytes)"));
        findings.unneededContent()
                .forEach(path -> terminal.out().println("unneeded: " + path + " (no file row needs these bytes)"));
        if (findings.sound()) {
            terminal.out().println("OK: " + dataDir + " (database and stored files agree)");
            return ExitCodes.OK;
        }
        terminal.out()
                .println("Problems found in " + dataDir + ": "
                        + findings.databaseProblems().size()
                        + " in the database, " + findings.missingContent().size() + " missing files, "
                        + findings.unneededContent().size() + " unneeded files");
        return ExitCodes.PROBLEMS_FOUND;
    }
}
