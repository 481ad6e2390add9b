package app.parley.model.event;

import app.parley.model.message.Message;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame the server sends on a WebSocket. Every frame is a JSON object whose {@code type}
 * names it; the names of seed 002 ({@code message}, {@code typing}, {@code stop_typing},
 * {@code history}, {@code last_message}) are kept, and the rest are Parley's own.
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(
            value = Message.class,
            names = {EventTypes.MESSAGE, EventTypes.MESSAGE_EDITED}),
    @JsonSubTypes.Type(value = HistoryEvent.class, name = EventTypes.HISTORY),
    @JsonSubTypes.Type(value = LastMessageEvent.class, name = EventTypes.LAST_MESSAGE),
    @JsonSubTypes.Type(
            value = TypingEvent.class,
            names = {EventTypes.TYPING, EventTypes.STOP_TYPING}),
    @JsonSubTypes.Type(value = ReadEvent.class, name = EventTypes.READ),
    @JsonSubTypes.Type(value = DeliveredEvent.class, name = EventTypes.DELIVERED),
    @JsonSubTypes.Type(value = MessageDeletedEvent.class, name = EventTypes.MESSAGE_DELETED),
    @JsonSubTypes.Type(
            value = ReactionEvent.class,
            names = {EventTypes.REACTION_ADDED, EventTypes.REACTION_REMOVED}),
    @JsonSubTypes.Type(
            value = MembersChangedEvent.class,
            names = {EventTypes.MEMBERS_ADDED, EventTypes.MEMBERS_REMOVED}),
    @JsonSubTypes.Type(value = ChatCreatedEvent.class, name = EventTypes.CHAT_CREATED),
    @JsonSubTypes.Type(value = ChatDeletedEvent.class, name = EventTypes.CHAT_DELETED),
    @JsonSubTypes.Type(value = ChatMutedEvent.class, name = EventTypes.CHAT_MUTED),
    @JsonSubTypes.Type(value = MentionCountEvent.class, name = EventTypes.MENTION_COUNT),
    @JsonSubTypes.Type(value = ChatUpdatedEvent.class, name = EventTypes.CHAT_UPDATED),
    @JsonSubTypes.Type(value = AgentReplyEvent.class, name = EventTypes.AGENT_REPLY),
    @JsonSubTypes.Type(value = PresenceEvent.class, name = EventTypes.PRESENCE),
    @JsonSubTypes.Type(value = ErrorEvent.class, name = EventTypes.ERROR),
})
public interface ServerEvent {
    String type();
}
