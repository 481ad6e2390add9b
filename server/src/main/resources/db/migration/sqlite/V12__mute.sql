-- A member may mute a chat: for a while (muted_until) or until they unmute it (muted_until null).
-- Nothing is held back by the server; clients keep quiet about a muted chat's new messages
-- (mentions of the member still notify).
ALTER TABLE chat_members ADD COLUMN muted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE chat_members ADD COLUMN muted_until INTEGER;
