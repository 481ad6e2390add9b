package app.parley.server.messages;

import java.util.regex.Matcher;

/**
 * A message's words as the chat search index ({@code messages_chat_fts}) stores them: each one
 * joined to its chat's id, {@code "42xhello"} for "hello" in chat 42. A word's list in that index
 * then holds only its chat's messages, so a search in a small chat costs what the chat holds,
 * whatever the rest of the server says: in the plain index a word common elsewhere made SQLite
 * walk hundreds of thousands of other chats' matches to find a small chat's few. A chat's id is
 * digits and the {@code x} ends it, so no chat's words can be read as another's.
 *
 * <p>The words are split here, as {@link SearchTerms} splits a query, not by SQLite's tokenizer:
 * both sides of a match then agree on what a word is. The tokenizer still folds case and Latin
 * diacritics on both.
 */
public final class ChatKeyedWords {
    private ChatKeyedWords() {}

    /** What the index stores for this text in this chat; empty when the text has no words. */
    public static String of(long chatId, String text) {
        String prefix = prefix(chatId);
        StringBuilder words = new StringBuilder(text.length() + 16);
        Matcher matcher = SearchTerms.WORD.matcher(text);
        while (matcher.find()) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(prefix).append(text, matcher.start(), matcher.end());
        }
        return words.toString();
    }

    static String prefix(long chatId) {
        return Long.toString(chatId) + 'x';
    }
}
