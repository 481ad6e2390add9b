package app.parley.server.dialects.seed003;

import app.parley.server.errors.ErrorDialects;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Writes a {@link Seed003Refusal} through the error dialect of the request's path, like every other error. */
@Produces
@Singleton
class Seed003RefusalHandler implements ExceptionHandler<Seed003Refusal, HttpResponse<Object>> {
    private final ErrorDialects dialects;

    Seed003RefusalHandler(ErrorDialects dialects) {
        this.dialects = dialects;
    }

    // ExceptionHandler.handle declares a raw HttpRequest: an override cannot add the type argument.
    @SuppressWarnings("rawtypes")
    @Override
    public HttpResponse<Object> handle(HttpRequest request, Seed003Refusal refusal) {
        return dialects.response(request.getPath(), refusal.status(), refusal.code(), refusal.getMessage(), null);
    }
}
