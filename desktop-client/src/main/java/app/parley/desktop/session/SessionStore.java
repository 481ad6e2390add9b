package app.parley.desktop.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the {@link SavedSession} in one JSON file that only its owner can read (the token in it
 * signs in as that person). A damaged file only costs a sign-in.
 */
public final class SessionStore {
    private final PrivateFile file;

    public SessionStore(Path file, ObjectMapper json) {
        this.file = new PrivateFile(file, json);
    }

    public Optional<SavedSession> load() {
        return file.read(SavedSession.class);
    }

    public void save(SavedSession session) {
        file.write(session);
    }

    /** Forgets the token, keeps the server and the name for the sign-in form. */
    public void signOut() {
        load().ifPresent(session -> save(session.signedOut()));
    }
}
