package app.parley.desktop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed app starts with {@code -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=…} in
 * the user's cache folder: when no valid archive is there, the JVM writes the classes this run
 * loaded into it at exit, and maps them at every later start, which then skips most class loading
 * (the embedded server's start above all).
 *
 * <p>Two things the JVM leaves to the app. It does not create the folder, so no archive would ever
 * be written; and it keeps an archive for as long as it is valid, so one made by a run that only
 * joined a server lacks the embedded server's classes for good, and hosting would never get
 * faster. A note beside the archive says whether its run hosted; a hosting run that finds an
 * archive without the server deletes it, and the next start makes a whole one.
 */
final class ClassDataArchive {
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final String FLAG = "-XX:SharedArchiveFile=";
    private static final String WITH_SERVER = "with the embedded server";
    private static final String WITHOUT_SERVER = "without the embedded server";

    private final Path file;
    private final Path note;
    private final boolean existedAtStart;

    private ClassDataArchive(Path file) {
        this.file = file;
        this.note = file.resolveSibling(file.getFileName() + ".txt");
        this.existedAtStart = Files.isRegularFile(file);
    }

    /** The archive the JVM was told to use ({@code jvmArguments} as the runtime reports them), if any. */
    static Optional<ClassDataArchive> of(List<String> jvmArguments) {
        return jvmArguments.stream()
                .filter(argument -> argument.startsWith(FLAG))
                .map(argument -> Path.of(argument.substring(FLAG.length())))
                .reduce((first, last) -> last)
                .map(ClassDataArchive::new);
    }

    /** Makes the archive's folder, so that the JVM can write the archive at exit. */
    void prepareFolder() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException | SecurityException e) {
            LOG.info("No class-data archive: {} cannot be made ({})", file.getParent(), e.toString());
        }
    }

    /** At the app's end, before the JVM's: notes what this run's archive holds, or drops one that lacks the server. */
    void afterRun(boolean hostedAServer) {
        try {
            if (!existedAtStart) {
                Files.writeString(note, hostedAServer ? WITH_SERVER : WITHOUT_SERVER);
            } else if (hostedAServer && !noted().equals(WITH_SERVER)) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(note);
                LOG.info("The class-data archive lacked the embedded server; the next start makes a new one");
            }
        } catch (IOException e) {
            LOG.info("Class-data archive note not kept: {}", e.toString());
        }
    }

    private String noted() throws IOException {
        return Files.exists(note) ? Files.readString(note).strip() : "";
    }
}
