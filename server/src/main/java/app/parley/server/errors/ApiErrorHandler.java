package app.parley.server.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns a service's refusal into its status code and the error body of the request's dialect. */
@Produces
@Singleton
@Requires(classes = {ParleyException.class, ExceptionHandler.class})
public class ApiErrorHandler implements ExceptionHandler<ParleyException, HttpResponse<Object>> {
    private final ErrorDialects dialects;

    public ApiErrorHandler(ErrorDialects dialects) {
        this.dialects = dialects;
    }

    // ExceptionHandler.handle declares a raw HttpRequest: an override cannot add the type argument.
    @SuppressWarnings("rawtypes")
    @Override
    public HttpResponse<Object> handle(HttpRequest request, ParleyException exception) {
        return dialects.response(request.getPath(), exception);
    }
}
