package app.parley.server.api.v1;

import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.JsonReadFailures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

/** Reads the {@code json} form field of seed 002's multipart requests (a seed 002 quirk: see docs/api.md, "Seed quirks in the canonical code"). */
@Singleton
class JsonPart {
    private final ObjectMapper mapper;

    JsonPart(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> T read(String raw, Class<T> type) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("json", "the 'json' form field is required");
        }
        try {
            T value = mapper.readValue(raw, type);
            if (value == null) {
                throw new InvalidInputException("json", "the 'json' form field must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            // A value that may not be (a number out of range, text that is not Unicode) is named
            // by its own field, as the services name theirs; anything else is the part's fault.
            JsonReadFailures.Failure failure = JsonReadFailures.describe(e);
            if (failure != null && failure.invalidInput() && failure.field() != null) {
                throw new InvalidInputException(failure.field(), failure.message());
            }
            throw new InvalidInputException("json", "the 'json' form field is not valid: " + e.getOriginalMessage());
        }
    }
}
