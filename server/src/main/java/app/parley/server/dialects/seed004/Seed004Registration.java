package app.parley.server.dialects.seed004;

import app.parley.model.account.RegisterRequest;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.ConflictException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.ratelimits.ClientAddress;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seed 004 registers people by e-mail; Parley accounts have a username. When the client sends
 * none, one is made from the address's local part ({@code john.doe@example.com} → {@code john.doe},
 * then {@code john.doe2}, {@code john.doe3}, … while taken). Everything else (password and name
 * limits, e-mail shape, an e-mail already registered) is the account service's to decide.
 */
@Singleton
class Seed004Registration {
    /** Numbered candidates first (john2 … john20), then random ones. */
    private static final int NUMBERED = 20;

    private static final int ATTEMPTS = 40;
    private final AccountService accounts;
    private final ParleyLimits limits;

    Seed004Registration(AccountService accounts, ParleyLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    Account register(Seed004Json.RegisterBody body, ClientAddress from) {
        if (body == null) {
            throw new InvalidInputException(null, "a JSON body with email and password is required");
        }
        if (body.username() != null && !body.username().isBlank()) {
            return accounts.register(
                    new RegisterRequest(body.username(), body.password(), body.name(), body.email()), from);
        }
        if (body.email() == null || body.email().isBlank()) {
            throw new InvalidInputException("email", "email is required (or a username)");
        }
        String base = base(body.email());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate = candidate(base, attempt);
            if (candidate == null || taken(candidate)) {
                continue;
            }
            try {
                return accounts.register(
                        new RegisterRequest(candidate, body.password(), body.name(), body.email()), from);
            } catch (ConflictException e) {
                if (!"username_taken".equals(e.code())) {
                    throw e;
                }
                // Someone registered the same name meanwhile: try the next one.
            }
        }
        throw new ConflictException(
                "username_taken",
                "no free username could be made from " + body.email().strip() + "; send a username as well");
    }

    /** The local part of the address, kept to the characters a username may hold. */
    String base(String email) {
        String address = email.strip();
        int at = address.lastIndexOf('@');
        String local = at > 0 ? address.substring(0, at) : address;
        StringBuilder kept = new StringBuilder();
        local.codePoints().forEach(c -> {
            boolean letterOrDigit = Character.isLetter(c) || Character.isDigit(c);
            if (letterOrDigit || (!kept.isEmpty() && (c == '.' || c == '_' || c == '-'))) {
                kept.appendCodePoint(c);
            }
        });
        String base = kept.isEmpty() ? "user" : kept.toString();
        return truncate(base, Math.max(1, limits.usernameMax() - 6));
    }

    /** The {@code attempt}-th username to try: the base, then base2, base3, …, then base and random digits. */
    String candidate(String base, int attempt) {
        if (attempt == 0) {
            return length(base) >= limits.usernameMin() && length(base) <= limits.usernameMax() ? base : null;
        }
        String suffix = attempt < NUMBERED
                ? String.valueOf(attempt + 1)
                : String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        int missing = limits.usernameMin() - length(base) - suffix.length();
        if (missing > 0) {
            suffix = "0".repeat(missing) + suffix;
        }
        return truncate(base, limits.usernameMax() - suffix.length()) + suffix;
    }

    private boolean taken(String username) {
        try {
            accounts.findByUsername(username);
            return true;
        } catch (NotFoundException free) {
            return false;
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String truncate(String text, int codePoints) {
        if (codePoints <= 0) {
            return "";
        }
        return length(text) <= codePoints ? text : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
