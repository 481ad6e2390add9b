-- The client_msg_ids of deleted messages stay used (as on SQLite).
CREATE TABLE deleted_client_msg_ids (
    chat_id       BIGINT      NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    author_id     BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_msg_id TEXT        NOT NULL,
    message_id    BIGINT      NOT NULL,
    deleted_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (chat_id, author_id, client_msg_id)
);
