package app.parley.server.accounts;

import app.parley.model.account.RegisterRequest;
import app.parley.model.admin.AccountChange;
import app.parley.server.common.IdRefs;
import app.parley.server.common.WriteLocks;
import app.parley.server.errors.ConflictException;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.sessions.SessionService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
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
    private final TransactionOperations<java.sql.Connection> transactions;
    private final WriteLocks writeLocks;

    AccountAdministration(
            AccountService service,
            AccountRepository accounts,
            PasswordHasher passwords,
            SessionService sessions,
            TransactionOperations<java.sql.Connection> transactions,
            WriteLocks writeLocks) {
        this.writeLocks = writeLocks;
        this.transactions = transactions;
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
        if (disabled) {
            requireAnotherAdmin(account);
        }
        accounts.updateDisabled(account.id(), disabled);
        if (disabled) {
            sessions.endAllBut(account.id(), null); // enabled again, its owner signs in anew
        }
        return account.withDisabled(disabled);
    }

    /** Makes an account an administrator, or no longer one (never the last one). */
    public Account setAdmin(String username, boolean admin) {
        Account account = require(username);
        if (!admin) {
            requireAnotherAdmin(account);
        }
        accounts.updateAdmin(account.id(), admin);
        return account.withAdmin(admin);
    }

    // Through the API (/api/v1/admin): the caller must be an administrator.

    /** The caller, if they administer the server; else 403 not_an_admin. */
    public Account requireAdmin(long callerId) {
        Account caller = service.requireCaller(callerId);
        if (!caller.admin()) {
            throw new ForbiddenException("not_an_admin", "only the server's administrators may do this");
        }
        return caller;
    }

    /** Every account, people and bots, by username. */
    public List<Account> list(long callerId) {
        requireAdmin(callerId);
        return list();
    }

    /** An administrator makes an account, whatever the registration mode. */
    public Account add(long callerId, @Nullable RegisterRequest request) {
        requireAdmin(callerId);
        return service.create(request);
    }

    /**
     * An administrator changes an account: disables or enables it (never their own), makes it an
     * administrator or not (never leaving none), or sets its password. A new password and
     * disabling end all of its sessions, which closes its sockets at once.
     */
    public Account change(long callerId, String target, @Nullable AccountChange change) {
        requireAdmin(callerId);
        Account found = service.get(IdRefs.parse(target, "user_id"));
        if (found.bot()) {
            throw new NotFoundException(
                    "user_not_found", "'" + found.username() + "' is a bot, not a person's account");
        }
        if (change == null || change.disabled() == null && change.admin() == null && change.password() == null) {
            throw new InvalidInputException(null, "give disabled, admin or password to change");
        }
        // Hashed before the write transaction: bcrypt must not hold the database's write lock.
        String hash =
                change.password() == null ? null : passwords.hash(service.requireValidPassword(change.password()));
        return transactions.executeWrite(status -> {
            Account account = found;
            boolean ending = false;
            if (change.disabled() != null && change.disabled() != account.disabled()) {
                if (change.disabled() && account.id() == callerId) {
                    throw new ConflictException(
                            "cannot_disable_yourself", "an administrator cannot disable their own account");
                }
                if (change.disabled() && account.admin()) {
                    requireAnotherAdmin(account);
                }
                accounts.updateDisabled(account.id(), change.disabled());
                account = account.withDisabled(change.disabled());
                ending |= change.disabled();
            }
            if (change.admin() != null && change.admin() != account.admin()) {
                if (!change.admin()) {
                    requireAnotherAdmin(account);
                }
                accounts.updateAdmin(account.id(), change.admin());
                account = account.withAdmin(change.admin());
            }
            if (hash != null) {
                accounts.updatePasswordHash(account.id(), hash);
                account = account.withPasswordHash(hash);
                ending = true;
            }
            if (ending) {
                sessions.endAllBut(account.id(), null);
            }
            return account;
        });
    }

    /** Refuses to take the last enabled administrator away: nobody could manage the server then. */
    private void requireAnotherAdmin(Account account) {
        // Two administrators demoting each other at once must not leave none.
        writeLocks.exclusive(AccountInserts.LOCK);
        if (account.admin() && !account.disabled() && accounts.countActiveAdmins() <= 1) {
            throw new ConflictException(
                    "last_admin",
                    "'" + account.username() + "' is the server's only administrator: make another first");
        }
    }

    private Account require(String username) {
        Account account = service.findByUsername(username);
        if (account.bot()) {
            throw new NotFoundException("user_not_found", "'" + username + "' is a bot, not a person's account");
        }
        return account;
    }
}
