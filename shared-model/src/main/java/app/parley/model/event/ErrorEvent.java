package app.parley.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A client frame was refused; the socket stays open. {@code code} and {@code field} are those of
 * the HTTP error body for the same request (except that a frame that is not JSON is
 * {@code invalid_json}, and a field of the wrong JSON type {@code invalid_input}), and
 * {@code client_msg_id} echoes the refused message's own id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorEvent(String type, String code, String message, String field, String clientMsgId)
        implements ServerEvent {

    public static ErrorEvent of(String code, String message, String field, String clientMsgId) {
        return new ErrorEvent(EventTypes.ERROR, code, message, field, clientMsgId);
    }
}
