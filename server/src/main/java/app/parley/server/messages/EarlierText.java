package app.parley.server.messages;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** A text a message had before an edit, and when it was written. */
@Introspected
public record EarlierText(
        String text,
        // Not a column of the repository's entity, so its SQL type must be named for the epoch millis to map.
        @TypeDef(type = DataType.TIMESTAMP) Instant writtenAt) {}
