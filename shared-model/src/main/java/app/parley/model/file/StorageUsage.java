package app.parley.model.file;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How much of their storage quota a user's uploads take; {@code quota_bytes} 0 means no quota. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StorageUsage(long usedBytes, long quotaBytes, long maxFileBytes) {}
