package app.parley.server.api.v1;

import app.parley.model.account.ProfileUpdate;
import app.parley.model.account.UserProfile;
import app.parley.model.common.StatusResponse;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.common.IdRefs;
import app.parley.server.errors.NotFoundException;
import app.parley.server.errors.UnauthorizedException;
import app.parley.server.files.FileService;
import app.parley.server.files.StoredFile;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RouteCondition;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Seed 002's user endpoints: the caller's profile and other users' profiles. */
@Controller("/api/v1/user")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "users")
class UserController {
    private final AccountService accounts;
    private final FileService files;
    private final JsonPart jsonPart;

    UserController(AccountService accounts, FileService files, JsonPart jsonPart) {
        this.accounts = accounts;
        this.files = files;
        this.jsonPart = jsonPart;
    }

    /** Sets the caller's profile from the {@code json} form field, and the photo if one is sent. */
    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RouteCondition(Forms.HAS_CONTENT_TYPE)
    @Secured(Forms.SIGNED_IN)
    StatusResponse updateProfile(
            Authentication authentication,
            @Part("json") @Nullable String json,
            @Part("photo") @Nullable CompletedFileUpload photo) {
        // Seed 002 quirk (multipart json field): see docs/api.md, "Seed quirks in the canonical code".
        ProfileUpdate update = jsonPart.read(json, ProfileUpdate.class);
        accounts.updateProfile(Caller.id(authentication), update, Uploads.photo(files, photo));
        return StatusResponse.ok();
    }

    /** The same as the multipart form, for clients that send the profile as plain JSON. */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    StatusResponse updateProfileJson(Authentication authentication, @Body @Nullable ProfileUpdate update) {
        accounts.updateProfile(Caller.id(authentication), update, null);
        return StatusResponse.ok();
    }

    /**
     * The caller's own profile. Seed 002 lists 404 "user not found" here: a valid token whose
     * account no longer exists has no profile to show (elsewhere such a token is 401). Such a
     * token is refused before this runs (FrameworkErrorResponses writes the 404); the catch is
     * for an account deleted while the request was on its way.
     */
    @Get
    UserProfile me(Authentication authentication) {
        // Seed 002 quirk (404 for a gone account): see docs/api.md, "Seed quirks in the canonical code".
        try {
            return accounts.requireCaller(Caller.id(authentication)).toProfile();
        } catch (UnauthorizedException e) {
            throw new NotFoundException("user_not_found", e.getMessage());
        }
    }

    /** Another user's profile, by integer id or UUID. */
    @Get("/{id}")
    UserProfile user(String id) {
        return accounts.get(IdRefs.parse(id, "id")).toProfile();
    }

    /** A user's profile photo. */
    @Get("/{id}/photo")
    MutableHttpResponse<?> photo(String id, HttpRequest<?> request) {
        Account account = accounts.get(IdRefs.parse(id, "id"));
        if (account.photoFileId() == null) {
            // An empty 404 would be the only error without the canonical body.
            throw new NotFoundException("photo_not_found", "user " + account.id() + " has no photo");
        }
        StoredFile file = files.get(account.photoFileId());
        return FileResponses.serve(request, files.pathOf(file), file);
    }
}
