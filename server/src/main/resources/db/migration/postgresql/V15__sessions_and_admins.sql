-- Sessions that can be ended, and administrators (as on SQLite).
CREATE TABLE sessions (
    id           TEXT        PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ NOT NULL,
    client       TEXT        NOT NULL DEFAULT '',
    address      TEXT        NOT NULL DEFAULT '',
    ended_at     TIMESTAMPTZ
);
CREATE INDEX sessions_user ON sessions (user_id, ended_at);

ALTER TABLE users ADD COLUMN is_admin BOOLEAN NOT NULL DEFAULT FALSE;
