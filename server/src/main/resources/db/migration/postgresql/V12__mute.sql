-- Muted chats (as on SQLite).
ALTER TABLE chat_members ADD COLUMN muted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE chat_members ADD COLUMN muted_until TIMESTAMPTZ;
