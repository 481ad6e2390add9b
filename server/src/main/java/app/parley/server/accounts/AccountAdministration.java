package app.parley.server.accounts;

import app.parley.model.account.RegisterRequest;
import app.parley.server.errors.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What the server's administrator does to accounts from the command line (parley-server user …):
 * the same rules as registration, plus what no API offers: resetting a password, disabling and
 * enabling an account. A running server sees a disabled account at its next request (tokens are
 * checked against the account each time) and closes its sockets (DisabledAccountSockets).
 */
@Singleton
public class AccountAdministration {
    private final AccountService service;
    private final AccountRepository accounts;
    private final PasswordHasher passwords;

    AccountAdministration(AccountService service, AccountRepository accounts, PasswordHasher passwords) {
        this.service = service;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    /** Works whether registration is open or closed: closed, this is how accounts are made. */
    public Account add(String username, @Nullable String name, String password) {
        return service.create(new RegisterRequest(username, password, name, null));
    }

    /** Every account, people and bots, by username. */
    public List<Account> list() {
        return accounts.findAllOrderByUsernameKey();
    }

    public Account resetPassword(String username, String password) {
        Account account = require(username);
        // Hashed before the write, as at registration: bcrypt must not hold the write lock.
        String hash = passwords.hash(service.requireValidPassword(password));
        accounts.updatePasswordHash(account.id(), hash);
        return account.withPasswordHash(hash);
    }

    public Account setDisabled(String username, boolean disabled) {
        Account account = require(username);
        accounts.updateDisabled(account.id(), disabled);
        return account.withDisabled(disabled);
    }

    private Account require(String username) {
        Account account = service.findByUsername(username);
        if (account.bot()) {
            throw new NotFoundException("user_not_found", "'" + username + "' is a bot, not a person's account");
        }
        return account;
    }
}
