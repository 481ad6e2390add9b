package app.parley.server.api.v1;

import app.parley.server.errors.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

/** Reads the {@code json} form field of seed 002's multipart requests. */
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
            throw new InvalidInputException("json", "the 'json' form field is not valid: " + e.getOriginalMessage());
        }
    }
}
