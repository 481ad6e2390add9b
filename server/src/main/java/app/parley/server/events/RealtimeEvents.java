package app.parley.server.events;

import app.parley.model.event.LastMessageEvent;
import app.parley.model.event.ServerEvent;
import app.parley.model.message.Message;
import app.parley.server.common.TransactionHooks;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * What features use to tell sockets about a change. Called inside a write transaction, an event
 * waits until that transaction commits (and is dropped if it rolls back), so nobody hears of a
 * message that was never stored.
 */
@Singleton
public class RealtimeEvents {
    private final EventBus bus;
    private final EventJson json;
    private final TransactionHooks transactions;

    public RealtimeEvents(EventBus bus, EventJson json, TransactionHooks transactions) {
        this.bus = bus;
        this.json = json;
        this.transactions = transactions;
    }

    /** A new message, to every socket open on its chat (the sender's other sockets included). */
    public void newMessage(Message message, long authorId) {
        publish(new Delivery(
                new Audience.Room(message.chatId(), 0),
                write(message),
                new Delivery.NewMessage(message.chatId(), message.id(), authorId),
                0,
                null));
    }

    /** A new message's {@code last_message} notification, to one member's main sockets. */
    public void lastMessage(long userId, LastMessageEvent event, long authorId) {
        toInbox(userId, write(event), event.chatId(), event.id(), authorId);
    }

    private void toInbox(long userId, byte[] utf8, long chatId, long messageId, long authorId) {
        publish(new Delivery(
                new Audience.Inbox(userId), utf8, new Delivery.NewMessage(chatId, messageId, authorId), 0, null));
    }

    /**
     * A new message's {@code last_message} notifications, to each member's main sockets with their
     * unread count; encoded once for all the members whom the message does not mention.
     */
    public LastMessages lastMessages(Message message, long authorId) {
        return new LastMessages(message, authorId, new LastMessageFrames(message, json));
    }

    /** The {@code last_message} notifications of one new message. */
    public final class LastMessages {
        private final Message message;
        private final long authorId;
        private final LastMessageFrames frames;

        private LastMessages(Message message, long authorId, LastMessageFrames frames) {
            this.message = message;
            this.authorId = authorId;
            this.frames = frames;
        }

        /** To a member the message does not mention. */
        public void to(long userId, long unreadCount) {
            toInbox(userId, frames.withUnreadCount(unreadCount), message.chatId(), message.id(), authorId);
        }

        /** To a member the message mentions, with their new count of unread mentions. */
        public void toMentioned(long userId, long unreadCount, long mentionCount) {
            lastMessage(userId, LastMessageEvent.of(message, unreadCount, true, mentionCount), authorId);
        }
    }

    public void toRoom(long chatId, ServerEvent event) {
        publish(Delivery.of(new Audience.Room(chatId, 0), write(event)));
    }

    public void toRoomExcept(long chatId, long exceptUserId, ServerEvent event) {
        publish(Delivery.of(new Audience.Room(chatId, exceptUserId), write(event)));
    }

    public void toInbox(long userId, ServerEvent event) {
        publish(Delivery.of(new Audience.Inbox(userId), write(event)));
    }

    /** One event to the main sockets of each of these users that asked for presence; encoded once. */
    public void toPresenceWatchers(Collection<Long> userIds, ServerEvent event) {
        byte[] utf8 = write(event);
        for (long userId : userIds) {
            publish(Delivery.of(new Audience.PresenceWatcher(userId), utf8));
        }
    }

    /** Sends a last event to every socket of the chat and closes them. */
    public void closeRoom(long chatId, ServerEvent event, int closeCode, String reason) {
        publish(new Delivery(new Audience.Room(chatId, 0), write(event), null, closeCode, reason));
    }

    /** Sends a last event to every socket of a session and closes them (the session ended). */
    public void closeSession(String sessionId, ServerEvent event, int closeCode, String reason) {
        publish(new Delivery(new Audience.Session(sessionId), write(event), null, closeCode, reason));
    }

    /** Sends a last event to one member's sockets of the chat and closes them. */
    public void closeRoomMember(long chatId, long userId, ServerEvent event, int closeCode, String reason) {
        publish(new Delivery(new Audience.RoomMember(chatId, userId), write(event), null, closeCode, reason));
    }

    private void publish(Delivery delivery) {
        transactions.afterCommit(() -> bus.publish(delivery));
    }

    private byte[] write(ServerEvent event) {
        return json.utf8(event);
    }
}
