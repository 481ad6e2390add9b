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
        return atStart("build 1");
    }

    /** The process's start: the launcher sees the archive (and prepares its folder) as the JVM left it. */
    private ClassDataArchive atStart(String build) {
        ClassDataArchive started = ClassDataArchive.of(
                        List.of("-Xmx256m", "-XX:SharedArchiveFile=" + archive(), "-XX:+UseSerialGC"), build)
                .orElseThrow();
        started.prepareFolder();
        return started;
    }

    /** A first run, with no archive yet: the launcher makes the folder, the JVM writes the archive after the app ends. */
    private void firstRunWrites(boolean hosted, String classes) throws Exception {
        ClassDataArchive first = atStart();
        first.afterRun(hosted);
        Files.writeString(archive(), classes);
    }

    @Test
    void withoutTheFlagThereIsNoArchive() {
        assertTrue(ClassDataArchive.of(List.of("-Xmx256m"), "build 1").isEmpty());
    }

    @Test
    void theFolderIsMadeForTheJvmToWriteInto() {
        atStart();

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
    void anArchiveOfAnotherBuildIsDroppedAtStartSinceTheJvmWouldNeverReplaceIt() throws Exception {
        firstRunWrites(true, "classes of the build before the update");

        atStart("build 2");

        assertFalse(Files.exists(archive()), "the next start makes one that matches the jars");
        ClassDataArchive next = atStart("build 2");
        Files.writeString(archive(), "classes of build 2"); // as the JVM does at that run's exit
        next.afterRun(true);
        atStart("build 2").afterRun(true);
        assertEquals("classes of build 2", Files.readString(archive()));
    }

    @Test
    void aRunEndedByASignalStillLeavesANoteSoItsArchiveIsKept() throws Exception {
        atStart(); // no afterRun: SIGTERM ends the JVM, which still writes the archive
        Files.writeString(archive(), "classes of a run that joined a server");

        atStart().afterRun(false);

        assertTrue(Files.exists(archive()));
    }

    @Test
    void aJoiningRunKeepsTheArchiveItFound() throws Exception {
        firstRunWrites(false, "classes of a run that joined a server");

        atStart().afterRun(false);

        assertTrue(Files.exists(archive()));
    }
}
