package app.parley.server.security;

import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.errors.TokenRefusal;
import app.parley.server.sessions.SessionService;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The one place a request is authenticated, for every HTTP route and every WebSocket handshake
 * of every dialect. The request's token (the Authorization header, else a handshake's
 * {@code access_token}) must pass the JWT validators (signature and claims) and name an account
 * that exists, by its id ({@code sub}) and its {@code uuid} both. A request whose token fails
 * goes on as anonymous with the reason recorded ({@link TokenRefusal}), so that a route which
 * needs a caller answers {@code 401 invalid_token}, {@code account_gone} or {@code account_disabled}, not the
 * {@code unauthorized} of a request that sent no token; public routes still answer it.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
class TokenAuthentication implements AuthenticationFetcher<HttpRequest<?>> {
    private final TokenResolver<HttpRequest<?>> tokens;
    private final List<TokenValidator<HttpRequest<?>>> validators;
    private final SessionService sessions;
    private final LoadingCache<Holder, Optional<Account>> holders;

    /** Whom a token names: an account by its id and its uuid both. */
    private record Holder(long id, String uuid) {}

    private final Scheduler blocking;

    TokenAuthentication(
            TokenResolver<HttpRequest<?>> tokens,
            List<TokenValidator<HttpRequest<?>>> validators,
            AccountService accounts,
            SessionService sessions,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        // Read again at most once a second per account: a disabled account stops counting within a second.
        this.holders = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(1))
                .maximumSize(100_000)
                .build(holder -> accounts.tokenHolder(holder.id(), holder.uuid()));
        this.tokens = tokens;
        this.validators = validators;
        // The account is read from SQLite: never on the event loop the security filter may run on.
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String token = tokens.resolveTokens(request).stream().findFirst().orElse(null);
        if (token == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(validators)
                .concatMap(validator -> validator.validateToken(token, request))
                .next()
                .flatMap(valid -> holderOf(valid, request))
                .doOnNext(authenticated -> request.setAttribute(SecurityFilter.TOKEN, token))
                .switchIfEmpty(Mono.fromRunnable(() -> {
                    if (TokenRefusal.of(request).isEmpty()) {
                        TokenRefusal.INVALID_TOKEN.recordOn(request);
                    }
                }));
    }

    /** The authentication if the token's account is still the one it was issued to; otherwise none, and why. */
    private Mono<Authentication> holderOf(Authentication valid, HttpRequest<?> request) {
        Long id = idOf(valid);
        String sessionId = Caller.sessionId(valid);
        if (id == null || !(valid.getAttributes().get("uuid") instanceof String uuid) || sessionId == null) {
            // Signed by us, but not naming an account and a session as our tokens do (one made
            // before sessions existed, too: its owner signs in again once).
            return Mono.empty();
        }
        return Mono.fromCallable(() -> refusalFor(holders.get(new Holder(id, uuid)))
                        .or(() -> sessions.isOpen(sessionId)
                                ? Optional.empty()
                                : Optional.of(TokenRefusal.SESSION_ENDED)))
                .subscribeOn(blocking)
                .publishOn(eventLoopOf(request))
                .flatMap(refusal -> {
                    if (refusal.isEmpty()) {
                        return Mono.just(valid);
                    }
                    refusal.get().recordOn(request);
                    return Mono.empty();
                });
    }

    private static Optional<TokenRefusal> refusalFor(Optional<Account> holder) {
        if (holder.isEmpty()) {
            return Optional.of(TokenRefusal.ACCOUNT_GONE);
        }
        return holder.get().disabled() ? Optional.of(TokenRefusal.ACCOUNT_DISABLED) : Optional.empty();
    }

    /**
     * Back to the connection's event loop, where the request was being handled: a WebSocket
     * upgrade completed from another thread switches the pipeline after the 101 is written, and a
     * client's first frame could be read by the HTTP codec in between.
     */
    private static Scheduler eventLoopOf(HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty
                ? Schedulers.fromExecutor(
                        netty.getChannelHandlerContext().channel().eventLoop())
                : Schedulers.immediate();
    }

    private static Long idOf(Authentication authentication) {
        try {
            return Long.parseLong(authentication.getName());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFetcher.ORDER;
    }
}
