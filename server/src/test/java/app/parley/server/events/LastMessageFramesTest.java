package app.parley.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.model.account.UserRef;
import app.parley.model.event.LastMessageEvent;
import app.parley.model.message.Message;
import app.parley.server.support.RunningServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A member's {@code last_message} frame written into a copy is the frame Jackson writes for them. */
class LastMessageFramesTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final Instant TIME = Instant.parse("2026-12-07T04:20:00.123456Z");

    @Test
    void eachMembersFrameIsTheEncodedEventWithTheirUnreadCount() {
        EventJson json = server.bean(EventJson.class);
        List<Message> messages = List.of(
                message("hello", "c-1"),
                message("a text that looks like a key: \"unread_count\":0, and {\"unread_count\":7}", null),
                message("", "\"unread_count\":0")
                        .withEdit("edited \"unread_count\":0", TIME.plusSeconds(5))
                        .withMentions(List.of(UserRef.of(9, "Нина \"unread_count\":0", "nina")), true),
                message("Привет 👋 \\ \" \n", "c-2"));
        for (Message message : messages) {
            LastMessageFrames frames = new LastMessageFrames(message, json);
            for (long unread : new long[] {0, 1, 9, 10, 123_456_789_012L, Long.MAX_VALUE}) {
                assertEquals(
                        new String(json.utf8(LastMessageEvent.of(message, unread)), StandardCharsets.UTF_8),
                        new String(frames.withUnreadCount(unread), StandardCharsets.UTF_8));
            }
        }
    }

    private static Message message(String text, String clientMsgId) {
        return new Message(
                42,
                "0b7c3a52-6f0e-4a58-9a1e-5b0c2f1d0e11",
                7,
                Message.TYPE_MESSAGE,
                text,
                UserRef.of(3, "Anna \"unread_count\":0", "anna"),
                TIME,
                clientMsgId,
                List.of(),
                "7d1f0a3e-9c2b-4b5e-8f6a-1a2b3c4d5e6f");
    }
}
