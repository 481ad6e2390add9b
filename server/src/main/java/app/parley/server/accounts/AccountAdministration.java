package app.parley.server.accounts;

import app.parley.model.account.RegisterRequest;
import app.parley.server.errors.NotFoundException;
import app.parley.server.sessions.SessionService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What the server's administrator does to accounts from the command line (parley-server user …):
 * the same rules as registration, plus what no API offers: resetting a password, disabling and
 * enabling an account. A running server sees a disabled account at its next request (tokens are
 * checked against the account each time) and closes its sockets (RevokedAccessSockets).
 */
@Singleton
public class AccountAdministration {
    private final AccountService service;
    private final AccountRepository accounts;
    private final PasswordHasher passwords;
    private final SessionService sessions;

    AccountAdministration(
            AccountService service, AccountRepository accounts, PasswordHasher passwords, SessionService sessions) {
        this.sessions = sessions;
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
        sessions.endAllBut(account.id(), null); // whoever had the old password is signed out
        return account.withPasswordHash(hash);
    }

    public Account setDisabled(String username, boolean disabled) {
        Account account = require(username);
        accounts.updateDisabled(account.id(), disabled);
        if (disabled) {
            sessions.endAllBut(account.id(), null); // enabled again, its owner signs in anew
        }
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
