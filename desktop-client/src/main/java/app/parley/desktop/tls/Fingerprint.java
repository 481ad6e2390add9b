package app.parley.desktop.tls;

/** How a certificate's SHA-256 fingerprint is shown to compare by eye. */
public final class Fingerprint {
    private Fingerprint() {}

    /** 32 bytes as {@code AB:CD:…} on two lines of 16, so that it fits a dialog and reads in halves. */
    public static String inTwoLines(String fingerprint) {
        return fingerprint.replaceFirst("^(([0-9A-Fa-f]{2}:){15}[0-9A-Fa-f]{2}):", "$1\n");
    }
}
