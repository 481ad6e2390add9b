package app.parley.server.accounts;

import app.parley.server.common.WriteLocks;
import app.parley.server.errors.ConflictException;
import io.micronaut.context.annotation.Property;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The write half of registration, in its own short transaction so that the slow password hash
 * is computed before the database's write lock is taken; and the one rule for whether a
 * username is free.
 */
@Singleton
class AccountInserts {
    /** Usernames, e-mail addresses and "the first person" are decided one account at a time. */
    static final String LOCK = "accounts";

    private final AccountRepository accounts;
    private final WriteLocks writeLocks;
    /** Skeletons of names no person may take, nor anything like them: the AI agent's, so nobody poses as it. */
    private final Set<String> reserved;

    AccountInserts(
            AccountRepository accounts,
            WriteLocks writeLocks,
            @Property(name = "parley.accounts.reserved-usernames") List<String> reserved) {
        this.accounts = accounts;
        this.writeLocks = writeLocks;
        this.reserved = reserved.stream()
                .filter(name -> !name.isBlank())
                .flatMap(name -> Stream.of(UsernameRules.skeleton(name), UsernameRules.shownSkeleton(name)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The username check (which takes the accounts' write lock), the e-mail's, and the insert, as one. */
    @Transactional
    Account insertIfUsernameFree(Account account) {
        requireUsernameFree(account);
        if (account.emailKey() != null && accounts.existsByEmailKey(account.emailKey())) {
            throw new ConflictException(
                    "email_taken", "an account with the e-mail address " + account.email() + " exists");
        }
        // The first person of a server administers it (the host, when the desktop app made it).
        boolean first = !account.bot() && !accounts.anyPerson();
        return accounts.save(first ? account.withAdmin(true) : account);
    }

    /**
     * Refuses the account's username when another account has it (ignoring case and
     * compatibility forms) or one that looks like it, and, for a person, when it looks like a
     * reserved name. Call it inside the write transaction that saves the account.
     */
    void requireUsernameFree(Account account) {
        writeLocks.exclusive(LOCK);
        Optional<Account> holder = holderOf(account);
        if (holder.isPresent()) {
            String taken = holder.get().username();
            throw UsernameRules.key(taken).equals(account.usernameKey())
                    ? AccountService.usernameTaken(account.username())
                    : new ConflictException(
                            "username_taken",
                            "username '" + account.username() + "' looks too much like '" + taken
                                    + "', which is taken");
        }
        if (!account.bot()
                && (reserved.contains(account.usernameSkeleton())
                        || reserved.contains(account.usernameShownSkeleton()))) {
            throw new ConflictException("username_taken", "username '" + account.username() + "' is reserved");
        }
    }

    /** Another account whose username is the account's, or looks like it. */
    Optional<Account> holderOf(Account account) {
        return Stream.<Supplier<Optional<Account>>>of(
                        () -> accounts.findByUsernameKey(account.usernameKey()),
                        () -> accounts.findByUsernameSkeleton(account.usernameSkeleton()),
                        () -> accounts.findByUsernameShownSkeleton(account.usernameShownSkeleton()))
                .map(Supplier::get)
                .flatMap(Optional::stream)
                .filter(other -> !Objects.equals(other.id(), account.id()))
                .findFirst();
    }
}
