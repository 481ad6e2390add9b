package app.parley.server.ratelimits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registrations per address, through the canonical API and a seed dialect, with this machine not spared. */
class RegistrationLimitApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.rate-limits.trust-loopback", false)
            .withProperty("parley.rate-limits.registrations-per-hour", 2);

    @Test
    void aThirdRegistrationFromOneAddressWaitsAndCreatesNothing() {
        ApiClient anyone = server.anonymous();
        assertEquals(201, register(anyone, "first").status());
        assertEquals(
                201,
                anyone.post("/register", Map.of("username", "second", "password", "long enough 2"))
                        .status());
        ApiClient.Response refused = register(anyone, "third");
        assertEquals(429, refused.status(), refused::toString);
        assertEquals("rate_limited", refused.json().get("code").asText());
        assertEquals(
                429,
                anyone.post("/api/auth/register", Map.of("email", "x@example.org", "password", "long enough 4"))
                        .status());
        assertEquals(
                401,
                anyone.post("/api/v1/auth/login", Map.of("username", "third", "password", "long enough 3"))
                        .status(),
                "no account was made");
    }

    private static ApiClient.Response register(ApiClient client, String username) {
        return client.post("/api/v1/auth/register", Map.of("username", username, "password", "long enough 3"));
    }
}
