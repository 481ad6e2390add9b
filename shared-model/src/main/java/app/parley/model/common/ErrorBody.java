package app.parley.model.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The one error shape of {@code /api/v1}: {@code status} is always {@code "error"} (the mirror
 * of seed 002's {@code "status": "ok"}), {@code code} is stable and machine-readable,
 * {@code message} is for people, {@code field} names the offending input when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorBody(String status, int httpStatus, String code, String message, String field) {
    public static ErrorBody of(int httpStatus, String code, String message, String field) {
        return new ErrorBody("error", httpStatus, code, message, field);
    }
}
