-- When each person's last socket closed (as on SQLite).
CREATE TABLE last_seen (
    user_id BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    seen_at TIMESTAMPTZ NOT NULL
);
