-- Mentions: one row per member a message names with @username (or every other member, for @all
-- in a group). chat_id is kept so that a member's unread mentions in a chat are counted from one
-- index: those after their read position.
CREATE TABLE message_mentions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    chat_id    INTEGER NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    UNIQUE (message_id, user_id)
);
CREATE INDEX message_mentions_reader ON message_mentions (user_id, chat_id, message_id);

-- Whether the text says @all where that counts (a group): shown as such, not as a list of everyone.
ALTER TABLE messages ADD COLUMN mentions_all INTEGER NOT NULL DEFAULT 0;
