-- An administrator can disable an account (parley-server user disable): its owner can no longer
-- sign in, its tokens stop counting and its open sockets close. Enabling it undoes all that;
-- nothing of the account is lost meanwhile.
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
