package app.parley.server.messages;

import app.parley.model.message.Message;

/** The outcome of a send: the stored message, and false when it was a resend of an earlier one. */
public record SentMessage(Message message, boolean created) {}
