package app.parley.model.event;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Seed 002's {@code typing} and {@code stop_typing}, as the server relays them, naming the chat. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TypingEvent(String type, long chatId, UserRef author) implements ServerEvent {

    public static TypingEvent typing(long chatId, UserRef author) {
        return new TypingEvent(EventTypes.TYPING, chatId, author);
    }

    public static TypingEvent stopped(long chatId, UserRef author) {
        return new TypingEvent(EventTypes.STOP_TYPING, chatId, author);
    }
}
