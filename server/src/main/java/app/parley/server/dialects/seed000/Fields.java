package app.parley.server.dialects.seed000;

import app.parley.server.errors.InvalidInputException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Names the input at fault the way the seed document names it: a service refusing
 * {@code users} is refusing the document's {@code members}. Only the field changes.
 */
final class Fields {
    private Fields() {}

    static <T> T named(Map<String, String> documentNames, Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException refusal) {
            String field = refusal.field() == null ? null : documentNames.get(refusal.field());
            if (field == null) {
                throw refusal;
            }
            InvalidInputException renamed = new InvalidInputException(field, refusal.getMessage());
            renamed.setStackTrace(refusal.getStackTrace());
            throw renamed;
        }
    }
}
