package app.parley.model.file;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A file uploaded into a chat, as messages and the upload response show it. The content type
 * is what the server found in the bytes, not what the client said; {@code width},
 * {@code height} and {@code thumbnail_url} are present for images only.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Attachment(
        long id,
        String uuid,
        long chatId,
        String name,
        long size,
        String contentType,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer width,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer height,
        String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) String thumbnailUrl,
        Instant uploadedAt) {}
