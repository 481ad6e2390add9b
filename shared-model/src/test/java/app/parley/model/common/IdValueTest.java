package app.parley.model.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.parley.model.account.UserRef;
import app.parley.model.message.SendMessageRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids read from JSON: references where the value names an entity, and otherwise the value as
 * written, so that the server refuses it where it checks the rest of the request.
 */
class IdValueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID UUID_ID = UUID.fromString("3f0e8c2c-7a43-4a55-9d59-0d8a3c3c8f11");

    private static IdValue idOf(String json) throws Exception {
        return JSON.readValue("{\"id\":" + json + "}", UserRef.class).id();
    }

    @Test
    void positiveIntegersDigitsAndUuidsAreReferences() throws Exception {
        assertEquals(new IdRef.Numeric(42), idOf("42"));
        assertEquals(new IdRef.Numeric(5_000_000_000L), idOf("5000000000"));
        assertEquals(new IdRef.Numeric(42), idOf("\" 42 \""));
        assertEquals(new IdRef.Uuid(UUID_ID), idOf("\"" + UUID_ID + "\""));
    }

    @Test
    void aMissingOrNullIdIsNull() throws Exception {
        assertNull(idOf("null"));
        assertNull(JSON.readValue("{\"name\":\"Alice\"}", UserRef.class).id());
    }

    @Test
    void whatNamesNothingIsKeptAsWrittenWithTheReasonTheApiGives() throws Exception {
        assertEquals(new IdValue.Invalid(2.5), idOf("2.5"));
        assertEquals(new IdValue.Invalid(0), idOf("0"));
        assertEquals(new IdValue.Invalid(-3), idOf("-3"));
        BigInteger tooLarge = BigInteger.TWO.pow(64).add(BigInteger.TWO);
        assertEquals(new IdValue.Invalid(tooLarge), idOf(tooLarge.toString()));
        assertEquals(new IdValue.Invalid("0"), idOf("\"0\""));
        assertEquals(new IdValue.Invalid(true), idOf("true"));
        assertEquals(new IdValue.Invalid(Map.of("id", 1)), idOf("{\"id\":1}"));
        assertEquals(new IdValue.Invalid(List.of(1)), idOf("[1]"));

        assertEquals("must be a positive integer or a UUID", ((IdValue.Invalid) idOf("2.5")).reason());
        assertEquals("must be a positive integer or a UUID", ((IdValue.Invalid) idOf("\"000\"")).reason());
        assertEquals("must be a positive integer or a UUID, got 'abc'", ((IdValue.Invalid) idOf("\" abc \"")).reason());
        assertEquals(
                "must be a positive integer or a UUID, got '99999999999999999999'",
                ((IdValue.Invalid) idOf("\"99999999999999999999\"")).reason());
        assertEquals(
                "must be a positive integer or a UUID, got '" + "x".repeat(40) + "…'",
                ((IdValue.Invalid) idOf("\"" + "x".repeat(41) + "\"")).reason());
        assertEquals("is required (a positive integer or a UUID)", ((IdValue.Invalid) idOf("true")).reason());
        assertEquals("is required (a positive integer or a UUID)", ((IdValue.Invalid) idOf("{}")).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "\"3f0e8c2c-7a43-4a55-9d59-0d8a3c3c8f11\"", "2.5", "\"abc\"", "false", "[1,2]"})
    void anIdIsWrittenAsItWasRead(String json) throws Exception {
        assertEquals("{\"id\":" + json + "}", JSON.writeValueAsString(new UserRef(idOf(json), null, null)));
    }

    @Test
    void attachmentsMayBeTheObjectsTheUploadReturned() throws Exception {
        SendMessageRequest request = JSON.readValue("""
            {"text": "", "attachments": [7, "%s", {"id": 8, "name": "a.png"}, {"name": "b.png"}, null, "x"]}
            """.formatted(UUID_ID), SendMessageRequest.class);

        assertEquals(
                Arrays.asList(
                        new IdRef.Numeric(7),
                        new IdRef.Uuid(UUID_ID),
                        new IdRef.Numeric(8),
                        null,
                        null,
                        new IdValue.Invalid("x")),
                request.attachments());
    }
}
