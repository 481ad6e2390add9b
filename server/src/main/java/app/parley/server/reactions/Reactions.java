package app.parley.server.reactions;

import app.parley.model.account.UserRef;
import app.parley.model.message.Reaction;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages' reactions as clients see them: per emoji (first used first), how many and who. */
@Singleton
public class Reactions {
    private final ReactionRepository reactions;

    Reactions(ReactionRepository reactions) {
        this.reactions = reactions;
    }

    /** The reactions of each of these messages that has any, in one query. */
    public Map<Long, List<Reaction>> of(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, List<UserRef>>> byMessage = new HashMap<>();
        for (ReactionRow row : reactions.findOf(messageIds)) {
            byMessage
                    .computeIfAbsent(row.messageId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(row.emoji(), emoji -> new ArrayList<>())
                    .add(UserRef.of(row.userId(), row.userName(), row.userUsername()));
        }
        Map<Long, List<Reaction>> summaries = new HashMap<>();
        byMessage.forEach((messageId, byEmoji) -> summaries.put(
                messageId,
                byEmoji.entrySet().stream()
                        .map(entry ->
                                new Reaction(entry.getKey(), entry.getValue().size(), entry.getValue()))
                        .toList()));
        return summaries;
    }

    public List<Reaction> of(long messageId) {
        return of(List.of(messageId)).getOrDefault(messageId, List.of());
    }
}
