package app.parley.server.presence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** Someone who shares a chat with a user, and when they were last seen (null: never). */
@Introspected
public record ContactRow(
        long userId,
        @Nullable @TypeDef(type = DataType.TIMESTAMP) Instant seenAt) {}
