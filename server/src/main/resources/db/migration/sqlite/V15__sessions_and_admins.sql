-- Sign-ins as sessions that can be ended: every token names its session (the sid claim), and a
-- token whose session has ended no longer counts. Ended sessions are kept (ended_at) so that a
-- token's refusal can say why.
CREATE TABLE sessions (
    id           TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    client       TEXT    NOT NULL DEFAULT '',  -- the User-Agent it signed in with, cut short
    address      TEXT    NOT NULL DEFAULT '',  -- the client address it signed in from
    ended_at     INTEGER
);
CREATE INDEX sessions_user ON sessions (user_id, ended_at);

-- Administrators manage accounts through the API. On a server that already has people, the
-- first of them (the host, when the desktop app made the server) becomes one.
ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
UPDATE users SET is_admin = 1 WHERE id = (SELECT MIN(id) FROM users WHERE is_bot = 0);
