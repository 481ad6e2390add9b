package app.parley.server.tls;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.ssl.ServerSslConfiguration;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Points the framework's HTTPS listener at Parley's key store (made or renewed in the data dir
 * just before); plain HTTP keeps its own port beside it ({@code dual-protocol}).
 */
@Singleton
@Requires(property = "parley.tls.enabled", value = "true")
class HttpsListener implements BeanCreatedEventListener<ServerSslConfiguration> {
    private final Provider<TlsMaterial> material;

    HttpsListener(Provider<TlsMaterial> material) {
        this.material = material;
    }

    @Override
    public ServerSslConfiguration onCreated(BeanCreatedEvent<ServerSslConfiguration> event) {
        ServerSslConfiguration ssl = event.getBean();
        TlsMaterial tls = material.get();
        ssl.setEnabled(true); // the port comes from parley.tls.port (application.yml)
        ssl.getKeyStore().setPath("file:" + tls.keyStore().toAbsolutePath());
        ssl.getKeyStore().setType("PKCS12");
        ssl.getKeyStore().setPassword(tls.password());
        return ssl;
    }
}
