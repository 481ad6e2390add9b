package app.parley.desktop.notifications;

/** One toast: which chat it opens, its title (who, and where in a group) and the message's first line. */
public record Notice(long chatId, long messageId, String title, String body) {}
