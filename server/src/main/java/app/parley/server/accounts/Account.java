package app.parley.server.accounts;

import app.parley.model.account.UserProfile;
import app.parley.model.account.UserRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** A person (or a bot) who can sign in and chat. */
@MappedEntity("users")
public record Account(
        @Id @GeneratedValue @Nullable Long id,
        String uuid,
        String username,
        String usernameKey,
        // Null only for an old account whose look-alike an older one holds (see UsernameSkeletons).
        @Nullable String usernameSkeleton,
        @Nullable String usernameShownSkeleton,
        String name,
        String description,
        @Nullable String passwordHash,
        @Nullable Long photoFileId,
        @MappedProperty("is_bot") boolean bot,
        Instant createdAt,
        @Nullable String email,
        @Nullable String emailKey,
        // Set by an administrator (parley-server user disable): no sign-in, no token counts.
        boolean disabled,
        // May manage accounts through /api/v1/admin; the first person of a new server is one.
        @MappedProperty("is_admin") boolean admin) {

    /** A new account; the username's key and skeletons are derived from it. */
    static Account create(
            String uuid,
            String username,
            String name,
            @Nullable String passwordHash,
            boolean bot,
            Instant createdAt,
            @Nullable String email,
            @Nullable String emailKey) {
        return new Account(
                null,
                uuid,
                username,
                UsernameRules.key(username),
                UsernameRules.skeleton(username),
                UsernameRules.shownSkeleton(username),
                name,
                "",
                passwordHash,
                null,
                bot,
                createdAt,
                email,
                emailKey,
                false,
                false);
    }

    /** The account with a new profile; the username's derived values change only with the username. */
    public Account withProfile(String newUsername, String newName, String newDescription) {
        boolean renamed = !newUsername.equals(username);
        return new Account(
                id,
                uuid,
                newUsername,
                renamed ? UsernameRules.key(newUsername) : usernameKey,
                renamed ? UsernameRules.skeleton(newUsername) : usernameSkeleton,
                renamed ? UsernameRules.shownSkeleton(newUsername) : usernameShownSkeleton,
                newName,
                newDescription,
                passwordHash,
                photoFileId,
                bot,
                createdAt,
                email,
                emailKey,
                disabled,
                admin);
    }

    public Account withDisabled(boolean nowDisabled) {
        return new Account(
                id,
                uuid,
                username,
                usernameKey,
                usernameSkeleton,
                usernameShownSkeleton,
                name,
                description,
                passwordHash,
                photoFileId,
                bot,
                createdAt,
                email,
                emailKey,
                nowDisabled,
                admin);
    }

    public Account withAdmin(boolean nowAdmin) {
        return new Account(
                id,
                uuid,
                username,
                usernameKey,
                usernameSkeleton,
                usernameShownSkeleton,
                name,
                description,
                passwordHash,
                photoFileId,
                bot,
                createdAt,
                email,
                emailKey,
                disabled,
                nowAdmin);
    }

    public Account withPasswordHash(String newHash) {
        return new Account(
                id,
                uuid,
                username,
                usernameKey,
                usernameSkeleton,
                usernameShownSkeleton,
                name,
                description,
                newHash,
                photoFileId,
                bot,
                createdAt,
                email,
                emailKey,
                disabled,
                admin);
    }

    /** Where the profile photo is served, or null without one. */
    public @Nullable String photoUrl() {
        return photoFileId == null ? null : "/api/v1/user/" + id + "/photo";
    }

    public UserProfile toProfile() {
        String photoUrl = photoUrl();
        return new UserProfile(id, uuid, username, name, description, photoUrl, bot, createdAt);
    }

    public UserRef toRef() {
        return UserRef.of(id, name, username);
    }

    public Account withPhoto(Long fileId) {
        return new Account(
                id,
                uuid,
                username,
                usernameKey,
                usernameSkeleton,
                usernameShownSkeleton,
                name,
                description,
                passwordHash,
                fileId,
                bot,
                createdAt,
                email,
                emailKey,
                disabled,
                admin);
    }
}
