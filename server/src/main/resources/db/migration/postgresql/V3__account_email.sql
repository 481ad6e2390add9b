-- An optional e-mail address (seed 004 shows one in every profile and may sign in with it).
-- Unique ignoring case, like usernames; stored as the user wrote it.
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN email_key TEXT;
CREATE UNIQUE INDEX users_email_key ON users (email_key) WHERE email_key IS NOT NULL;
