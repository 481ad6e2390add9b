package app.parley.server.messages;

import app.parley.model.account.UserRef;
import app.parley.model.file.Attachment;
import app.parley.model.message.Message;
import app.parley.model.message.Reaction;
import app.parley.model.message.ReplyQuote;
import app.parley.server.attachments.ChatFileService;
import app.parley.server.mentions.Mentions;
import app.parley.server.reactions.Reactions;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Messages as clients see them: rows with their attachments, reactions and mentions, and replies with the
 * quotes of the messages they answer, loaded in a few queries per page (not one per message).
 */
@Singleton
class MessageViews {
    private final ChatFileService files;
    private final MessageRepository messages;
    private final Reactions reactions;
    private final Mentions mentions;

    MessageViews(ChatFileService files, MessageRepository messages, Reactions reactions, Mentions mentions) {
        this.files = files;
        this.messages = messages;
        this.reactions = reactions;
        this.mentions = mentions;
    }

    List<Message> of(List<MessageRow> rows) {
        Map<Long, List<Attachment>> attachments =
                files.attachmentsOf(rows.stream().map(MessageRow::id).toList());
        Map<Long, ReplyQuote> quotes = quotesOf(rows);
        List<Long> ids = rows.stream().map(MessageRow::id).toList();
        Map<Long, List<Reaction>> reacted = reactions.of(ids);
        Map<Long, List<UserRef>> mentioned = mentions.of(ids);
        return rows.stream()
                .map(row -> row.toMessage(
                                attachments.getOrDefault(row.id(), List.of()),
                                row.replyToId() == null ? null : quotes.get(row.replyToId()))
                        .withReactions(reacted.getOrDefault(row.id(), List.of()))
                        .withMentions(mentioned.getOrDefault(row.id(), List.of()), row.mentionsAll()))
                .toList();
    }

    /** The quote of the message a reply answers. */
    ReplyQuote quoteOf(MessageRow reply) {
        return quotesOf(List.of(reply)).get(reply.replyToId());
    }

    /** The quotes of the messages these rows answer, by id; one deleted since is quoted as deleted. */
    private Map<Long, ReplyQuote> quotesOf(List<MessageRow> rows) {
        List<Long> answered = rows.stream()
                .map(MessageRow::replyToId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (answered.isEmpty()) {
            return Map.of();
        }
        Map<Long, MessageRow> originals = new HashMap<>();
        messages.findRowsByIdIn(answered).forEach(original -> originals.put(original.id(), original));
        Map<Long, List<Attachment>> theirFiles = files.attachmentsOf(List.copyOf(originals.keySet()));
        Map<Long, ReplyQuote> quotes = new HashMap<>();
        for (long id : answered) {
            MessageRow original = originals.get(id);
            quotes.put(
                    id,
                    original == null
                            ? ReplyQuote.deleted(id)
                            : ReplyQuote.of(
                                    id,
                                    original.author(),
                                    original.text(),
                                    theirFiles.getOrDefault(id, List.of()).size()));
        }
        return quotes;
    }

    Message of(MessageRow row) {
        return of(List.of(row)).getFirst();
    }
}
