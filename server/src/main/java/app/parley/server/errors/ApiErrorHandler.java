package app.parley.server.errors;

import app.parley.model.common.ErrorBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns a service's refusal into its status code and the canonical error body. */
@Produces
@Singleton
@Requires(classes = {ParleyException.class, ExceptionHandler.class})
public class ApiErrorHandler implements ExceptionHandler<ParleyException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, ParleyException exception) {
        return responseOf(exception);
    }

    /** The response for a refusal, for the few places that answer it themselves. */
    public static MutableHttpResponse<ErrorBody> responseOf(ParleyException exception) {
        HttpStatus status = statusOf(exception);
        String field = exception instanceof InvalidInputException invalid ? invalid.field() : null;
        return HttpResponse.<ErrorBody>status(status)
                .body(ErrorBody.of(status.getCode(), exception.code(), exception.getMessage(), field));
    }

    public static HttpStatus statusOf(ParleyException exception) {
        return switch (exception) {
            case InvalidInputException ignored -> HttpStatus.BAD_REQUEST;
            case UnauthorizedException ignored -> HttpStatus.UNAUTHORIZED;
            case ForbiddenException ignored -> HttpStatus.FORBIDDEN;
            case NotFoundException ignored -> HttpStatus.NOT_FOUND;
            case ConflictException ignored -> HttpStatus.CONFLICT;
            case PayloadTooLargeException ignored -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case GoneException ignored -> HttpStatus.GONE;
        };
    }
}
