package app.parley.server.accounts;

import app.parley.model.account.PasswordChange;
import app.parley.model.account.ProfileUpdate;
import app.parley.model.account.RegisterRequest;
import app.parley.model.account.UserRef;
import app.parley.model.common.IdRef;
import app.parley.model.common.IdValue;
import app.parley.server.common.ByReference;
import app.parley.server.common.IdRefs;
import app.parley.server.common.TextLimits;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.ConflictException;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.errors.UnauthorizedException;
import app.parley.server.files.FileService;
import app.parley.server.files.PreparedFile;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.ratelimits.LoginThrottle;
import app.parley.server.ratelimits.RateLimits;
import app.parley.server.sessions.SessionService;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Accounts: registration, sign-in, profiles. All account rules live here. */
@Singleton
public class AccountService {
    private final AccountRepository accounts;
    private final ByReference<Account> byReference;
    private final PasswordHasher passwords;
    private final FileService files;
    private final AccountInserts inserts;
    private final ParleyLimits limits;
    private final Clock clock;
    private final Registration registration;
    /** Verified against when the username is unknown, so both failures take the same time. */
    private final String decoyHash;

    private final LoginThrottle loginThrottle;
    private final RateLimits rateLimits;
    private final SessionService sessions;
    private final TransactionOperations<java.sql.Connection> transactions;

    public AccountService(
            AccountRepository accounts,
            PasswordHasher passwords,
            FileService files,
            AccountInserts inserts,
            ParleyLimits limits,
            Clock clock,
            @Value("${parley.accounts.registration}") Registration registration,
            LoginThrottle loginThrottle,
            RateLimits rateLimits,
            SessionService sessions,
            TransactionOperations<java.sql.Connection> transactions) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.accounts = accounts;
        this.loginThrottle = loginThrottle;
        this.rateLimits = rateLimits;
        this.byReference = new ByReference<>("user", accounts::findById, accounts::findByUuid);
        this.inserts = inserts;
        this.files = files;
        this.passwords = passwords;
        this.limits = limits;
        this.clock = clock;
        this.registration = registration;
        this.decoyHash = passwords.hash(UUID.randomUUID().toString());
    }

    /** Whether anyone may create an account through the API, or only the administrator (parley-server user add). */
    public enum Registration {
        /** Anyone who reaches the server may register. */
        OPEN,
        /** Registering needs a valid invite token, which also joins its group. */
        INVITE_ONLY,
        /** Only administrators create accounts. */
        CLOSED
    }

    /** The server's registration mode ({@code parley.accounts.registration}). */
    public Registration registration() {
        return registration;
    }

    /**
     * A person creates their own account; refused when the server's registration is closed or
     * by invitation only (the invited register through {@link #registerInvited}), and past the
     * number of registrations an address may make in an hour.
     */
    public Account register(RegisterRequest request, ClientAddress from) {
        requireRegistrationOpen();
        rateLimits.registration(from);
        return create(request);
    }

    /**
     * Someone with a valid invite (the caller has checked it) registers: allowed unless
     * registration is closed.
     */
    public Account registerInvited(RegisterRequest request, ClientAddress from) {
        if (registration == Registration.CLOSED) {
            throw registrationClosed();
        }
        rateLimits.registration(from);
        return create(request);
    }

    /** Removes an account made a moment ago that may not stay (its invite was used up meanwhile). */
    public void discardNew(long accountId) {
        accounts.deleteById(accountId);
    }

    private void requireRegistrationOpen() {
        if (registration == Registration.CLOSED) {
            throw registrationClosed();
        }
        if (registration == Registration.INVITE_ONLY) {
            throw new ForbiddenException(
                    "invite_required",
                    "this server takes new accounts by invitation: register with an invite token or link");
        }
    }

    private static ForbiddenException registrationClosed() {
        return new ForbiddenException(
                "registration_closed", "this server takes no new accounts: ask its administrator for one");
    }

    /**
     * A new account under the registration rules, open or not (the administrator's way in). The
     * password is hashed before the write transaction opens: bcrypt takes tens of milliseconds
     * and must not hold the database's write lock while it works.
     */
    Account create(RegisterRequest request) {
        if (request == null) {
            throw new InvalidInputException(null, "a JSON body with username and password is required");
        }
        String username = UsernameRules.validate(request.username(), limits);
        String password = requireValidPassword(request.password());
        String name = request.name() == null || request.name().isBlank()
                ? username
                : TextLimits.requireName("name", request.name(), limits.displayNameMax());
        String email = EmailRules.validate(request.email());
        Account account = Account.create(
                UUID.randomUUID().toString(),
                username,
                name,
                passwords.hash(password),
                false,
                clock.instant(),
                email,
                EmailRules.key(email));
        return inserts.insertIfUsernameFree(account);
    }

    /**
     * The person changes their password: the current one must be right (tries count as sign-in
     * attempts), the new one follows the rules, and every other session of theirs ends.
     */
    public void changePassword(
            long callerId, @Nullable PasswordChange change, ClientAddress from, @Nullable String keepSession) {
        Account me = requireCaller(callerId);
        if (change == null
                || change.currentPassword() == null
                || change.currentPassword().isEmpty()) {
            throw new InvalidInputException("current_password", "current_password is required");
        }
        if (change.newPassword() == null
                || change.newPassword().length() < limits.passwordMin()
                || change.newPassword().length() > limits.passwordMax()) {
            throw new InvalidInputException(
                    "new_password",
                    "new_password must be %d to %d characters long"
                            .formatted(limits.passwordMin(), limits.passwordMax()));
        }
        loginThrottle.attempt(throttleKey(me), from);
        if (me.passwordHash() == null || !passwords.matches(change.currentPassword(), me.passwordHash())) {
            throw new InvalidInputException("current_password", "the current password is not right");
        }
        loginThrottle.succeeded(throttleKey(me), from);
        // Hashed before the write, as at registration: bcrypt must not hold the write lock. The
        // new hash and the end of the other sessions are one write: a sign-in racing the change
        // either ends with the others or finds the password changed (SessionService.start).
        String hash = passwords.hash(change.newPassword());
        transactions.executeWrite(status -> {
            accounts.updatePasswordHash(callerId, hash);
            sessions.endAllBut(callerId, keepSession);
            return null;
        });
    }

    /** The password if it fits the limits; the one rule for registration and an administrator's reset. */
    String requireValidPassword(@Nullable String password) {
        if (password == null || password.length() < limits.passwordMin() || password.length() > limits.passwordMax()) {
            throw new InvalidInputException(
                    "password",
                    "password must be %d to %d characters long".formatted(limits.passwordMin(), limits.passwordMax()));
        }
        return password;
    }

    /**
     * An account without a password (seed 000's {@code /create_user} asks for a username only).
     * Nobody can sign in to it; its owner holds the token handed out with it.
     */
    public Account registerWithoutPassword(String requestedUsername, ClientAddress from) {
        requireRegistrationOpen();
        rateLimits.registration(from);
        String username = UsernameRules.validate(requestedUsername, limits);
        Account account = Account.create(
                UUID.randomUUID().toString(), username, username, null, false, clock.instant(), null, null);
        return inserts.insertIfUsernameFree(account);
    }

    /**
     * The bot account of that username, made on first use (no password: nobody signs in to it).
     * A person who took the name (or one like it) first keeps it; the bot then goes by the first
     * free one of {@code name-bot}, {@code name-bot2}, … (always the same, so it is found again).
     * People cannot take the agent's name once configured (parley.accounts.reserved-usernames).
     */
    public Account ensureBot(String username, String displayName) {
        String wanted = UsernameRules.validate(username, limits);
        for (int attempt = 0; attempt < 100; attempt++) {
            String candidate = attempt == 0 ? wanted : wanted + "-bot" + (attempt == 1 ? "" : String.valueOf(attempt));
            Account bot = Account.create(
                    UUID.randomUUID().toString(), candidate, displayName, null, true, clock.instant(), null, null);
            Optional<Account> holder = inserts.holderOf(bot);
            if (holder.isPresent() && holder.get().bot()) {
                return holder.get();
            }
            if (holder.isEmpty()) {
                try {
                    return inserts.insertIfUsernameFree(bot);
                } catch (ConflictException takenMeanwhile) {
                    attempt--; // someone registered it just now: look again
                }
            }
        }
        throw new IllegalStateException("no free username for the bot '" + wanted + "'");
    }

    /**
     * Checks a username and password; the same refusal whether the name or the password is wrong.
     * Failures slow further attempts on the account and from the address ({@link LoginThrottle}).
     */
    public Account login(String username, String password, ClientAddress from) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInputException(
                    username == null || username.isBlank() ? "username" : "password",
                    "username and password are required");
        }
        // Usernames never contain '@', so a sign-in name with one is an e-mail address.
        String key = username.contains("@") ? EmailRules.key(username.strip()) : UsernameRules.key(username.strip());
        var account = username.contains("@") ? accounts.findByEmailKey(key) : accounts.findByUsernameKey(key);
        // Counted per account however it is named; a name that is no account's is throttled too.
        String attempted = account.map(AccountService::throttleKey).orElse("name:" + key);
        loginThrottle.attempt(attempted, from);
        Account verified = verifiedLogin(account, password);
        loginThrottle.succeeded(attempted, from);
        return verified;
    }

    private static String throttleKey(Account account) {
        return "account:" + account.id();
    }

    private Account verifiedLogin(Optional<Account> account, String password) {
        String hash = account.map(Account::passwordHash).orElse(decoyHash);
        boolean matches = passwords.matches(password, hash);
        if (account.isEmpty() || !matches || account.get().bot()) {
            throw new UnauthorizedException("invalid_credentials", "invalid username or password");
        }
        // Only after the password matched: a guesser learns nothing about the account.
        if (account.get().disabled()) {
            throw accountDisabled();
        }
        return account.get();
    }

    static ForbiddenException accountDisabled() {
        return new ForbiddenException("account_disabled", "this account is disabled: ask the server's administrator");
    }

    /**
     * The account a verified token names: the same id and the same uuid. An id alone is not
     * enough: after a restore from backup the id of a lost account can be handed to someone else.
     * A disabled account is returned as it is: the caller decides how to refuse it.
     */
    public Optional<Account> tokenHolder(long id, String uuid) {
        return accounts.findById(id).filter(account -> account.uuid().equals(uuid));
    }

    /** The account behind a verified token; a token of a deleted account no longer counts. */
    public Account requireCaller(long callerId) {
        Account caller = accounts.findById(callerId)
                .orElseThrow(
                        () -> new UnauthorizedException("account_gone", "the account of this token no longer exists"));
        if (caller.disabled()) {
            throw new UnauthorizedException("account_disabled", "the account of this token is disabled");
        }
        return caller;
    }

    /**
     * Checks that a user a request names as the one acting (seed 000's {@code user}, seed 004's
     * {@code sender_id}, seed 002's frame {@code author}) is the signed-in caller: nobody acts in
     * another's name (403). An absent claim means the caller.
     */
    public Account requireSelf(long callerId, @Nullable Object claimedId, String field) {
        return requireSelf(
                callerId,
                claimedId == null ? null : IdRefs.parse(claimedId, field),
                () -> new ForbiddenException(
                        "not_the_caller", field + " must be the signed-in user; nobody acts in another's name"));
    }

    /**
     * The same rule for the author a message names (seed 002's frame {@code author}), refused as
     * {@code not_the_author}: what a client sees when it deletes a message of someone else's.
     */
    public Account requireAuthorIsSelf(long callerId, @Nullable IdValue claimedId, String field) {
        return requireSelf(
                callerId,
                claimedId == null ? null : IdRefs.require(claimedId, field),
                () -> new ForbiddenException("not_the_author", "a message's author must be the signed-in user"));
    }

    private Account requireSelf(long callerId, @Nullable IdRef claimed, Supplier<ForbiddenException> refusal) {
        Account caller = requireCaller(callerId);
        if (claimed == null) {
            return caller;
        }
        if (!names(claimed, caller)) {
            throw refusal.get();
        }
        return caller;
    }

    /** Whether a reference (integer id or UUID) names the caller; nobody else is looked up. */
    public boolean isSelf(long callerId, IdRef ref) {
        return ref instanceof IdRef.Numeric numeric ? numeric.id() == callerId : names(ref, requireCaller(callerId));
    }

    private static boolean names(IdRef ref, Account account) {
        return switch (ref) {
            case IdRef.Numeric numeric -> numeric.id() == account.id();
            case IdRef.Uuid uuid -> uuid.uuid().toString().equalsIgnoreCase(account.uuid());
        };
    }

    public Account get(IdRef ref) {
        return byReference.get(ref);
    }

    public Account findByUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username", "username is required");
        }
        return accounts.findByUsernameKey(UsernameRules.key(username.strip()))
                .orElseThrow(
                        () -> new NotFoundException("user_not_found", "no user is called '" + username.strip() + "'"));
    }

    /** Users whose username starts with {@code prefix} (all users when it is blank), by username. */
    public List<Account> list(String prefix, int limit, int offset) {
        String escaped = prefix == null
                ? ""
                : UsernameRules.key(prefix.strip())
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_");
        return accounts.findByUsernamePrefix(escaped + "%", limit, offset);
    }

    /**
     * People whose username, or a word of whose display name, starts with the query, in any letter
     * case (Cyrillic as well as Latin): those matched by username first, then by name, each by
     * username. Names are compared in Java (SQLite folds only ASCII letters), reading the user
     * table once per search: fine for a LAN server's few thousand people.
     */
    public List<Account> find(String query, int limit, int offset) {
        String wanted = query == null ? "" : UsernameRules.key(query.strip());
        if (wanted.isEmpty()) {
            return list("", limit, offset);
        }
        List<Account> byUsername = new ArrayList<>();
        List<Account> byName = new ArrayList<>();
        for (Account account : accounts.findAll()) {
            if (account.usernameKey().startsWith(wanted)) {
                byUsername.add(account);
            } else if (NameWords.of(account.name()).anyMatch(word -> word.startsWith(wanted))) {
                byName.add(account);
            }
        }
        Comparator<Account> byKey = Comparator.comparing(Account::usernameKey);
        byUsername.sort(byKey);
        byName.sort(byKey);
        byUsername.addAll(byName);
        return byUsername.stream().skip(offset).limit(limit).toList();
    }

    /** The form a username is compared in: two names with the same key name one account. */
    public String usernameKey(String username) {
        return UsernameRules.key(username);
    }

    public Map<Long, Account> byIds(List<Long> ids) {
        return accounts.findByIdIn(ids).stream().collect(Collectors.toMap(Account::id, Function.identity()));
    }

    /** Updates the caller's profile, and the photo when one is given: both or neither. */
    @Transactional
    public Account updateProfile(long callerId, ProfileUpdate update, @Nullable PreparedFile photo) {
        Account current = requireCaller(callerId);
        if (update == null) {
            throw new InvalidInputException("json", "the json part with the profile is required");
        }
        String username =
                update.username() == null ? current.username() : UsernameRules.validate(update.username(), limits);
        String name = update.name() == null
                ? current.name()
                : TextLimits.requireName("name", update.name(), limits.displayNameMax());
        String description = update.description() == null
                ? current.description()
                : TextLimits.requireDescription("description", update.description(), limits.descriptionMax());
        Account updated = current.withProfile(username, name, description);
        if (!username.equals(current.username())) {
            inserts.requireUsernameFree(updated);
        }
        if (photo != null) {
            updated = updated.withPhoto(files.savePhoto(callerId, photo).id());
        }
        Account saved = accounts.update(updated);
        if (current.photoFileId() != null && !current.photoFileId().equals(saved.photoFileId())) {
            files.deletePhoto(current.photoFileId());
        }
        return saved;
    }

    static ConflictException usernameTaken(String username) {
        return new ConflictException("username_taken", "username '" + username + "' is already taken");
    }

    /**
     * The ids of the users a request lists, in its order without repeats; one unknown user or a
     * null entry refuses the lot (400 on {@code field}, naming every unknown one).
     */
    public Set<Long> requireIds(List<UserRef> users, String field) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (UserRef user : users) {
            if (user == null) {
                throw new InvalidInputException(field, field + " must not contain null");
            }
            IdRef ref = IdRefs.require(user.id(), field + ".id");
            try {
                ids.add(get(ref).id());
            } catch (NotFoundException e) {
                unknown.add(ref.display());
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(field, "unknown " + field + ": " + String.join(", ", unknown));
        }
        return ids;
    }
}
