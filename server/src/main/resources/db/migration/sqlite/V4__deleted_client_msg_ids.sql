-- A message is deleted for good, but its client_msg_id stays used: a client retrying a send whose
-- answer it lost must never bring a deleted message back. The ids of deleted messages live here
-- (messages_client_msg_id covers the others).
CREATE TABLE deleted_client_msg_ids (
    chat_id       INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    author_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_msg_id TEXT    NOT NULL,
    message_id    INTEGER NOT NULL,
    deleted_at    INTEGER NOT NULL,
    PRIMARY KEY (chat_id, author_id, client_msg_id)
);
