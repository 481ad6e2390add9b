package app.parley.model.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatType;
import app.parley.model.message.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every server frame reads back as the record it was written from, through {@link ServerEvent}
 * alone (as a client that only knows the {@code type} would read it), with the API's JSON settings.
 */
class ServerEventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final UserRef ALICE = UserRef.of(1, "Alice", "alice");
    private static final Message MESSAGE = new Message(
            7,
            "3f0e8c2c-7a43-4a55-9d59-0d8a3c3c8f11",
            2,
            Message.TYPE_MESSAGE,
            "Привет",
            ALICE,
            Instant.parse("2026-11-21T10:00:00Z"),
            "c-1");

    static Stream<ServerEvent> events() {
        return Stream.of(
                MESSAGE,
                HistoryEvent.of(2, List.of(MESSAGE), null, false),
                HistoryEvent.of(2, List.of(), 7L, false),
                LastMessageEvent.of(MESSAGE, 3),
                TypingEvent.typing(2, ALICE),
                TypingEvent.stopped(2, ALICE),
                ReadEvent.of(2, ALICE, 7, 0L),
                DeliveredEvent.of(2, ALICE, 9),
                MessageDeletedEvent.inChat(2, 7, MESSAGE.uuid()).forMember(1, MESSAGE),
                MembersChangedEvent.added(2, List.of(ALICE)),
                MembersChangedEvent.removed(2, List.of(ALICE)),
                ChatCreatedEvent.of(2, "d2b8a9f8-3a2e-4c71-8a0e-1f7a3c1d2e44", "Team", ChatType.GROUP, "group_2"),
                ChatDeletedEvent.of(2),
                ErrorEvent.of("invalid_input", "text is required", "text", "c-1"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyFrameReadsBackByItsType(ServerEvent event) throws Exception {
        String json = JSON.writeValueAsString(event);
        ServerEvent read = JSON.readValue(json, ServerEvent.class);
        assertEquals(event.getClass(), read.getClass(), json);
        // Compared as written JSON: a user id reads back as an Integer where a Long was written.
        assertEquals(json, JSON.writeValueAsString(read));
    }

    @Test
    void seedFieldNamesAreKept() throws Exception {
        JsonNode lastMessage = JSON.readTree(JSON.writeValueAsString(LastMessageEvent.of(MESSAGE, 3)));
        for (String field : List.of("id", "chat_id", "type", "text", "author", "time", "unread_count")) {
            assertTrue(lastMessage.has(field), field + " in " + lastMessage);
        }
        assertEquals("last_message", lastMessage.get("type").asText());

        JsonNode emptyHistory = JSON.readTree(JSON.writeValueAsString(HistoryEvent.of(2, List.of(), null, false)));
        assertEquals("no messages", emptyHistory.get("error").asText());
        JsonNode fullHistory =
                JSON.readTree(JSON.writeValueAsString(HistoryEvent.of(2, List.of(MESSAGE), null, false)));
        assertFalse(fullHistory.has("error"), fullHistory.toString());
    }

    @Test
    void clientFramesCarryOnlyWhatIsSet() throws Exception {
        JsonNode typing = JSON.readTree(JSON.writeValueAsString(ClientFrame.typing(2)));
        assertEquals(2, typing.size(), typing.toString());
        assertEquals(
                ClientFrame.catchUp(2, 9),
                JSON.readValue("{\"type\":\"catch_up\",\"chat_id\":2,\"after_id\":9}", ClientFrame.class));
    }
}
