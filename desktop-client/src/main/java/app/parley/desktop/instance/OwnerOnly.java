package app.parley.desktop.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only their owner may read: the port file carries the secret that lets a caller in. */
final class OwnerOnly {
    private OwnerOnly() {}

    static void createFile(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            // Windows: files under %APPDATA% inherit an ACL that admits only the user (and admins).
            Files.createFile(file);
        }
    }
}
