package app.parley.server.cli;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code parley-server [serve] | user … | backup FILE | restore FILE | check}: one tool that
 * shares the server's code and its data dir. Without a command it serves, with the flags the
 * server always took ({@code --data-dir}, {@code --port}, {@code --config}, {@code --key=value}).
 */
public final class ParleyCommandLine {
    private static final Logger LOG = LoggerFactory.getLogger(ParleyCommandLine.class);
    private static final String NAME = "parley-server";

    private final Terminal terminal;

    public ParleyCommandLine(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Runs one command to its end (a server until it is stopped) and returns the exit code. */
    public int run(String... args) {
        CommandFactory factory = new CommandFactory(terminal);
        CommandLine cli = new CommandLine(new ServeCommand(terminal), factory)
                .setCommandName(NAME)
                .addSubcommand("serve", new ServeCommand(terminal))
                .addSubcommand(new CommandLine(UserCommands.class, factory))
                .addSubcommand(new CommandLine(BackupCommand.class, factory))
                .addSubcommand(new CommandLine(RestoreCommand.class, factory))
                .addSubcommand(new CommandLine(CheckCommand.class, factory));
        withHelpOptions(cli);
        cli.getCommandSpec()
                .usageMessage()
                .description("A Parley chat server and its admin commands. Without a command it serves.");
        cli.getCommandSpec().version("Parley " + version());
        cli.setOut(terminal.out()).setErr(terminal.err());
        cli.setExecutionExceptionHandler((failure, failed, parsed) -> {
            Failures outcome = Failures.of(failure);
            LOG.debug("{} failed", failed.getCommandName(), failure);
            boolean serving = failed.getCommand() instanceof ServeCommand;
            terminal.err()
                    .println((serving
                                    ? "Parley did not start: "
                                    : failed.getCommandSpec().qualifiedName() + ": ")
                            + outcome.message());
            return outcome.exitCode();
        });
        cli.setExecutionStrategy(parsed -> {
            // `parley-server --data-dir=X user list` would set the data dir of serve, not of the
            // command, which would then quietly work on the default data dir.
            if (parsed.hasSubcommand()
                    && (!parsed.matchedOptions().isEmpty()
                            || !parsed.unmatched().isEmpty())) {
                CommandLine.ParseResult command = parsed;
                while (command.hasSubcommand()) {
                    command = command.subcommand();
                }
                throw new CommandLine.ParameterException(
                        cli,
                        "options go after the command's name, e.g. "
                                + command.commandSpec().qualifiedName() + " --data-dir=DIR");
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(words(args).toArray(String[]::new));
    }

    /** --help and --version on every command and subcommand, not only on the top one. */
    private static void withHelpOptions(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(ParleyCommandLine::withHelpOptions);
    }

    private static String version() {
        String version = ParleyCommandLine.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    /**
     * The arguments as given, except one argument alone holding several separated by spaces: that
     * is how {@code mvn exec:exec -Dparley.args="--port=9090 --data-dir=/srv/parley"} passes them,
     * and it is split. Several arguments are never split (a display name may hold spaces).
     */
    static List<String> words(String[] args) {
        List<String> given =
                Arrays.stream(args).filter(arg -> arg != null && !arg.isBlank()).toList();
        if (given.size() == 1) {
            return List.of(given.getFirst().strip().split("\\s+"));
        }
        return given;
    }
}
