-- Accounts an administrator disabled (as on SQLite).
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
