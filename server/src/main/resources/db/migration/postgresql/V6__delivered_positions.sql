-- How far each member's devices have received a chat (as on SQLite).
ALTER TABLE chat_members ADD COLUMN last_delivered_message_id BIGINT NOT NULL DEFAULT 0;
UPDATE chat_members SET last_delivered_message_id = last_read_message_id;
