package app.parley.server.security;

import app.parley.server.errors.TokenRefusal;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place a request is authenticated, for every HTTP route and every WebSocket handshake
 * of every dialect. The request's token (the Authorization header, else a handshake's
 * {@code access_token}) must pass the JWT validators (signature and claims). A request whose
 * token fails goes on as anonymous with the reason recorded ({@link TokenRefusal}), so that a
 * route which needs a caller answers {@code 401 invalid_token}, not the {@code unauthorized} of a
 * request that sent no token; public routes still answer it.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
class TokenAuthentication implements AuthenticationFetcher<HttpRequest<?>> {
    private final TokenResolver<HttpRequest<?>> tokens;
    private final List<TokenValidator<HttpRequest<?>>> validators;

    TokenAuthentication(TokenResolver<HttpRequest<?>> tokens, List<TokenValidator<HttpRequest<?>>> validators) {
        this.tokens = tokens;
        this.validators = validators;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String token = tokens.resolveToken(request).orElse(null);
        if (token == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(validators)
                .concatMap(validator -> validator.validateToken(token, request))
                .next()
                .doOnNext(valid -> request.setAttribute(SecurityFilter.TOKEN, token))
                .switchIfEmpty(Mono.fromRunnable(() -> TokenRefusal.INVALID_TOKEN.recordOn(request)));
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFetcher.ORDER;
    }
}
