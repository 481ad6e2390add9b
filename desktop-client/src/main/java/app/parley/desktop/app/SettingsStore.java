package app.parley.desktop.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link Settings}; a missing or damaged file means the defaults. */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final ObjectMapper json;

    public SettingsStore(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            Settings settings = json.readValue(file.toFile(), Settings.class);
            return settings == null || settings.theme() == null ? Settings.defaults() : settings;
        } catch (IOException e) {
            LOG.warn("Using default settings: {} is unreadable ({})", file, e.getMessage());
            return Settings.defaults();
        }
    }

    public void save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            json.writeValue(file.toFile(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save settings in " + file, e);
        }
    }
}
