package app.parley.server.accounts;

import app.parley.server.errors.ConflictException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The write half of registration, in its own short transaction so that the slow password hash
 * is computed before the database's write lock is taken.
 */
@Singleton
class AccountInserts {
    private final AccountRepository accounts;

    AccountInserts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Write transactions start IMMEDIATE, so this check and the insert see other registrations in order. */
    @Transactional
    Account insertIfUsernameFree(Account account) {
        if (accounts.existsByUsernameKey(account.usernameKey())) {
            throw AccountService.usernameTaken(account.username());
        }
        if (account.emailKey() != null && accounts.existsByEmailKey(account.emailKey())) {
            throw new ConflictException("email_taken", "an account with the e-mail address " + account.email() + " exists");
        }
        return accounts.save(account);
    }
}
