package app.parley.server.messages;

import java.util.List;

/** One page of a chat's history and whether more messages lie beyond it in the same direction. */
public record HistoryPage(List<MessageRow> messages, boolean more) {}
