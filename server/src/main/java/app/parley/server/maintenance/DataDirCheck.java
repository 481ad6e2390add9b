package app.parley.server.maintenance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code parley-server check}: the database's own integrity check, and the file store against
 * the database: content a row needs whose bytes are missing, and bytes no row needs. Read-only,
 * so it may run beside a server (an upload finishing at that moment can show as one unneeded file).
 */
public final class DataDirCheck {
    private DataDirCheck() {}

    /** What was found; nothing in any list means the data dir is sound. */
    public record Findings(List<String> databaseProblems, List<String> missingContent, List<String> unneededContent) {
        public boolean sound() {
            return databaseProblems.isEmpty() && missingContent.isEmpty() && unneededContent.isEmpty();
        }
    }

    public static Findings run(Path dataDir, Path database) {
        try (Connection connection = Sqlite.open(database)) {
            List<String> problems = Sqlite.integrityProblems(connection);
            Set<String> referenced = Sqlite.referencedContent(connection);
            SortedMap<String, String> stored = ContentFiles.onDisk(dataDir);
            Set<String> missing = new TreeSet<>(referenced);
            missing.removeAll(stored.keySet());
            SortedMap<String, String> unneeded = new TreeMap<>(stored);
            unneeded.keySet().removeAll(referenced);
            return new Findings(
                    problems,
                    missing.stream().map(ContentFiles::relativePath).toList(),
                    List.copyOf(unneeded.values()));
        } catch (SQLException e) {
            return new Findings(List.of("database: cannot be read: " + e.getMessage()), List.of(), List.of());
        }
    }
}
