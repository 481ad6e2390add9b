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

    /** The JVM's dump at exit: a new file in place of the archive, or of a link to none. */
    private void jvmWritesAtExit(String classes) throws Exception {
        Files.deleteIfExists(archive());
        Files.writeString(archive(), classes);
    }

    private Path kept(String kind) {
        return cache.resolve("parley/classes-" + kind + ".jsa");
    }

    @Test
    void eachKindOfRunGetsAnArchiveOfItsOwn() throws Exception {
        firstRunWrites(false, "classes of a run that joined a server");

        ClassDataArchive second = atStart();
        assertTrue(Files.isSymbolicLink(archive()), "the JVM is pointed at the archive of a kind");
        assertEquals("classes of a run that joined a server", Files.readString(archive()));
        second.afterRun(true); // it hosted, with the joining archive: the next start wants a hosting one

        ClassDataArchive third = atStart();
        assertFalse(Files.exists(archive()), "no hosting archive yet: the JVM makes one at this exit");
        jvmWritesAtExit("classes of a run that hosted");
        third.afterRun(true);

        atStart().afterRun(false);
        assertEquals("classes of a run that hosted", Files.readString(kept("hosting")));
        assertEquals("classes of a run that joined a server", Files.readString(kept("joining")));
        assertEquals(
                "classes of a run that joined a server",
                Files.readString(archive()),
                "after a joining run, the next start maps the joining archive");
        atStart().afterRun(true);
        assertEquals("classes of a run that hosted", Files.readString(archive()));
    }

    @Test
    void aRunThatKeepsToOneKindKeepsItsArchive() throws Exception {
        firstRunWrites(true, "classes of a run that hosted");

        for (int run = 0; run < 3; run++) {
            atStart().afterRun(true);
            assertEquals("classes of a run that hosted", Files.readString(archive()));
        }
    }

    @Test
    void anArchiveOfAnotherBuildIsDroppedAtStartSinceTheJvmWouldNeverReplaceIt() throws Exception {
        firstRunWrites(true, "classes of the build before the update");
        atStart().afterRun(true);
        assertTrue(Files.exists(kept("hosting")));

        // The JVM finds the archive does not match the jars: it runs without it, and writes none.
        atStart("build 2").afterRun(true);

        assertFalse(Files.exists(kept("hosting")), "the next start makes one that matches the jars");
        assertFalse(Files.exists(archive()));
        ClassDataArchive next = atStart("build 2");
        jvmWritesAtExit("classes of build 2");
        next.afterRun(true);
        atStart("build 2").afterRun(true);
        assertEquals("classes of build 2", Files.readString(archive()));
    }

    @Test
    void aRunEndedByASignalStillLeavesANoteSoItsArchiveIsKept() throws Exception {
        atStart(); // no afterRun: SIGTERM ends the JVM, which still writes the archive
        Files.writeString(archive(), "classes of a run that joined a server");

        atStart().afterRun(false);

        assertEquals("classes of a run that joined a server", Files.readString(archive()));
        assertTrue(Files.exists(kept("joining")));
    }
}
