package app.parley.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * {@code chat_muted}: the member muted or unmuted a chat (answer to the request, and a frame on
 * their own main sockets so their other devices agree). {@code muted_until} is absent for a chat
 * muted until it is unmuted, and for one not muted.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatMutedEvent(
        String type,
        long chatId,
        boolean muted,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant mutedUntil) implements ServerEvent {

    public static ChatMutedEvent of(long chatId, boolean muted, Instant mutedUntil) {
        return new ChatMutedEvent(EventTypes.CHAT_MUTED, chatId, muted, muted ? mutedUntil : null);
    }
}
