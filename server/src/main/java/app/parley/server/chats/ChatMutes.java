package app.parley.server.chats;

import app.parley.model.chat.MuteRequest;
import app.parley.model.event.ChatMutedEvent;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.events.RealtimeEvents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A member mutes a chat for a while or until they unmute it. It is their setting alone: the
 * chat list shows it, and the member's own main sockets hear {@code chat_muted} so all their
 * devices agree. A mute whose time has passed is no mute.
 */
@Singleton
public class ChatMutes {
    /** The furthest a mute may be set ahead; longer than that is "until unmuted". */
    static final Duration LONGEST = Duration.ofDays(366);

    private final ChatService chats;
    private final ChatMemberRepository members;
    private final RealtimeEvents events;
    private final Clock clock;

    ChatMutes(ChatService chats, ChatMemberRepository members, RealtimeEvents events, Clock clock) {
        this.chats = chats;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ChatMutedEvent mute(long callerId, long chatId, @Nullable MuteRequest request) {
        Chat chat = chats.requireMember(chatId, callerId);
        Instant until = request == null ? null : request.until();
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new InvalidInputException(
                    "until", "until must be in the future (leave it out to mute until unmuted)");
        }
        if (until != null && until.isAfter(now.plus(LONGEST))) {
            throw new InvalidInputException(
                    "until", "until may be at most a year ahead (leave it out to mute until unmuted)");
        }
        members.setMute(chat.id(), callerId, true, until);
        return announced(callerId, ChatMutedEvent.of(chat.id(), true, until));
    }

    @Transactional
    public ChatMutedEvent unmute(long callerId, long chatId) {
        Chat chat = chats.requireMember(chatId, callerId);
        members.setMute(chat.id(), callerId, false, null);
        return announced(callerId, ChatMutedEvent.of(chat.id(), false, null));
    }

    private ChatMutedEvent announced(long callerId, ChatMutedEvent event) {
        events.toInbox(callerId, event);
        return event;
    }
}
