package app.parley.server.config;

import java.nio.file.Path;

/** Another Parley server runs on this data dir; starting a second one there is refused. */
public final class DataDirectoryInUseException extends RuntimeException {
    private final Path dataDir;
    private final String holderPid;

    public DataDirectoryInUseException(Path dataDir, String holderPid) {
        super("the data directory " + dataDir + " is in use by another Parley server"
                + (holderPid == null ? "" : " (pid " + holderPid + ")")
                + "; stop that server or start this one with another --data-dir");
        this.dataDir = dataDir;
        this.holderPid = holderPid;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The pid the holder wrote, or null if it could not be read. */
    public String holderPid() {
        return holderPid;
    }
}
