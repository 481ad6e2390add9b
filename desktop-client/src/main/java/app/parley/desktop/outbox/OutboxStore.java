package app.parley.desktop.outbox;

import app.parley.desktop.session.PrivateFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;

/**
 * The outbox on disk, beside the session and as private as it: whose it is (server and user) and
 * the unsent messages. Writes come from workers in any order; only the newest is kept.
 */
public final class OutboxStore {
    private final PrivateFile file;
    private long written = -1;

    public OutboxStore(Path file, ObjectMapper json) {
        this.file = new PrivateFile(file, json);
    }

    /** What is on disk: the file's content. */
    public record Saved(String server, long userId, List<OutboxEntry> entries) {
        public Saved {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /** The unsent messages of this person on this server; none when the file is someone else's. */
    public List<OutboxEntry> load(String server, long userId) {
        return file.read(Saved.class)
                .filter(saved -> saved.userId() == userId && server.equals(saved.server()))
                .map(Saved::entries)
                .orElse(List.of());
    }

    /** Writes {@code content} unless a later version (a higher {@code version}) is written already. */
    public synchronized void write(long version, Saved content) {
        if (version <= written) {
            return;
        }
        if (content.entries().isEmpty()) {
            file.delete();
        } else {
            file.write(content);
        }
        written = version;
    }
}
