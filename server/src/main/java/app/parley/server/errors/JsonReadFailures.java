package app.parley.server.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Why JSON from a client could not be read, in the API's words and without Java types: one
 * reading for request bodies, multipart {@code json} parts and socket frames alike.
 */
public final class JsonReadFailures {
    private JsonReadFailures() {}

    /** A refusal: {@code bad_request} for JSON that cannot be read, {@code invalid_input} for a value that may not be. */
    public record Failure(
            String code, String message, @Nullable String field) {
        static Failure malformed(String message, @Nullable String field) {
            return new Failure("bad_request", message, field);
        }

        static Failure invalid(String message, @Nullable String field) {
            return new Failure("invalid_input", message, field);
        }

        public boolean invalidInput() {
            return code.equals("invalid_input");
        }
    }

    /** What a failure of Jackson's (anywhere in the cause chain) means, or null when none is there. */
    public static @Nullable Failure describe(@Nullable Throwable failure) {
        DatabindException mapping = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof UnpairedSurrogateException unpaired) {
                return Failure.invalid(unpaired.getOriginalMessage(), unpaired.field());
            }
            if (t instanceof InputCoercionException outOfRange) {
                return outOfRange(outOfRange, mapping);
            }
            if (t instanceof StreamReadException) {
                return Failure.malformed("the request body is not valid JSON", null);
            }
            if (t instanceof DatabindException d && mapping == null) {
                mapping = d;
            }
        }
        if (mapping == null) {
            return null;
        }
        String path = mapping instanceof JsonMappingException withPath ? path(withPath) : "";
        return path.isEmpty()
                ? Failure.malformed("the request body must be a JSON object with the documented fields", null)
                : Failure.malformed(path + " has the wrong type", path);
    }

    /**
     * A whole number that is valid JSON but does not fit its field's type. Named by the path the
     * mapper recorded, or else by where the parser stood when it refused the number.
     */
    private static Failure outOfRange(InputCoercionException exception, @Nullable DatabindException mapping) {
        String path = mapping instanceof JsonMappingException withPath ? path(withPath) : "";
        if (path.isEmpty() && exception.getProcessor() instanceof JsonParser parser) {
            path = path(parser.getParsingContext());
        }
        Class<?> type = exception.getTargetType();
        String range = type == Integer.TYPE || type == Integer.class
                ? " between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                : type == Long.TYPE || type == Long.class
                        ? " between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                        : type == Short.TYPE || type == Short.class
                                ? " between " + Short.MIN_VALUE + " and " + Short.MAX_VALUE
                                : type == Byte.TYPE || type == Byte.class
                                        ? " between " + Byte.MIN_VALUE + " and " + Byte.MAX_VALUE
                                        : null;
        String subject = path.isEmpty() ? "a number in the request body" : path;
        return Failure.invalid(
                subject + " is out of range" + (range == null ? "" : ": it must be" + range),
                path.isEmpty() ? null : path);
    }

    /** The JSON path of a mapping failure as a client wrote it, e.g. {@code users[0].id}. */
    static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The same path from a parser's position (the value it stands on), empty at the top level. */
    public static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                steps.addFirst(at.getCurrentName());
            } else if (at.inArray() && at.getCurrentIndex() >= 0) {
                steps.addFirst("[" + at.getCurrentIndex() + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            path.append(path.isEmpty() || step.startsWith("[") ? "" : ".").append(step);
        }
        return path.toString();
    }
}
