package app.parley.server.dialects.seed000;

import app.parley.server.errors.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Seed 000's {@code content (bytes)} in a JSON body: a base64 string (standard or URL-safe
 * alphabet, padding optional, line breaks ignored) or an array of byte values (0 to 255, or
 * -128 to 127 as Java writes bytes). Decoding is shape translation: the bytes then go to the
 * files feature like any upload.
 */
final class FileContent {
    static final String FIELD = "file.content";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private FileContent() {}

    static byte[] decode(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            throw new InvalidInputException(
                    FIELD, FIELD + " is required: the file's bytes as base64 or as an array of byte values");
        }
        if (content.isTextual()) {
            return base64(content.asText());
        }
        if (content.isArray()) {
            return byteValues(content);
        }
        throw new InvalidInputException(FIELD, FIELD + " must be a base64 string or an array of byte values");
    }

    private static byte[] base64(String text) {
        String compact = WHITESPACE.matcher(text).replaceAll("");
        boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD, FIELD + " is not valid base64");
        }
    }

    private static byte[] byteValues(JsonNode array) {
        byte[] bytes = new byte[array.size()];
        for (int i = 0; i < bytes.length; i++) {
            JsonNode value = array.get(i);
            if (!value.isIntegralNumber()
                    || !value.canConvertToInt()
                    || value.intValue() < -128
                    || value.intValue() > 255) {
                throw new InvalidInputException(FIELD, FIELD + "[" + i + "] must be a byte value (0 to 255)");
            }
            bytes[i] = (byte) value.intValue();
        }
        return bytes;
    }
}
