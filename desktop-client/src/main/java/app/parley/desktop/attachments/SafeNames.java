package app.parley.desktop.attachments;

import java.util.regex.Pattern;

/**
 * A file name from the server as a name on this computer's disk. The server already keeps only
 * the last path segment without control characters; what Windows refuses in names is replaced too.
 */
final class SafeNames {
    private static final Pattern REFUSED = Pattern.compile("[<>:\"/\\\\|?*\\p{Cntrl}]");

    private SafeNames() {}

    static String of(String name, long fileId) {
        String cleaned =
                name == null ? "" : REFUSED.matcher(name).replaceAll("_").strip();
        // Windows also refuses names that end with a dot or a space.
        while (cleaned.endsWith(".")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1).strip();
        }
        return cleaned.isEmpty() ? "file-" + fileId : cleaned;
    }
}
