package app.parley.server.cli;

import app.parley.server.ParleyServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Runs the server until Ctrl+C or SIGTERM; what {@code parley-server} does without a command. */
@Command(
        name = "serve",
        description = "Run the Parley server (the default command).",
        footer = "Any other setting as --key=value, e.g. --parley.limits.message-max=8000 (see conf/parley.yml).")
public final class ServeCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    Installation installation;

    @Option(names = "--port", paramLabel = "N", description = "the HTTP port; 0 = any free port (default 8080)")
    Integer port;

    @Unmatched
    List<String> settings = new ArrayList<>();

    public ServeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        for (String setting : settings) {
            if (!setting.matches("--[A-Za-z][\\w.\\-\\[\\]]*=.*")) {
                throw new CommandFailure(
                        ExitCodes.BAD_ARGUMENTS, "unknown argument '" + setting + "' (settings are --key=value)");
            }
        }
        ParleyServer server =
                ParleyServer.start(installation.settings(port, Map.of()), settings.toArray(String[]::new));
        terminal.out().println("Parley is running at " + server.localUri() + " (data in " + server.dataDir() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "parley-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
