package app.parley.desktop.conversation;

import java.util.List;

/**
 * What has become of one of the person's own messages: who of the others has read it and whose
 * devices have received it (every reader among them), by name.
 */
record Receipt(List<String> readers, List<String> receivers) {
    static final Receipt NONE = new Receipt(List.of(), List.of());

    boolean read() {
        return !readers.isEmpty();
    }

    boolean delivered() {
        return !receivers.isEmpty();
    }
}
