package app.parley.desktop.notifications;

/**
 * One toast: which chat it opens, its title (who, and where in a group) and the message's first
 * line, or for a message that is only files ({@code files}) their name or number.
 */
public record Notice(long chatId, long messageId, String title, String body, boolean files) {}
