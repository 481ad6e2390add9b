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

-- Administrators manage accounts through the API. The first person of a new server becomes one
-- when their account is made; a server that already has people gets its administrators from
-- its operator (parley-server user promote), not by guessing who the first person was.
ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
