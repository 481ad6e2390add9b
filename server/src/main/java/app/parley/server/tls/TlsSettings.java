package app.parley.server.tls;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * HTTPS and WSS, under {@code parley.tls}; defaults live in application.yml.
 *
 * @param enabled      serve HTTPS (and WSS) on {@code port} beside plain HTTP
 * @param port         the HTTPS port
 * @param certificate  a PEM certificate (chain) the admin provides; empty: the server makes a
 *                     self-signed one on first start and keeps it in the data dir
 * @param privateKey   the PEM private key of {@code certificate}
 * @param plainHttp    {@code everywhere}, or {@code local-only}: plain HTTP answers only this
 *                     machine (other addresses are told to use HTTPS)
 */
@ConfigurationProperties("parley.tls")
public record TlsSettings(boolean enabled, int port, String certificate, String privateKey, PlainHttp plainHttp) {

    /** Who may still use plain HTTP while HTTPS is on. */
    public enum PlainHttp {
        EVERYWHERE,
        LOCAL_ONLY
    }

    public boolean providedCertificate() {
        return certificate != null && !certificate.isBlank();
    }
}
