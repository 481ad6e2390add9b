package app.parley.server.reactions;

import app.parley.model.common.IdRef;
import app.parley.model.event.EventTypes;
import app.parley.model.event.ReactionEvent;
import app.parley.model.message.MessageReactions;
import app.parley.model.message.Reaction;
import app.parley.model.message.ReactionRequest;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.common.WriteLocks;
import app.parley.server.errors.ConflictException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.events.RealtimeEvents;
import app.parley.server.messages.MessageRow;
import app.parley.server.messages.MessageService;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import net.fellbaum.jemoji.EmojiManager;

/**
 * Reactions: any member puts an emoji on any message of the chat and takes it back; adding the
 * same one twice, or taking back one not there, changes nothing and tells nobody. The chat's
 * sockets hear {@code reaction_added} and {@code reaction_removed}.
 */
@Singleton
public class ReactionService {
    /** How many different emoji one message may carry (one member's or everyone's). */
    static final int EMOJI_PER_MESSAGE_MAX = 20;

    private final ReactionRepository reactions;
    private final Reactions summaries;
    private final MessageService messages;
    private final AccountService accounts;
    private final RealtimeEvents events;
    private final Clock clock;
    private final EmojiSpellings spellings;
    private final WriteLocks writeLocks;

    ReactionService(
            ReactionRepository reactions,
            Reactions summaries,
            MessageService messages,
            AccountService accounts,
            RealtimeEvents events,
            Clock clock,
            EmojiSpellings spellings,
            WriteLocks writeLocks) {
        this.writeLocks = writeLocks;
        this.reactions = reactions;
        this.summaries = summaries;
        this.messages = messages;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.spellings = spellings;
    }

    @Transactional
    public MessageReactions add(long callerId, long chatId, IdRef messageRef, ReactionRequest request) {
        MessageRow message = messages.messageFor(callerId, chatId, messageRef);
        String emoji = emojiOf(request == null ? null : request.emoji());
        // The limit of different emoji per message is checked one reaction at a time.
        writeLocks.exclusive("reactions:" + message.id());
        if (!reactions.existsByMessageIdAndUserIdAndEmoji(message.id(), callerId, emoji)) {
            if (reactions.countUses(message.id(), emoji) == 0
                    && reactions.countEmoji(message.id()) >= EMOJI_PER_MESSAGE_MAX) {
                throw new ConflictException(
                        "too_many_reactions",
                        "message " + message.id() + " already carries " + EMOJI_PER_MESSAGE_MAX
                                + " different emoji; react with one of them");
            }
            reactions.save(new StoredReaction(null, message.id(), callerId, emoji, clock.instant()));
            return announced(EventTypes.REACTION_ADDED, message, emoji, callerId);
        }
        return new MessageReactions(message.chatId(), message.id(), summaries.of(message.id()));
    }

    @Transactional
    public MessageReactions remove(long callerId, long chatId, IdRef messageRef, String emoji) {
        MessageRow message = messages.messageFor(callerId, chatId, messageRef);
        String taken = emojiOf(emoji);
        // A reaction stored before spellings were made one is found as it was written.
        if (reactions.remove(message.id(), callerId, taken) > 0
                || reactions.remove(message.id(), callerId, emoji.strip()) > 0) {
            return announced(EventTypes.REACTION_REMOVED, message, taken, callerId);
        }
        return new MessageReactions(message.chatId(), message.id(), summaries.of(message.id()));
    }

    private MessageReactions announced(String type, MessageRow message, String emoji, long callerId) {
        List<Reaction> now = summaries.of(message.id());
        Account caller = accounts.requireCaller(callerId);
        events.toRoom(
                message.chatId(), new ReactionEvent(type, message.chatId(), message.id(), emoji, caller.toRef(), now));
        return new MessageReactions(message.chatId(), message.id(), now);
    }

    /**
     * One emoji, as Unicode lists them (a skin tone or a ZWJ sequence counts as one), in its
     * fully-qualified spelling.
     */
    private String emojiOf(String given) {
        if (given == null || given.isBlank()) {
            throw new InvalidInputException("emoji", "emoji is required: one emoji, such as 👍");
        }
        String emoji = given.strip();
        if (emoji.length() > 64 || !EmojiManager.isEmoji(emoji)) {
            throw new InvalidInputException("emoji", "emoji must be exactly one emoji, such as 👍");
        }
        return spellings.canonical(emoji);
    }
}
