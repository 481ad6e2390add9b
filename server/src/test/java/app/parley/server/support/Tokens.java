package app.parley.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Tokens made outside the server but signed with its own secret (as someone who got hold of it,
 * or an old build, could), to show which claims the server insists on whatever the signature.
 */
public final class Tokens {
    private Tokens() {}

    /** The claims of a token the server would issue to {@code user} now, in the user's session (valid for an hour). */
    public static JWTClaimsSet.Builder claimsOf(TestUser user) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("parley")
                .subject(String.valueOf(user.id()))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("username", user.username())
                .claim("uuid", user.uuid())
                .claim("user_id", user.id())
                .claim("sid", claimsIn(user.api().token()).getClaim("sid"))
                .claim("roles", List.of());
    }

    /** Signs the claims with the server's own secret, as it signs the tokens it issues. */
    public static String signedByServer(RunningServer server, JWTClaimsSet.Builder claims) {
        try {
            String secret = Files.readString(
                            server.dataDir().resolve("secrets").resolve("jwt-signing.key"), StandardCharsets.US_ASCII)
                    .strip();
            return sign(Base64.getDecoder().decode(secret), claims);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs the claims with a secret the server never saw. */
    public static String signedWith(byte[] secret, JWTClaimsSet.Builder claims) {
        return sign(secret, claims);
    }

    /** The claims of a token, read without checking anything. */
    public static JWTClaimsSet claimsIn(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a signed JWT: " + token, e);
        }
    }

    private static String sign(byte[] secret, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
