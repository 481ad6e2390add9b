-- How far each member's devices have received a chat ("delivered" receipts). Kept in memory on
-- the send path and written here lazily, in batches: a restart may lose the last moments, and a
-- position that is behind only shows a message as sent rather than delivered.
ALTER TABLE chat_members ADD COLUMN last_delivered_message_id INTEGER NOT NULL DEFAULT 0;

-- What a member has read has reached them.
UPDATE chat_members SET last_delivered_message_id = last_read_message_id;
