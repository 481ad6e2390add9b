package app.parley.server.files;

/** Byte counts as people read them in error messages. */
public final class Sizes {
    private Sizes() {}

    public static String human(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1L << 20) {
            return (bytes % (1L << 20) == 0
                            ? String.valueOf(bytes >> 20)
                            : String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) (1L << 20)))
                    + " MB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
