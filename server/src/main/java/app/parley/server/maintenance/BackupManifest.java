package app.parley.server.maintenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Properties;

/**
 * The first entry of a backup archive: what made it and when. Restore reads it to know the
 * archive is a Parley backup at all, and of a format it understands.
 */
record BackupManifest(int format, Instant createdAt, int contentFiles) {
    static final String ENTRY = "parley-backup.properties";
    static final int FORMAT = 1;

    void writeTo(OutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", String.valueOf(format));
        properties.setProperty("created-at", createdAt.toString());
        properties.setProperty("content-files", String.valueOf(contentFiles));
        properties.store(out, "Parley backup: restore with 'parley-server restore FILE'");
    }

    static BackupManifest readFrom(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        try {
            return new BackupManifest(
                    Integer.parseInt(properties.getProperty("format", "")),
                    Instant.parse(properties.getProperty("created-at", "")),
                    Integer.parseInt(properties.getProperty("content-files", "")));
        } catch (RuntimeException e) {
            throw new MaintenanceRefusal(
                    MaintenanceRefusal.Reason.BAD_ARCHIVE, "the archive's " + ENTRY + " is damaged: " + e.getMessage());
        }
    }
}
