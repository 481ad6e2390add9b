package app.parley.model.invite;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two forms of an invite link: {@code parley://invite/TOKEN} for the desktop app and
 * {@code http://HOST:PORT/invite/TOKEN} for a browser. Both carry the same token.
 */
public final class InviteLink {
    public static final String SCHEME = "parley";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private InviteLink() {}

    public static String appLink(String token) {
        return SCHEME + "://invite/" + token;
    }

    public static String webLink(String baseUrl, String token) {
        return baseUrl + "/invite/" + token;
    }

    /** The token of a link in either form, or of a bare token; empty for anything else. */
    public static Optional<String> tokenOf(String link) {
        if (link == null) {
            return Optional.empty();
        }
        String text = link.strip();
        if (TOKEN.matcher(text).matches()) {
            return Optional.of(text);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            String path;
            if (SCHEME.equalsIgnoreCase(scheme) && "invite".equals(uri.getHost())) {
                path = uri.getPath();
            } else if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getPath() != null
                    && uri.getPath().startsWith("/invite/")) {
                path = uri.getPath().substring("/invite".length());
            } else {
                return Optional.empty();
            }
            String token = path == null ? "" : path.replaceAll("^/+|/+$", "");
            return TOKEN.matcher(token).matches() ? Optional.of(token) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
