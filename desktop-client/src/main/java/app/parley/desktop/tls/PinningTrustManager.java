package app.parley.desktop.tls;

import app.parley.server.tls.Fingerprints;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust on first use, as ssh does: a Parley server's certificate is trusted when it is the one
 * the person trusted for that server (by its SHA-256 fingerprint), and only then; no certificate
 * authority is asked, and the name in the certificate does not matter (a LAN server has no name
 * a CA could vouch for). The app's one HTTP client uses it, so its API calls and its sockets pin alike.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {
    private final KnownCertificates known;

    public PinningTrustManager(KnownCertificates known) {
        this.known = known;
    }

    /** A TLS context that trusts what {@code known} trusts. */
    public static SSLContext context(KnownCertificates known) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new PinningTrustManager(known)}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this Java runtime", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, engine.getPeerHost(), engine.getPeerPort());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        var session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        check(chain, session == null ? null : session.getPeerHost(), session == null ? -1 : session.getPeerPort());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a server certificate is checked only knowing which server it is");
    }

    private void check(X509Certificate[] chain, String host, int port) throws CertificateException {
        if (chain == null || chain.length == 0 || host == null) {
            throw new CertificateException("no certificate, or no server to check it for");
        }
        String fingerprint = Fingerprints.sha256(chain[0]);
        String trusted = known.fingerprintOf(host, port).orElse(null);
        if (!fingerprint.equals(trusted)) {
            throw new UntrustedCertificateException(host, port, fingerprint, trusted);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the app is never a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the app is never a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the app is never a TLS server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
