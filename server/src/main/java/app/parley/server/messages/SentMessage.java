package app.parley.server.messages;

/** The outcome of a send: the stored message, and false when it was a resend of an earlier one. */
public record SentMessage(MessageRow row, boolean created) {}
