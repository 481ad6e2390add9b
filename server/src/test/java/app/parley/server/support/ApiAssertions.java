package app.parley.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Whole-value assertions on JSON answers, and the canonical error body of {@code /api/v1}. */
public final class ApiAssertions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiAssertions() {}

    /** Parses JSON text the same way {@link ApiClient.Response#json()} does, so the two compare equal. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("expected value is not JSON: " + text, e);
        }
    }

    /** The response has this status and exactly this JSON body. */
    public static void assertJson(int status, String expectedJson, ApiClient.Response actual) {
        assertEquals(status, actual.status(), actual.toString());
        assertEquals(json(expectedJson), actual.json(), actual.toString());
    }

    /**
     * The response is the canonical error: {@code {"status":"error","http_status":N,"code":...,
     * "message":...,"field":...}} with nothing else, a message for people, and {@code field}
     * only when one is expected.
     */
    public static void assertError(ApiClient.Response actual, int status, String code, String field) {
        assertEquals(status, actual.status(), actual.toString());
        assertTrue(
                actual.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                actual.toString());
        JsonNode body = actual.json();
        assertTrue(body.path("message").isTextual(), actual.toString());
        assertFalse(body.path("message").asText().isBlank(), actual.toString());
        ObjectNode expected = JSON.createObjectNode()
                .put("status", "error")
                .put("http_status", status)
                .put("code", code)
                .put("message", body.path("message").asText());
        if (field != null) {
            expected.put("field", field);
        }
        assertEquals(expected, body, actual.toString());
    }
}
