package app.parley.server.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Signs and verifies tokens (HS256) with the installation's own secret. */
@Factory
class JwtSigningFactory {

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration installationSignature(JwtSecretStore secrets) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setBase64(true);
        configuration.setSecret(secrets.secretBase64());
        return new SecretSignature(configuration);
    }
}
