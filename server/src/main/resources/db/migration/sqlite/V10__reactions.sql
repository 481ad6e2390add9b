-- Reactions: one row per member, emoji and message. The id keeps the order they were added in,
-- which is the order a message shows its emoji (first used first) and who used each.
CREATE TABLE message_reactions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    emoji      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (message_id, user_id, emoji)
);
CREATE INDEX message_reactions_message_id ON message_reactions (message_id, id);
