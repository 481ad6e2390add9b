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
        return shown(bytes, false);
    }

    /**
     * Rounded up, for a size said to be over a limit: a file one byte over 64 KB reads "65 KB",
     * not "64 KB" beside a limit of 64 KB.
     */
    public String atLeast(long bytes) {
        return shown(bytes, true);
    }

    private String shown(long bytes, boolean up) {
        if (bytes < KB) {
            return text.get("attachments.size.bytes", bytes);
        }
        if (bytes < MB) {
            return text.get("attachments.size.kb", rounded(bytes, KB, up));
        }
        if (bytes < GB) {
            return text.get("attachments.size.mb", rounded(bytes, MB, up));
        }
        return text.get("attachments.size.gb", rounded(bytes, GB, up));
    }

    /** One decimal below 10 (1.5 MB), none above (12 MB), as file managers show sizes. */
    private static double rounded(long bytes, long unit, boolean up) {
        double value = (double) bytes / unit;
        double step = value < 10 ? 10 : 1;
        return (up ? Math.ceil(value * step) : Math.round(value * step)) / step;
    }
}
