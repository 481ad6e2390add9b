package app.parley.desktop.conversation;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a message's controls do and show: retry a failed send, delete one's own, open a link in
 * the browser, and who has received and read one's own message.
 */
record MessageActions(
        Consumer<MessageItem> retry,
        Consumer<MessageItem> delete,
        Consumer<String> openLink,
        Function<MessageItem, Receipt> receipts) {}
