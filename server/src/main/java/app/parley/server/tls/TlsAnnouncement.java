package app.parley.server.tls;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start where HTTPS is served and the certificate's fingerprint, so that people can
 * compare it with the one their app shows before they trust it.
 */
@Singleton
@Requires(property = "parley.tls.enabled", value = "true")
class TlsAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(TlsAnnouncement.class);

    private final TlsMaterial material;
    private final TlsSettings settings;

    TlsAnnouncement(TlsMaterial material, TlsSettings settings) {
        this.material = material;
        this.settings = settings;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        LOG.info(
                "HTTPS and WSS on port {} ({} certificate); its SHA-256 fingerprint is {}{}",
                settings.port(),
                settings.providedCertificate() ? "the configured" : "a self-signed",
                material.fingerprint(),
                settings.plainHttp() == TlsSettings.PlainHttp.LOCAL_ONLY
                        ? "; plain HTTP answers this machine only"
                        : "");
    }

    /** The fingerprint, for whoever embeds the server (the hosting app shows it). */
    public String fingerprint() {
        return material.fingerprint();
    }
}
