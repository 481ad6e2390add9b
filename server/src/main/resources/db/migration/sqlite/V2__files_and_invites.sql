-- Files uploaded into chats (attachments and their thumbnails) next to profile and group
-- photos, the attachments of a message, and invite links.

ALTER TABLE files ADD COLUMN kind TEXT NOT NULL DEFAULT 'photo'
    CHECK (kind IN ('attachment', 'thumbnail', 'photo'));
ALTER TABLE files ADD COLUMN chat_id INTEGER REFERENCES chats (id) ON DELETE CASCADE;
ALTER TABLE files ADD COLUMN width INTEGER;
ALTER TABLE files ADD COLUMN height INTEGER;
ALTER TABLE files ADD COLUMN thumbnail_file_id INTEGER REFERENCES files (id) ON DELETE SET NULL;
CREATE INDEX files_uploader ON files (uploader_id, kind);
CREATE INDEX files_chat ON files (chat_id);

-- A file is attached to at most one message; position keeps the order the sender chose.
CREATE TABLE message_attachments (
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    file_id    INTEGER NOT NULL UNIQUE REFERENCES files (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (message_id, file_id)
);

CREATE TABLE invites (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT    NOT NULL UNIQUE,
    token      TEXT    NOT NULL UNIQUE,          -- 256 random bits, base64url
    chat_id    INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    inviter_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,                          -- null: never expires
    max_uses   INTEGER,                          -- null: no limit
    uses       INTEGER NOT NULL DEFAULT 0,
    revoked_at INTEGER
);
CREATE INDEX invites_chat ON invites (chat_id);
CREATE INDEX invites_inviter ON invites (inviter_id);
