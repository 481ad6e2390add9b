package app.parley.desktop.conversation;

import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * What a message's controls do and show: retry a failed send, reply, react (and whether the
 * person has reacted with an emoji), edit or delete one's own,
 * list an edited message's earlier texts, bring the message a reply quotes into view, open a
 * link in the browser, and who has received and read one's own message.
 */
record MessageActions(
        Consumer<MessageItem> retry,
        Consumer<MessageItem> reply,
        BiConsumer<MessageItem, String> react,
        BiPredicate<MessageItem, String> reacted,
        Consumer<MessageItem> edit,
        Consumer<MessageItem> delete,
        Consumer<MessageItem> versions,
        LongConsumer showQuoted,
        Consumer<String> openLink,
        Function<MessageItem, Receipt> receipts) {}
