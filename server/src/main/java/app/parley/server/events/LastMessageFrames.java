package app.parley.server.events;

import app.parley.model.event.LastMessageEvent;
import app.parley.model.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code last_message} frames of one new message, one per member, which differ only in the
 * member's unread count: the frame is encoded once and each member's count written into a copy.
 * A message to a group of ten was encoded eleven times, a sixth of a send's time.
 *
 * <p>The key {@code "unread_count":} with its quotes bare can only be the key itself: inside any
 * string value of the frame a quote is escaped.
 */
final class LastMessageFrames {
    private static final byte[] KEY = "\"unread_count\":".getBytes(StandardCharsets.US_ASCII);

    private final byte[] prefix;
    private final byte[] suffix;

    LastMessageFrames(Message message, EventJson json) {
        byte[] zero = json.utf8(LastMessageEvent.of(message, 0));
        int key = indexOf(zero, KEY);
        if (key < 0 || zero[key + KEY.length] != '0') {
            throw new IllegalStateException("a last_message frame without its unread_count");
        }
        int value = key + KEY.length;
        this.prefix = Arrays.copyOfRange(zero, 0, value);
        this.suffix = Arrays.copyOfRange(zero, value + 1, zero.length);
    }

    /** The frame for a member who does not have a mention in it, with their unread count. */
    byte[] withUnreadCount(long unreadCount) {
        byte[] count = Long.toString(unreadCount).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + count.length + suffix.length];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(count, 0, frame, prefix.length, count.length);
        System.arraycopy(suffix, 0, frame, prefix.length + count.length, suffix.length);
        return frame;
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
