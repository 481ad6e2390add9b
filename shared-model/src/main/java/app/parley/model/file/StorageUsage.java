package app.parley.model.file;

/** How much of their storage quota a user's uploads take; {@code quota_bytes} 0 means no quota. */
public record StorageUsage(long usedBytes, long quotaBytes, long maxFileBytes) {}
