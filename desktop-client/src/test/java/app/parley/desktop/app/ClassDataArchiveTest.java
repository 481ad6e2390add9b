package app.parley.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's part in the JVM's class-data archive: its folder, and an archive that lacks the server. */
class ClassDataArchiveTest {
    @TempDir
    Path cache;

    private Path archive() {
        return cache.resolve("parley/classes.jsa");
    }

    private ClassDataArchive atStart() {
        return ClassDataArchive.of(List.of("-Xmx256m", "-XX:SharedArchiveFile=" + archive(), "-XX:+UseSerialGC"))
                .orElseThrow();
    }

    /** A first run, with no archive yet: the launcher makes the folder, the JVM writes the archive after the app ends. */
    private void firstRunWrites(boolean hosted, String classes) throws Exception {
        ClassDataArchive first = atStart();
        first.prepareFolder();
        first.afterRun(hosted);
        Files.writeString(archive(), classes);
    }

    @Test
    void withoutTheFlagThereIsNoArchive() {
        assertTrue(ClassDataArchive.of(List.of("-Xmx256m")).isEmpty());
    }

    @Test
    void theFolderIsMadeForTheJvmToWriteInto() {
        atStart().prepareFolder();

        assertTrue(Files.isDirectory(archive().getParent()));
        assertFalse(Files.exists(archive()), "the JVM writes the archive itself, at exit");
    }

    @Test
    void aHostingRunThatFindsAnArchiveMadeWhileJoiningDropsIt() throws Exception {
        firstRunWrites(false, "classes of a run that joined a server");

        atStart().afterRun(true);

        assertFalse(Files.exists(archive()), "the next start makes one with the embedded server's classes");
    }

    @Test
    void anArchiveMadeWhileHostingIsKeptWhateverComesNext() throws Exception {
        firstRunWrites(true, "classes of a run that hosted");

        atStart().afterRun(false);
        atStart().afterRun(true);

        assertEquals("classes of a run that hosted", Files.readString(archive()));
    }

    @Test
    void aJoiningRunKeepsTheArchiveItFound() throws Exception {
        firstRunWrites(false, "classes of a run that joined a server");

        atStart().afterRun(false);

        assertTrue(Files.exists(archive()));
    }
}
