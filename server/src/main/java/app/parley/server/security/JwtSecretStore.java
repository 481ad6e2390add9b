package app.parley.server.security;

import app.parley.server.config.DataDirectory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token-signing secret of this installation: 512 random bits made on first start and kept
 * in the data dir (owner-readable only). Never a constant, never logged.
 */
@Singleton
public class JwtSecretStore {
    static final String FILE_NAME = "jwt-signing.key";
    private final String secretBase64;

    public JwtSecretStore(DataDirectory dataDirectory) {
        this.secretBase64 = loadOrCreate(dataDirectory.resolveDir("secrets").resolve(FILE_NAME));
    }

    String secretBase64() {
        return secretBase64;
    }

    private static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[64];
                new SecureRandom().nextBytes(secret);
                writeOwnerOnly(file, Base64.getEncoder().encodeToString(secret));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing secret " + file, e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data dir under the user's profile is private already.
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            // A concurrent first start may have won: keep its secret, not ours.
            Files.move(temp, file);
        } catch (FileAlreadyExistsException lostRace) {
            Files.deleteIfExists(temp);
        }
    }
}
