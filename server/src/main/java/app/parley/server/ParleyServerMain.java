package app.parley.server;

import app.parley.server.config.DataDirectoryInUseException;
import io.micronaut.context.env.PropertiesPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code parley-server [--data-dir=DIR] [--port=N] [--config=FILE] [--any.micronaut.property=VALUE]}.
 * Without flags: port 8080, data in {@code ~/.parley}. Environment variables work too
 * ({@code PARLEY_DATA_DIR}, {@code MICRONAUT_SERVER_PORT}).
 */
public final class ParleyServerMain {
    /** Between application.yml (-300) and environment variables (-200). */
    private static final int CONFIG_FILE_POSITION = -250;

    private ParleyServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        List<PropertySource> configFiles = new ArrayList<>();
        List<String> passThrough = new ArrayList<>();
        Path dataDir = null;
        Integer port = null;
        for (String arg : words(args)) {
            if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(value(arg));
            } else if (arg.startsWith("--port=")) {
                port = Integer.parseInt(value(arg));
            } else if (arg.startsWith("--config=")) {
                configFiles.add(load(Path.of(value(arg))));
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(
                        "usage: parley-server [--data-dir=DIR] [--port=N] [--config=FILE.yml|.properties] [--key=value"
                                + " ...]");
                return;
            } else {
                passThrough.add(arg);
            }
        }
        var settings = new ParleyServer.Settings(dataDir, port, Map.of(), configFiles);
        ParleyServer server;
        try {
            server = ParleyServer.start(settings, passThrough.toArray(String[]::new));
        } catch (DataDirectoryInUseException e) {
            System.err.println("Parley did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("Parley is running at " + server.localUri() + " (data in " + server.dataDir() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "parley-shutdown"));
        stopped.await();
    }

    /**
     * Flags one by one; an argument holding several flags separated by spaces (as
     * {@code -Dparley.args="--port=9090 --data-dir=/srv/parley"} passes them) is split.
     */
    static List<String> words(String[] args) {
        return Arrays.stream(args)
                .filter(arg -> arg != null && !arg.isBlank())
                .flatMap(arg -> Arrays.stream(arg.strip().split("\\s+")))
                .toList();
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static PropertySource load(Path file) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            var loader = name.endsWith(".properties")
                    ? new PropertiesPropertySourceLoader()
                    : new YamlPropertySourceLoader();
            Map<String, Object> values = loader.read(name, in);
            // Above application.yml, below environment variables and flags.
            return PropertySource.of("config-file:" + file, values, CONFIG_FILE_POSITION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
    }
}
