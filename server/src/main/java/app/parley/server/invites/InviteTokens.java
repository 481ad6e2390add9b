package app.parley.server.invites;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;

/** Invite tokens: 256 bits from the system's secure random source, URL-safe. */
@Singleton
class InviteTokens {
    private static final int BYTES = 32;
    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }
}
