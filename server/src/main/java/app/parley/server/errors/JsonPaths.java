package app.parley.server.errors;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Names the input a JSON mapping failure is about, the same way for HTTP bodies and socket frames. */
public final class JsonPaths {
    private JsonPaths() {}

    /**
     * The JSON path of a mapping failure as a client wrote it, e.g. {@code users[0].id}; empty
     * when the failure is about the value as a whole (an array where an object belongs).
     */
    public static String of(JsonMappingException exception) {
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
}
