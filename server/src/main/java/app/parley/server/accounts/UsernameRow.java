package app.parley.server.accounts;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** An account's username and the values derived from it, as stored. */
@Introspected
record UsernameRow(
        long id,
        String username,
        String usernameKey,
        @Nullable String usernameSkeleton,
        @Nullable String usernameShownSkeleton) {}
