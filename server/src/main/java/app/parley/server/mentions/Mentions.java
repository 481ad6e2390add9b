package app.parley.server.mentions;

import app.parley.model.account.UserRef;
import app.parley.model.chat.GroupOptions;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatMember;
import app.parley.server.chats.ChatRepository;
import app.parley.server.chats.ChatService;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a message mentions: the members of its chat it names with {@code @username}, or in a group
 * every other member for {@code @all} (when the group's owner allows the author that). The author is never mentioned by their own message, and a
 * name that is no member of the chat is only text. Stored per message, so that a member's unread
 * mentions in a chat are counted from their read position.
 */
@Singleton
public class Mentions {
    /** The most names one message is searched for (a message of a thousand @names is not a thousand mentions). */
    static final int NAMES_MAX = 50;

    private final MentionRepository mentions;
    private final ChatService chats;
    private final AccountService accounts;
    private final ChatRepository groups;

    Mentions(MentionRepository mentions, ChatService chats, AccountService accounts, ChatRepository groups) {
        this.groups = groups;
        this.mentions = mentions;
        this.chats = chats;
        this.accounts = accounts;
    }

    /** The members a message mentions, in the order they are named (or joined, for {@code @all}). */
    public record Mentioned(List<UserRef> users, boolean all) {
        public static final Mentioned NONE = new Mentioned(List.of(), false);

        public Set<Long> ids() {
            return users.stream().map(Mentions::idOf).collect(Collectors.toSet());
        }
    }

    /** Finds and stores the mentions of a new message. */
    public Mentioned record(Chat chat, long authorId, long messageId, String text) {
        Mentioned found = find(chat, authorId, text);
        for (UserRef user : found.users()) {
            mentions.save(new StoredMention(null, messageId, chat.id(), idOf(user)));
        }
        if (found.all()) {
            mentions.setMentionsAll(messageId, true);
        }
        return found;
    }

    /** After an edit: the mentions of the new text replace those of the old. */
    public Mentioned replace(Chat chat, long authorId, long messageId, String text) {
        mentions.forget(messageId);
        mentions.setMentionsAll(messageId, false);
        return record(chat, authorId, messageId, text);
    }

    /** How many of the chat's messages after {@code afterId} mention the member. */
    public long unreadFor(long chatId, long userId, long afterId) {
        return mentions.countAfter(chatId, userId, afterId);
    }

    /** Each member's count of unread mentions in the chat, by user id. */
    public Map<Long, Long> unreadByMember(long chatId) {
        Map<Long, Long> counts = new HashMap<>();
        mentions.countUnreadByMember(chatId).forEach(row -> counts.put(row.userId(), row.mentionCount()));
        return counts;
    }

    /** The ids of the members a message mentions. */
    public Set<Long> idsIn(long messageId) {
        return of(List.of(messageId)).getOrDefault(messageId, List.of()).stream()
                .map(Mentions::idOf)
                .collect(Collectors.toSet());
    }

    /** The members each of these messages mentions (messages that mention nobody are left out), in one query. */
    public Map<Long, List<UserRef>> of(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<UserRef>> byMessage = new HashMap<>();
        for (MentionRow row : mentions.findOf(messageIds)) {
            byMessage
                    .computeIfAbsent(row.messageId(), id -> new ArrayList<>())
                    .add(UserRef.of(row.userId(), row.userName(), row.userUsername()));
        }
        return byMessage;
    }

    private Mentioned find(Chat chat, long authorId, String text) {
        Set<String> names = MentionParser.namesIn(text, NAMES_MAX);
        if (names.isEmpty()) {
            return Mentioned.NONE;
        }
        List<ChatMember> members = chats.membersOf(chat.id());
        Map<Long, Account> byId =
                accounts.byIds(members.stream().map(ChatMember::userId).toList());
        boolean all = chat.isGroup()
                && names.stream().anyMatch(MentionParser.ALL::equalsIgnoreCase)
                && mayMentionAll(chat, authorId);
        Map<Long, UserRef> mentioned = new LinkedHashMap<>();
        if (all) {
            for (ChatMember member : members) {
                Account account = byId.get(member.userId());
                if (account != null && member.userId() != authorId) {
                    mentioned.put(member.userId(), account.toRef());
                }
            }
            return new Mentioned(List.copyOf(mentioned.values()), true);
        }
        Map<String, Account> byKey = new HashMap<>();
        byId.values().forEach(account -> byKey.put(accounts.usernameKey(account.username()), account));
        for (String name : names) {
            Account account = byKey.get(accounts.usernameKey(name));
            if (account != null && account.id() != authorId) {
                mentioned.putIfAbsent(account.id(), account.toRef());
            }
        }
        return new Mentioned(List.copyOf(mentioned.values()), false);
    }

    /** What the group's owner allows: @all from anyone, from the owner only, or not at all. */
    private boolean mayMentionAll(Chat chat, long authorId) {
        return switch (groups.findAllMentions(chat.id())) {
            case GroupOptions.MEMBERS -> true;
            case GroupOptions.OWNER -> chat.ownerId() != null && chat.ownerId() == authorId;
            default -> false;
        };
    }

    private static long idOf(UserRef user) {
        return ((app.parley.model.common.IdRef.Numeric) user.id()).id();
    }
}
