package app.parley.desktop.app;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed app starts with {@code -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=…} in
 * the user's cache folder: when no archive is there, the JVM writes the classes this run loaded
 * into it at exit, and maps them at every later start, which then skips most class loading (the
 * embedded server's start above all).
 *
 * <p>Three things the JVM leaves to the app. It does not create the folder, so no archive would
 * ever be written. It never replaces an archive made by another build of the app: the archive no
 * longer matches the jars, the JVM runs without it, and writes no new one, so after an update the
 * app would start slowly for good. And it keeps an archive for as long as it is valid, whatever
 * the run that made it: one made while joining a server lacks the embedded server's classes, so
 * hosting would never get faster; one made while hosting holds them all, and a joining app maps
 * and relocates the whole of it, ~60 MB more resident memory than an archive of its own.
 *
 * <p>So the app keeps one archive per kind of run, {@code classes-hosting.jsa} and
 * {@code classes-joining.jsa}, and the file the JVM is told of is a symbolic link to the one the
 * next run most likely wants: the kind of the run that ended last. A link to an archive not made
 * yet leaves the next run without one; the JVM then writes its archive in place of the link, and
 * the start after it files it under the kind noted beside it. A note beside each archive says
 * which build made it and whether its run hosted; an archive of another build is deleted at start.
 * Where links cannot be made (Windows without developer mode), one archive serves both kinds: one
 * without the server is dropped by a hosting run at its end, and the next start makes a whole one.
 */
final class ClassDataArchive {
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final String FLAG = "-XX:SharedArchiveFile=";
    private static final String BUILD = "build";
    private static final String HOLDS = "holds";
    private static final String WITH_SERVER = "with the embedded server";
    private static final String WITHOUT_SERVER = "without the embedded server";

    private static final String HOSTING = "hosting";
    private static final String JOINING = "joining";

    private final Path file;
    private final Path note;
    private final String build;
    private final boolean existedAtStart;

    private ClassDataArchive(Path file, String build) {
        this.file = file;
        this.note = noteOf(file);
        this.build = build;
        // Through a link, the archive it names: whether the JVM had one to map at this start.
        this.existedAtStart = Files.isRegularFile(file);
    }

    /**
     * The archive the JVM was told to use ({@code jvmArguments} as the runtime reports them), if
     * any; {@code build} names the app's build that runs (see {@link #thisBuild}).
     */
    static Optional<ClassDataArchive> of(List<String> jvmArguments, String build) {
        return jvmArguments.stream()
                .filter(argument -> argument.startsWith(FLAG))
                .map(argument -> Path.of(argument.substring(FLAG.length())))
                .reduce((first, last) -> last)
                .map(path -> new ClassDataArchive(path, build));
    }

    /** The archive of this JVM, if it was told to use one. */
    static Optional<ClassDataArchive> ofThisJvm() {
        return of(ManagementFactory.getRuntimeMXBean().getInputArguments(), thisBuild());
    }

    /**
     * What the JVM checks an archive against, as one digest: the JVM's version and every class
     * path entry's name, size and modification time (an update rewrites the jars).
     */
    static String thisBuild() {
        var digest = new StringBuilder(System.getProperty("java.vm.version", ""));
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            digest.append('\n').append(entry);
            try {
                digest.append(' ')
                        .append(Files.size(path))
                        .append(' ')
                        .append(Files.getLastModifiedTime(path).toMillis());
            } catch (IOException | RuntimeException e) {
                digest.append(" absent");
            }
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(digest.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * At the process's start: makes the archive's folder, so that the JVM can write the archive at
     * exit, and notes the build that will have made it; drops archives of another build; and files
     * the archive the last run wrote under its kind.
     */
    void prepareFolder() {
        try {
            Files.createDirectories(file.getParent());
            for (String kind : List.of(HOSTING, JOINING)) {
                Path kept = kindFile(kind);
                if (Files.exists(kept) && !build.equals(noted(noteOf(kept)).getProperty(BUILD))) {
                    Files.deleteIfExists(kept);
                    Files.deleteIfExists(noteOf(kept));
                }
            }
            if (Files.isSymbolicLink(file)) {
                if (!Files.exists(file)) {
                    // No archive to map: the JVM writes one in place of the link at this run's exit.
                    write(WITHOUT_SERVER);
                }
                return;
            }
            if (!existedAtStart) {
                // Noted now, not at the end: a run ended by a signal still writes its archive.
                write(WITHOUT_SERVER);
            } else if (!build.equals(noted(note).getProperty(BUILD))) {
                Files.deleteIfExists(file);
                // Noted for this build at once: should the JVM write an archive at this exit after
                // all, it is this build's.
                write(WITHOUT_SERVER);
                LOG.info("The class-data archive was made by another build of the app; the next start makes a new one");
            } else {
                fileUnderItsKind();
            }
        } catch (IOException | SecurityException e) {
            LOG.info("No class-data archive: {} cannot be made ({})", file.getParent(), e.toString());
        }
    }

    /** Moves the archive the last run wrote to its kind's name, and links to it; left as it is where links cannot be made. */
    private void fileUnderItsKind() throws IOException {
        String kind = WITH_SERVER.equals(noted(note).getProperty(HOLDS)) ? HOSTING : JOINING;
        Path kept = kindFile(kind);
        Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        Files.move(note, noteOf(kept), StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.createSymbolicLink(file, kept.getFileName());
        } catch (IOException | UnsupportedOperationException | SecurityException noLinks) {
            Files.move(kept, file, StandardCopyOption.REPLACE_EXISTING);
            Files.move(noteOf(kept), note, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * At the app's end, before the JVM's: notes what the archive this run writes holds, and points
     * the link at the archive of this run's kind for the next start; where there is no link, drops
     * an archive that lacks the server after a run that hosted.
     */
    void afterRun(boolean hostedAServer) {
        try {
            if (!existedAtStart) {
                write(hostedAServer ? WITH_SERVER : WITHOUT_SERVER);
            } else if (Files.isSymbolicLink(file)) {
                Path wanted = kindFile(hostedAServer ? HOSTING : JOINING).getFileName();
                if (!wanted.equals(Files.readSymbolicLink(file))) {
                    Files.delete(file);
                    Files.createSymbolicLink(file, wanted);
                }
            } else if (hostedAServer
                    && Files.exists(file)
                    && !WITH_SERVER.equals(noted(note).getProperty(HOLDS))) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(note);
                LOG.info("The class-data archive lacked the embedded server; the next start makes a new one");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.info("Class-data archive not prepared for the next start: {}", e.toString());
        }
    }

    private Path kindFile(String kind) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        return file.resolveSibling(stem + "-" + kind + extension);
    }

    private static Path noteOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".txt");
    }

    private void write(String holds) throws IOException {
        var properties = new Properties();
        properties.setProperty(BUILD, build);
        properties.setProperty(HOLDS, holds);
        try (var out = Files.newBufferedWriter(note, StandardCharsets.UTF_8)) {
            properties.store(out, "What the class-data archive beside holds (Parley)");
        }
    }

    private static Properties noted(Path note) throws IOException {
        var properties = new Properties();
        if (Files.exists(note)) {
            try (var in = Files.newBufferedReader(note, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IllegalArgumentException damaged) {
                return new Properties();
            }
        }
        return properties;
    }
}
