package app.parley.desktop.conversation;

import java.util.function.Consumer;

/** What a message's controls do: retry a failed send, delete one's own, open a link in the browser. */
record MessageActions(Consumer<MessageItem> retry, Consumer<MessageItem> delete, Consumer<String> openLink) {}
