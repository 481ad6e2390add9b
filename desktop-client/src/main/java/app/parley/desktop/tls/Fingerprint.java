package app.parley.desktop.tls;

import javafx.scene.control.TextArea;

/** How a certificate's SHA-256 fingerprint is shown to compare by eye. */
public final class Fingerprint {
    private Fingerprint() {}

    /** 32 bytes as {@code AB:CD:…} on two lines of 16, so that it fits a dialog and reads in halves. */
    public static String inTwoLines(String fingerprint) {
        return fingerprint.replaceFirst("^(([0-9A-Fa-f]{2}:){15}[0-9A-Fa-f]{2}):", "$1\n");
    }

    /** The fingerprint in two lines of fixed-width text, selectable to copy, not editable. */
    public static TextArea box(String id, String fingerprint) {
        var box = new TextArea(inTwoLines(fingerprint));
        box.setId(id);
        box.setEditable(false);
        box.setWrapText(true);
        box.setPrefRowCount(2);
        box.getStyleClass().add("certificate-fingerprint");
        return box;
    }
}
