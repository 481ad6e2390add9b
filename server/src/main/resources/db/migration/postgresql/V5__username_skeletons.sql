-- Look-alike usernames: Unicode TR39 confusable skeletons of each username (computed by the
-- server with ICU4J, which SQL cannot do), unique, so that 'аlice' (Cyrillic а), 'ａｌｉｃｅ' or
-- 'parIey-ai' (capital I) cannot be registered beside 'alice' or 'parley-ai'. Two skeletons:
-- one of the name ignoring case, one of the name as shown (where 'I' passes for 'l').
-- Existing accounts are filled in at start (UsernameSkeletons); an account whose skeleton an
-- older one already holds keeps NULL there.
ALTER TABLE users ADD COLUMN username_skeleton TEXT;
ALTER TABLE users ADD COLUMN username_shown_skeleton TEXT;
CREATE UNIQUE INDEX users_username_skeleton ON users (username_skeleton) WHERE username_skeleton IS NOT NULL;
CREATE UNIQUE INDEX users_username_shown_skeleton ON users (username_shown_skeleton)
    WHERE username_shown_skeleton IS NOT NULL;
