-- Message search (SQLite's V16 builds FTS5 indexes). Each message's words, split and folded by
-- the server as SQLite's index has them (letters and digits of any script, lower case, Latin
-- without diacritics: SearchVocabulary), kept as a tsvector of the 'simple' configuration, which
-- changes no word; a query asks for each word as a prefix ('прив':*). The GIN index answers
-- searches across chats; one chat's search walks that chat's messages newest first
-- (messages_chat_id) or intersects with the GIN index, as the planner finds cheaper.
ALTER TABLE messages ADD COLUMN words TSVECTOR NOT NULL DEFAULT ''::tsvector;
CREATE INDEX messages_words ON messages USING GIN (words);
