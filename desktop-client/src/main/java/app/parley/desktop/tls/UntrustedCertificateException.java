package app.parley.desktop.tls;

import java.security.cert.CertificateException;

/**
 * A server's certificate the person has not trusted: never seen ({@code previous} null), or
 * different from the one trusted before ({@code previous}). Nothing is sent to such a server; the
 * app asks, showing the fingerprint (and the one trusted before, with a warning).
 */
public final class UntrustedCertificateException extends CertificateException {
    private final String host;
    private final int port;
    private final String fingerprint;
    private final String previous;

    UntrustedCertificateException(String host, int port, String fingerprint, String previous) {
        super(
                previous == null
                        ? "the certificate of " + host + ":" + port + " is not trusted yet: " + fingerprint
                        : "the certificate of " + host + ":" + port + " changed from " + previous + " to "
                                + fingerprint);
        this.host = host;
        this.port = port;
        this.fingerprint = fingerprint;
        this.previous = previous;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The fingerprint trusted before; null at a first contact. */
    public String previous() {
        return previous;
    }

    /** The first such refusal among a failure's causes, as the HTTP client wraps it. */
    public static java.util.Optional<UntrustedCertificateException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UntrustedCertificateException untrusted) {
                return java.util.Optional.of(untrusted);
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (suppressed instanceof UntrustedCertificateException untrusted) {
                    return java.util.Optional.of(untrusted);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
