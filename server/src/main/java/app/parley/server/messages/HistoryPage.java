package app.parley.server.messages;

import app.parley.model.message.Message;
import java.util.List;

/** One page of a chat's history and whether more messages lie beyond it in the same direction. */
public record HistoryPage(List<Message> messages, boolean more) {}
