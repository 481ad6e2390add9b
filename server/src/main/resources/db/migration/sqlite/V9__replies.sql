-- A reply names the message it answers. No foreign key: the original may be deleted later, and
-- the reply then says so (its quote is read when the reply is, so it also shows later edits).
ALTER TABLE messages ADD COLUMN reply_to_id INTEGER;
