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
        String name,
        String description,
        @Nullable String passwordHash,
        @Nullable Long photoFileId,
        @MappedProperty("is_bot") boolean bot,
        Instant createdAt,
        @Nullable String email,
        @Nullable String emailKey) {

    public Account withProfile(String newUsername, String newName, String newDescription) {
        return new Account(id, uuid, newUsername, UsernameRules.key(newUsername), newName, newDescription,
                passwordHash, photoFileId, bot, createdAt, email, emailKey);
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
        return new Account(id, uuid, username, usernameKey, name, description, passwordHash, fileId, bot, createdAt,
                email, emailKey);
    }
}
