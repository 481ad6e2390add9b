package app.parley.server.tls;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The certificate and key store, prepared once per start when HTTPS is on. */
@Factory
class TlsFactory {
    @Singleton
    @Requires(property = "parley.tls.enabled", value = "true")
    TlsMaterial material(TlsCertificates certificates, TlsSettings settings) {
        return certificates.prepare(settings);
    }
}
