package app.parley.server.tls;

import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** The key store the HTTPS listener serves from, and the certificate people compare by its fingerprint. */
public record TlsMaterial(Path keyStore, String password, X509Certificate certificate) {

    /** SHA-256 over the certificate's DER bytes, as pairs of hex digits: what the app shows to compare. */
    public String fingerprint() {
        return Fingerprints.sha256(certificate);
    }
}
