package app.parley.server.realtime;

import app.parley.model.account.UserRef;
import app.parley.model.event.CloseCodes;
import app.parley.server.events.Delivery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open socket of one user: a chat socket (bound to a chat once it opens) or a main socket.
 * It writes frames in the order they are handed to it and never blocks the caller: at most
 * {@code outboundQueueMax} frames wait to be written, and a socket that falls further behind is
 * closed (code 1013) so that it cannot hold memory or slow anyone else; the client reconnects
 * and catches up.
 */
final class Connection {
    private static final int MAX_REASON_BYTES = 123;

    private final WebSocketSession session;
    private final @Nullable Channel channel;
    private final long userId;
    private final boolean main;
    private final Executor inbound;
    private final Limits limits;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger waitingFrames = new AtomicInteger();
    private final Object order = new Object();
    private final EventLoopWriter writer;
    /** Frames ({@code byte[]}) and the close ({@code Runnable}) waiting for the event loop, in order. */
    private final Queue<Object> outbox = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    private volatile long chatId;
    private volatile boolean closed;
    private boolean overflowed;
    /** Frames that arrived while the opening history was being read; null once it has been sent. */
    private @Nullable List<Delivery> held;
    /** Newest message id in the opening history: later copies of these messages are skipped. */
    private volatile long historyCeiling;
    /** Where the socket's history pages have reached going forwards; catch_up goes on from here. */
    private volatile long pagedUpTo;

    private volatile UserRef user;
    private volatile boolean watchesPresence;
    private final @Nullable String sessionId;

    /** How far a socket may fall behind, and how it is closed when it does. */
    record Limits(int outboundQueueMax, int inboundQueueMax, Duration closeGrace, TaskScheduler scheduler) {}

    /**
     * @param main a main socket (notifications of every chat) rather than a chat socket, which
     *             holds live frames back until its opening history has been sent
     */
    Connection(
            WebSocketSession session,
            @Nullable Channel channel,
            long userId,
            boolean main,
            @Nullable String sessionId,
            Executor inbound,
            Limits limits,
            EventLoopWriter writer) {
        this.writer = writer;
        this.sessionId = sessionId;
        this.session = session;
        this.channel = channel;
        this.userId = userId;
        this.main = main;
        this.inbound = inbound;
        this.limits = limits;
        this.held = main ? null : new ArrayList<>();
    }

    long userId() {
        return userId;
    }

    /** The user as others see them; known once the socket has opened. */
    UserRef user() {
        return user;
    }

    void bindUser(UserRef user) {
        this.user = user;
    }

    /** Newest message id the opening history covered; later ones arrive live. */
    long historyCeiling() {
        return historyCeiling;
    }

    /** The newest id up to which the socket's history pages (opening and catch_up) have gone without a gap. */
    long pagedUpTo() {
        return pagedUpTo;
    }

    /** A history page up to {@code id} has been sent: the next catch_up continues after it. */
    void pagedUpTo(long id) {
        this.pagedUpTo = id;
    }

    String id() {
        return session.getId();
    }

    /** The chat of a chat socket, 0 for a main socket or before the chat is known. */
    long chatId() {
        return chatId;
    }

    void bindChat(long chatId) {
        this.chatId = chatId;
    }

    boolean isMain() {
        return main;
    }

    /** The session of the token the socket was opened with; its end closes the socket. */
    @Nullable
    String sessionId() {
        return sessionId;
    }

    /** A main socket whose client asked for {@code presence} frames ({@code ?presence=true}). */
    boolean watchesPresence() {
        return watchesPresence;
    }

    void watchPresence() {
        this.watchesPresence = true;
    }

    boolean isOpen() {
        return !closed && session.isOpen();
    }

    /** Runs work for this socket after everything handed to it before: frames are handled in order. */
    void handle(Runnable work) {
        inbound.execute(work);
    }

    /**
     * Queues a client frame, unless {@code inboundQueueMax} of them already wait: a client that
     * sends faster than its frames are stored is refused rather than buffered without end.
     */
    boolean handleFrame(Runnable work) {
        if (waitingFrames.incrementAndGet() > limits.inboundQueueMax()) {
            waitingFrames.decrementAndGet();
            return false;
        }
        inbound.execute(() -> {
            try {
                work.run();
            } finally {
                waitingFrames.decrementAndGet();
            }
        });
        return true;
    }

    /** Writes a frame published on the bus, unless the opening history already held its message. */
    void deliver(Delivery delivery) {
        synchronized (order) {
            if (held != null) {
                if (held.size() >= limits.outboundQueueMax()) {
                    overflowed();
                } else {
                    held.add(delivery);
                }
                return;
            }
            if (delivery.newMessageId() != 0 && delivery.newMessageId() <= historyCeiling) {
                return;
            }
            write(delivery.utf8());
        }
    }

    /**
     * Sends the opening history, then whatever arrived meanwhile that it does not already contain.
     *
     * @param ceiling   the chat's newest message id when the history was read: later ones come live
     * @param pagedUpTo where the history ends going forwards (the ceiling, unless more pages follow)
     */
    void open(byte[] history, long ceiling, long pagedUpTo) {
        synchronized (order) {
            write(history);
            historyCeiling = ceiling;
            this.pagedUpTo = pagedUpTo;
            List<Delivery> waiting = held;
            held = null;
            if (waiting != null) {
                for (Delivery frame : waiting) {
                    deliver(frame);
                }
            }
        }
    }

    /** A frame for this socket alone (replies to its own requests). */
    void send(byte[] utf8) {
        synchronized (order) {
            write(utf8);
        }
    }

    /** The peer or the server closed the socket: nothing more is written to it. */
    void closed() {
        closed = true;
    }

    /** Closes after the frames handed to the socket before (the close frame follows them). */
    void close(int code, String reason) {
        closed = true;
        Runnable closing = () -> {
            if (session.isOpen()) {
                session.close(new CloseReason(code, fitting(reason)));
            }
        };
        if (channel == null) {
            closing.run();
            return;
        }
        outbox.add(closing);
        scheduleDrain();
    }

    /** A close reason is at most 123 bytes of UTF-8; a longer one breaks the close frame and loses the code. */
    private static String fitting(String reason) {
        if (reason == null) {
            return "";
        }
        String fitting = reason;
        while (fitting.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            fitting = fitting.substring(0, fitting.offsetByCodePoints(fitting.length(), -1));
        }
        return fitting;
    }

    /** Closes without waiting for the peer to read the close frame (it may never read again). */
    void abort() {
        closed = true;
        if (channel != null) {
            channel.close();
        }
    }

    void ping() {
        if (isOpen()) {
            session.sendPingAsync(new byte[0]);
        }
    }

    private void write(byte[] utf8) {
        if (closed || !session.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > limits.outboundQueueMax()) {
            overflowed();
            return;
        }
        if (channel == null) {
            try {
                session.sendAsync(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8)))
                        .whenComplete((sent, failure) -> queued.decrementAndGet());
            } catch (RuntimeException e) {
                // The peer closed the socket before its close handler ran: nothing more goes to it.
                queued.decrementAndGet();
                closed = true;
            }
            return;
        }
        outbox.add(utf8);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            writer.submit(channel.eventLoop(), this);
        }
    }

    /**
     * On the channel's event loop: writes the frames waiting, in the order they were handed over,
     * with one flush, and closes where the close was asked.
     */
    void drain() {
        drainScheduled.set(false);
        boolean unflushed = false;
        for (Object next; (next = outbox.poll()) != null; ) {
            if (next instanceof byte[] utf8) {
                channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8)))
                        .addListener(written -> queued.decrementAndGet());
                unflushed = true;
            } else if (next instanceof Runnable closing) {
                if (unflushed) {
                    channel.flush();
                    unflushed = false;
                }
                closing.run();
            }
        }
        if (unflushed) {
            channel.flush();
        }
    }

    /** Called with the order lock held. The close frame queues behind the backlog; a peer that never reads is cut off. */
    private void overflowed() {
        if (!overflowed) {
            overflowed = true;
            close(CloseCodes.TOO_SLOW, "too slow: reconnect and catch up");
            limits.scheduler().schedule(limits.closeGrace(), this::abort);
        }
    }
}
