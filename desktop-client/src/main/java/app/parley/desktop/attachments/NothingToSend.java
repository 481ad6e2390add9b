package app.parley.desktop.attachments;

/** Every file of a message without text was cancelled: the message is dropped, not sent empty. */
public final class NothingToSend extends RuntimeException {
    public NothingToSend() {
        super("every file of the message was cancelled and it has no text");
    }
}
