-- A reply names the message it answers; no foreign key (as on SQLite).
ALTER TABLE messages ADD COLUMN reply_to_id BIGINT;
