package app.parley.server.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** bcrypt (cost 10): slow and salted. Passwords longer than bcrypt's 72 bytes are pre-hashed by the library. */
@Singleton
public class PasswordHasher {
    private static final int COST = 10;
    private final BCrypt.Hasher hasher = BCrypt.with(
            BCrypt.Version.VERSION_2B,
            new java.security.SecureRandom(),
            at.favre.lib.crypto.bcrypt.LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
    private final BCrypt.Verifyer verifier = BCrypt.verifyer(
            BCrypt.Version.VERSION_2B,
            at.favre.lib.crypto.bcrypt.LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));

    public String hash(String password) {
        return new String(hasher.hash(COST, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            return false;
        }
        return verifier.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }
}
