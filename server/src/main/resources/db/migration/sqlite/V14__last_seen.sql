-- When each person's last socket closed, for "last seen …". Kept apart from users: it changes
-- far more often than a profile, and an account that is deleted takes it along.
CREATE TABLE last_seen (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    seen_at INTEGER NOT NULL
);
