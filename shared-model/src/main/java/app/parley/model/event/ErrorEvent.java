package app.parley.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A client frame was refused; the socket stays open. {@code code} and {@code field} are those of
 * the HTTP error body for the same request (except that a frame that is not JSON is
 * {@code invalid_json}, and a field of the wrong JSON type {@code invalid_input}), and
 * {@code client_msg_id} echoes the refused message's own id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorEvent(String type, String code, String message, String field, String clientMsgId)
        implements ServerEvent {

    public static ErrorEvent of(String code, String message, String field, String clientMsgId) {
        return new ErrorEvent(EventTypes.ERROR, code, message, field, clientMsgId);
    }
}
