package app.parley.desktop.attachments;

import app.parley.desktop.i18n.Messages;

/** A size in the units people read, in their language: 812 B, 1.5 KB, 12 MB (12 МБ). */
public final class FileSizes {
    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    private final Messages text;

    public FileSizes(Messages text) {
        this.text = text;
    }

    public String of(long bytes) {
        if (bytes < KB) {
            return text.get("attachments.size.bytes", bytes);
        }
        if (bytes < MB) {
            return text.get("attachments.size.kb", rounded(bytes, KB));
        }
        if (bytes < GB) {
            return text.get("attachments.size.mb", rounded(bytes, MB));
        }
        return text.get("attachments.size.gb", rounded(bytes, GB));
    }

    /** One decimal below 10 (1.5 MB), none above (12 MB), as file managers show sizes. */
    private static double rounded(long bytes, long unit) {
        double value = (double) bytes / unit;
        return value < 10 ? Math.round(value * 10) / 10.0 : Math.round(value);
    }
}
