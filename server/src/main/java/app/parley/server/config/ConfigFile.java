package app.parley.server.config;

import io.micronaut.context.env.PropertiesPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A settings file of the owner's, YAML or {@code .properties}: it ranks above Parley's own
 * defaults (application.yml) and below environment variables and flags.
 */
public final class ConfigFile {
    /** Between application.yml (-300) and environment variables (-200). */
    private static final int POSITION = -250;

    private ConfigFile() {}

    /** The file's settings; an unreadable or malformed file fails here, before the server starts. */
    public static PropertySource load(Path file) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            var loader = name.endsWith(".properties")
                    ? new PropertiesPropertySourceLoader()
                    : new YamlPropertySourceLoader();
            Map<String, Object> values = loader.read(name, in);
            return PropertySource.of("config-file:" + file, values, POSITION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config file " + file, e);
        }
    }
}
