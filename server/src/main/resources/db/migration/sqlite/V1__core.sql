-- Parley core schema (SQLite). Every entity has an integer id and a UUID: seed dialects show
-- one or the other. Times are epoch milliseconds, as sqlite-jdbc stores timestamps.

CREATE TABLE files (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid          TEXT    NOT NULL UNIQUE,
    sha256        TEXT    NOT NULL,
    size_bytes    INTEGER NOT NULL,
    content_type  TEXT    NOT NULL,
    original_name TEXT    NOT NULL,
    uploader_id   INTEGER,
    created_at    INTEGER NOT NULL
);
CREATE INDEX files_sha256 ON files (sha256);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid          TEXT    NOT NULL UNIQUE,
    username      TEXT    NOT NULL,
    username_key  TEXT    NOT NULL UNIQUE,   -- lower-cased: usernames are unique ignoring case
    name          TEXT    NOT NULL,
    description   TEXT    NOT NULL DEFAULT '',
    password_hash TEXT,
    photo_file_id INTEGER REFERENCES files (id) ON DELETE SET NULL,
    is_bot        INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE chats (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL CHECK (kind IN ('private', 'group')),
    name            TEXT    NOT NULL DEFAULT '',
    description     TEXT    NOT NULL DEFAULT '',
    owner_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    photo_file_id   INTEGER REFERENCES files (id) ON DELETE SET NULL,
    pair_key        TEXT UNIQUE,                -- 'low:high' user ids: one private chat per pair
    last_message_id INTEGER,
    created_at      INTEGER NOT NULL
);

CREATE TABLE chat_members (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id              INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    user_id              INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role                 TEXT    NOT NULL CHECK (role IN ('owner', 'member')),
    joined_at            INTEGER NOT NULL,
    last_read_message_id INTEGER NOT NULL DEFAULT 0,
    unread_count         INTEGER NOT NULL DEFAULT 0,  -- kept in step with messages on every write
    last_seen_at         INTEGER,
    UNIQUE (chat_id, user_id)
);
CREATE INDEX chat_members_user ON chat_members (user_id, chat_id);

CREATE TABLE messages (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid          TEXT    NOT NULL UNIQUE,
    chat_id       INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    author_id     INTEGER NOT NULL REFERENCES users (id),
    text          TEXT    NOT NULL,
    client_msg_id TEXT,
    created_at    INTEGER NOT NULL
);
CREATE INDEX messages_chat_id ON messages (chat_id, id);
CREATE UNIQUE INDEX messages_client_msg_id ON messages (chat_id, author_id, client_msg_id)
    WHERE client_msg_id IS NOT NULL;

-- Full-text search over message text. unicode61 folds case for Cyrillic as for Latin
-- (remove_diacritics applies to Latin letters only).
CREATE VIRTUAL TABLE messages_fts USING fts5(
    text,
    content = 'messages',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;
