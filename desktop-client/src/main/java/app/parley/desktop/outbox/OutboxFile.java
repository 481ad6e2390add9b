package app.parley.desktop.outbox;

/**
 * A file of an unsent message: where it lies on this computer until it is uploaded, and the
 * attachment's id once it is (so a resend after a restart does not upload it twice).
 */
public record OutboxFile(String path, String name, long size, Long attachmentId) {

    public boolean uploaded() {
        return attachmentId != null;
    }

    OutboxFile uploadedAs(long id) {
        return new OutboxFile(path, name, size, id);
    }
}
