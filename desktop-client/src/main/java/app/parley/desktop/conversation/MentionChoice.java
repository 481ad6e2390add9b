package app.parley.desktop.conversation;

/** A name the composer offers after {@code @}: a member ({@code @username}), or everyone in a group ({@code @all}). */
public record MentionChoice(String username, String name, boolean everyone) {}
