package app.parley.server.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulated sockets receive, by frame type: where the server's fan-out goes (a post in a
 * group of 500 is hundreds of frames) is the first thing to know when a level fails. Only the
 * {@code type} field is read, not the frame.
 */
final class FrameCounter {
    private static final ByteBuf TYPE_FIELD =
            Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("\"type\":\"", StandardCharsets.US_ASCII));
    /**
     * Where a frame's own type is: first, or after a message's id, uuid and chat id, always before
     * any nested object (whose type would be the first found otherwise).
     */
    private static final int TYPE_WITHIN = 128;

    private final ConcurrentMap<String, LongAdder> frames = new ConcurrentHashMap<>();
    private final LongAdder bytes = new LongAdder();

    void count(ByteBuf content) {
        bytes.add(content.readableBytes());
        frames.computeIfAbsent(typeOf(content), type -> new LongAdder()).increment();
    }

    private static String typeOf(ByteBuf content) {
        ByteBuf head = content.slice(content.readerIndex(), Math.min(TYPE_WITHIN, content.readableBytes()));
        int at = ByteBufUtil.indexOf(TYPE_FIELD, head);
        if (at < 0) {
            return "?";
        }
        int start = at + TYPE_FIELD.readableBytes();
        int end = head.indexOf(start, head.writerIndex(), (byte) '"');
        return end < 0 ? "?" : head.toString(start, end - start, StandardCharsets.US_ASCII);
    }

    /** Frames received so far, by type. */
    Map<String, Long> byType() {
        Map<String, Long> counts = new TreeMap<>();
        frames.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    long frames() {
        return frames.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long bytes() {
        return bytes.sum();
    }
}
