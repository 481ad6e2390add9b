package app.parley.model.event;

import app.parley.model.account.UserRef;

/** Seed 002's {@code typing} and {@code stop_typing}, as the server relays them, naming the chat. */
public record TypingEvent(String type, long chatId, UserRef author) implements ServerEvent {

    public static TypingEvent typing(long chatId, UserRef author) {
        return new TypingEvent(EventTypes.TYPING, chatId, author);
    }

    public static TypingEvent stopped(long chatId, UserRef author) {
        return new TypingEvent(EventTypes.STOP_TYPING, chatId, author);
    }
}
