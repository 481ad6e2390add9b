package app.parley.desktop.session;

/**
 * What the app remembers between runs: the server (and whether this app hosts it, on which
 * port), who signed in, and their token (null after signing out, when the name stays to fill
 * the sign-in form).
 */
public record SavedSession(String server, boolean hosted, int hostedPort, String username, String token) {

    public boolean signedIn() {
        return token != null && !token.isBlank();
    }

    public SavedSession signedOut() {
        return new SavedSession(server, hosted, hostedPort, username, null);
    }
}
