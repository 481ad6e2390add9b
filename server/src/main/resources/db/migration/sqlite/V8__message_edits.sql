-- Editing a message: the text it shows now stays in messages (so history, search and the chat
-- list read one row as before); edited_at is set once its author has edited it, and every earlier
-- text is kept here, oldest first, for members who ask to see them.
ALTER TABLE messages ADD COLUMN edited_at INTEGER;

CREATE TABLE message_versions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    text       TEXT    NOT NULL,
    written_at INTEGER NOT NULL  -- when this text was written: the message's time or an earlier edit's
);
CREATE INDEX message_versions_message_id ON message_versions (message_id, id);
