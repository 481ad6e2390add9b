package app.parley.server.messages;

/** A page of history and the chat's newest message id, read together. */
public record ChatSnapshot(HistoryPage page, long lastMessageId) {}
