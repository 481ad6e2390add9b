package app.parley.model.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * Every text a message has had, oldest first: the one it was sent with, then each edit; the
 * last is the text it shows now.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessageVersions(long chatId, long messageId, List<Version> versions) {

    /** One text and when it was written: the message's time for the first, the edit's for the others. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Version(String text, Instant time) {}
}
