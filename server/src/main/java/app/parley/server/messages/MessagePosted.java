package app.parley.server.messages;

/** A new message was stored; published inside the send's transaction, heard after it commits. */
public record MessagePosted(long chatId, long messageId, long authorId) {}
