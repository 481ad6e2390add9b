package app.parley.model.event;

/** A chat or group was deleted; chat sockets of it close right after this frame. */
public record ChatDeletedEvent(String type, long chatId) implements ServerEvent {

    public static ChatDeletedEvent of(long chatId) {
        return new ChatDeletedEvent(EventTypes.CHAT_DELETED, chatId);
    }
}
