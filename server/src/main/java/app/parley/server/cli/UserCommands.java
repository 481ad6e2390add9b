package app.parley.server.cli;

import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountAdministration;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley-server user …}: accounts, through the server's own account rules. They work
 * while the server runs: each is one short SQLite write, and the server checks every token
 * against its account, so a disabled account is refused at its next request.
 */
@Command(
        name = "user",
        description = "Manage accounts (works while the server runs).",
        subcommands = {
            UserCommands.Add.class,
            UserCommands.ListUsers.class,
            UserCommands.ResetPassword.class,
            UserCommands.Disable.class,
            UserCommands.Enable.class,
            UserCommands.Promote.class,
            UserCommands.Demote.class
        })
public final class UserCommands {
    private UserCommands() {}

    /** Runs one piece of administration in the server's services, opened for this command only. */
    abstract static class AccountCommand implements Callable<Integer> {
        final Terminal terminal;

        @Mixin
        Installation installation;

        AccountCommand(Terminal terminal) {
            this.terminal = terminal;
        }

        <T> T withAccounts(Function<AccountAdministration, T> work) {
            try (ApplicationContext services = installation.openServices()) {
                return work.apply(services.getBean(AccountAdministration.class));
            }
        }
    }

    @Command(name = "add", description = "Create an account; the password is asked for, or read from stdin.")
    static final class Add extends AccountCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--name", paramLabel = "NAME", description = "the display name (default: the username)")
        String name;

        @Option(names = "--password-stdin", description = "read the password from the first line of stdin")
        boolean passwordFromStdin;

        Add(Terminal terminal) {
            super(terminal);
        }

        @Override
        public Integer call() {
            installation.requireExistingDataDir(); // before the admin types a password for nothing
            String password = terminal.newPassword("Password for " + username, passwordFromStdin);
            Account added = withAccounts(accounts -> accounts.add(username, name, password));
            terminal.out().println("Added " + added.username() + " (id " + added.id() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List every account: id, username, display name, state.")
    static final class ListUsers extends AccountCommand {
        ListUsers(Terminal terminal) {
            super(terminal);
        }

        @Override
        public Integer call() {
            List<Account> all = withAccounts(accounts -> accounts.list());
            terminal.out().printf("%-6s %-32s %-10s %s%n", "ID", "USERNAME", "STATE", "NAME");
            for (Account account : all) {
                String state =
                        account.bot() ? "bot" : account.disabled() ? "disabled" : account.admin() ? "admin" : "active";
                terminal.out().printf("%-6d %-32s %-10s %s%n", account.id(), account.username(), state, account.name());
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "reset-password",
            description = "Set a new password; the password is asked for, or read from stdin.")
    static final class ResetPassword extends AccountCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--password-stdin", description = "read the password from the first line of stdin")
        boolean passwordFromStdin;

        ResetPassword(Terminal terminal) {
            super(terminal);
        }

        @Override
        public Integer call() {
            installation.requireExistingDataDir(); // before the admin types a password for nothing
            String password = terminal.newPassword("New password for " + username, passwordFromStdin);
            Account account = withAccounts(accounts -> accounts.resetPassword(username, password));
            terminal.out().println("Changed the password of " + account.username());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "disable",
            description = "Disable an account: no sign-in, its tokens stop working, its open connections close.")
    static final class Disable extends AccountCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        Disable(Terminal terminal) {
            super(terminal);
        }

        @Override
        public Integer call() {
            Account account = withAccounts(accounts -> accounts.setDisabled(username, true));
            terminal.out().println("Disabled " + account.username());
            return ExitCodes.OK;
        }
    }

    @Command(name = "enable", description = "Enable a disabled account again.")
    static final class Enable extends AccountCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        Enable(Terminal terminal) {
            super(terminal);
        }

        @Override
        public Integer call() {
            Account account = withAccounts(accounts -> accounts.setDisabled(username, false));
            terminal.out().println("Enabled " + account.username());
            return ExitCodes.OK;
        }
    }

    @Command(name = "promote", description = "Make an account an administrator (it manages accounts through the API).")
    static final class Promote extends AccountCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        Promote(Terminal terminal) {
            super(terminal);
        }

        @Override
        public Integer call() {
            Account account = withAccounts(accounts -> accounts.setAdmin(username, true));
            terminal.out().println(account.username() + " is an administrator");
            return ExitCodes.OK;
        }
    }

    @Command(name = "demote", description = "Make an administrator an ordinary account again (not the last one).")
    static final class Demote extends AccountCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        Demote(Terminal terminal) {
            super(terminal);
        }

        @Override
        public Integer call() {
            Account account = withAccounts(accounts -> accounts.setAdmin(username, false));
            terminal.out().println(account.username() + " is no longer an administrator");
            return ExitCodes.OK;
        }
    }
}
