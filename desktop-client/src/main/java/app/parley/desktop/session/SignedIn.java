package app.parley.desktop.session;

import app.parley.desktop.net.ApiClient;
import app.parley.model.account.UserProfile;

/** A person signed in to a server: the client that carries their token, and who they are. */
public record SignedIn(ApiClient api, UserProfile me, boolean hosted, int hostedPort) {

    public SavedSession toSaved() {
        return new SavedSession(api.server().toString(), hosted, hostedPort, me.username(), api.token());
    }
}
