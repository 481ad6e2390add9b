package app.parley.server.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The WebSocket load client of {@link RealtimeBenchmark}: many sockets on one shared Netty event
 * loop group, identical for every server it is pointed at. Each socket belongs to a room (a chat
 * or a relay room). A sent frame is {@code {"type":"message","text":"bench:<nanoTime>|<sender>|<padding>"}};
 * every copy that comes back (to any socket of the room, the sender's included) is one sample of
 * end-to-end latency: receive nanoTime minus the stamp. Sender and receivers are in this JVM, so
 * the clocks agree.
 *
 * <p>Two ways to offer load: open loop (a pacer thread sends at a fixed total rate, spread
 * round-robin over the rooms and their members, whatever the server does), and closed loop
 * (each room keeps {@code window} messages in flight: a new one is sent when the sender of an
 * earlier one gets its own copy back), which finds the saturation throughput without letting a
 * backlog grow without bound.
 */
final class LoadClient implements AutoCloseable {
    private static final byte[] MARKER = "bench:".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FRAME = 4 << 20;
    /** Width of the slots in which the worst latency is kept, to tell steady queueing from stalls. */
    static final long SLOT_NANOS = 250_000_000L;

    private final EventLoopGroup group;
    private final int threads;
    private final String padding;
    private final LongAdder sentTotal = new LongAdder();
    private final LongAdder expectedTotal = new LongAdder();
    private final LongAdder receivedTotal = new LongAdder();
    private final LongAdder errorFrames = new LongAdder();
    private final LongAdder refusedFrames = new LongAdder();
    private final LongAdder otherFrames = new LongAdder();
    private final AtomicInteger unexpectedCloses = new AtomicInteger();
    private final Queue<String> notes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger noteCount = new AtomicInteger();

    private volatile Phase phase = Phase.idle();
    private volatile boolean disconnecting;
    private List<Room> rooms = List.of();
    private List<Sock> socks = List.of();

    /** Where one socket connects: its URI, its bearer token (null for none) and its room (0-based). */
    record Target(URI uri, String bearer, int room) {}

    /** What one phase measured, over its measured window only. */
    record PhaseResult(
            String label,
            double seconds,
            long sent,
            long frames,
            long[] sortedLatencies,
            long errors,
            long refused,
            int closes,
            long undelivered,
            String cpu,
            long[] worstPerSlot) {

        /**
         * Where the tail comes from: how many {@code SLOT_NANOS} slots of the window saw a copy
         * slower than {@code thresholdMillis}, and the worst few slots (seconds into the window).
         */
        String tail(double thresholdMillis) {
            int over = 0;
            Integer[] order = new Integer[worstPerSlot.length];
            for (int i = 0; i < worstPerSlot.length; i++) {
                order[i] = i;
                if (worstPerSlot[i] / 1e6 > thresholdMillis) {
                    over++;
                }
            }
            Arrays.sort(order, (a, b) -> Long.compare(worstPerSlot[b], worstPerSlot[a]));
            StringBuilder text = new StringBuilder("%d of %d slots of %d ms saw a copy > %.0f ms; worst:"
                    .formatted(over, worstPerSlot.length, SLOT_NANOS / 1_000_000, thresholdMillis));
            for (int i = 0; i < Math.min(4, order.length); i++) {
                text.append(" +%.2f s %.0f ms,".formatted(order[i] * SLOT_NANOS / 1e9, worstPerSlot[order[i]] / 1e6));
            }
            return text.substring(0, text.length() - 1);
        }

        double sentPerSecond() {
            return sent / seconds;
        }

        double framesPerSecond() {
            return frames / seconds;
        }

        /** Latency at a quantile, in milliseconds (NaN without samples). */
        double millis(double quantile) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedLatencies.length - 1, Math.floor(quantile * sortedLatencies.length));
            return sortedLatencies[index] / 1e6;
        }

        double maxMillis() {
            return sortedLatencies.length == 0 ? Double.NaN : sortedLatencies[sortedLatencies.length - 1] / 1e6;
        }
    }

    /**
     * @param threads   event loop threads of the client (all sockets share them)
     * @param textChars length of the padding after the stamp and sender in each message text
     */
    LoadClient(int threads, int textChars) {
        this.threads = threads;
        this.group = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory("bench-client", true), NioIoHandler.newFactory());
        this.padding = "x".repeat(Math.max(0, textChars));
    }

    int threads() {
        return threads;
    }

    // ---------------------------------------------------------------- connecting

    /**
     * Opens every socket, at most {@code concurrency} handshakes at a time, and waits until each
     * is ready: handshake done and, when {@code expectHistory}, its first frame (Parley's
     * {@code history}) received.
     */
    void connect(List<Target> targets, boolean expectHistory, int concurrency, Duration timeout) throws Exception {
        disconnecting = false;
        sentTotal.reset();
        expectedTotal.reset();
        receivedTotal.reset();
        int roomCount = targets.stream().mapToInt(Target::room).max().orElse(-1) + 1;
        List<Room> newRooms = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            newRooms.add(new Room());
        }
        List<Sock> newSocks = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            Sock sock = new Sock(i, newRooms.get(target.room()), expectHistory);
            newRooms.get(target.room()).members.add(sock);
            newSocks.add(sock);
        }
        rooms = newRooms;
        socks = newSocks;

        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis());
        Semaphore permits = new Semaphore(concurrency);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < targets.size(); i++) {
            if (!permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("sockets did not open within " + timeout);
            }
            Target target = targets.get(i);
            Sock sock = newSocks.get(i);
            sock.ready.whenComplete((ok, failure) -> permits.release());
            bootstrap
                    .clone()
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            HttpHeaders headers = new DefaultHttpHeaders();
                            if (target.bearer() != null) {
                                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.bearer());
                            }
                            if ("wss".equals(target.uri().getScheme())) {
                                channel.pipeline()
                                        .addLast(tls().newHandler(
                                                        channel.alloc(),
                                                        target.uri().getHost(),
                                                        target.uri().getPort()));
                            }
                            channel.pipeline()
                                    .addLast(
                                            new HttpClientCodec(),
                                            new HttpObjectAggregator(65_536),
                                            new WebSocketClientProtocolHandler(
                                                    WebSocketClientHandshakerFactory.newHandshaker(
                                                            target.uri(),
                                                            WebSocketVersion.V13,
                                                            null,
                                                            false,
                                                            headers,
                                                            MAX_FRAME),
                                                    false /* close frames are ours to see */,
                                                    true),
                                            new WebSocketFrameAggregator(MAX_FRAME),
                                            sock);
                        }
                    })
                    .connect(target.uri().getHost(), target.uri().getPort())
                    .addListener(connected -> {
                        if (!connected.isSuccess()) {
                            sock.ready.completeExceptionally(connected.cause());
                        }
                    });
        }
        CompletableFuture.allOf(newSocks.stream().map(s -> s.ready).toArray(CompletableFuture[]::new))
                .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * The client side of TLS for {@code wss://} targets, made once: it trusts any certificate, as a
     * load generator against a server it started itself may (it measures, it guards nothing).
     */
    private io.netty.handler.ssl.SslContext tls() {
        if (tls == null) {
            try {
                tls = io.netty.handler.ssl.SslContextBuilder.forClient()
                        .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE)
                        .build();
            } catch (javax.net.ssl.SSLException e) {
                throw new IllegalStateException("no TLS for the load client", e);
            }
        }
        return tls;
    }

    private volatile io.netty.handler.ssl.SslContext tls;

    /** Closes every socket and waits for them to be gone. */
    void disconnect() {
        disconnecting = true;
        for (Sock sock : socks) {
            Channel channel = sock.channel;
            if (channel != null) {
                channel.close();
            }
        }
        for (Sock sock : socks) {
            Channel channel = sock.channel;
            if (channel != null) {
                channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    // ---------------------------------------------------------------- load

    /**
     * Sends {@code rate} messages per second in total, message k from member (k / rooms) of room
     * (k mod rooms), for {@code warmup + measure}; measures during the last {@code measure}.
     */
    PhaseResult openLoop(String label, double rate, Duration warmup, Duration measure) throws InterruptedException {
        long start = System.nanoTime() + warmup.toNanos();
        Phase current = new Phase(start, start + measure.toNanos(), 0);
        Before before = before();
        phase = current;
        int roomCount = rooms.size();
        Thread pacer = Thread.ofPlatform().name("bench-pacer").start(() -> {
            long t0 = System.nanoTime();
            long n = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= current.end) {
                    break;
                }
                long due = (long) ((now - t0) * rate / 1e9);
                while (n < due) {
                    Room room = rooms.get((int) (n % roomCount));
                    room.members
                            .get((int) ((n / roomCount) % room.members.size()))
                            .send(current);
                    n++;
                }
                LockSupport.parkNanos(100_000);
            }
        });
        String cpu = cpuOfWindow(current);
        pacer.join();
        return finish(label, current, before, cpu);
    }

    /** Keeps {@code window} messages in flight per room for {@code warmup + measure}; measures during the last {@code measure}. */
    PhaseResult closedLoop(String label, int window, Duration warmup, Duration measure) throws InterruptedException {
        long start = System.nanoTime() + warmup.toNanos();
        Phase current = new Phase(start, start + measure.toNanos(), window);
        Before before = before();
        phase = current;
        for (int i = 0; i < window; i++) {
            for (Room room : rooms) {
                room.sendNext(current);
            }
        }
        String cpu = cpuOfWindow(current);
        return finish(label, current, before, cpu);
    }

    /** CPU use during the measured window: waits for its start and its end. */
    private static String cpuOfWindow(Phase current) throws InterruptedException {
        sleepUntil(current.start);
        CpuUsage atStart = CpuUsage.now();
        sleepUntil(current.end);
        return CpuUsage.now().since(atStart);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long sleep = nanoTime - System.nanoTime();
        if (sleep > 0) {
            TimeUnit.NANOSECONDS.sleep(sleep);
        }
    }

    private record Before(long outstanding, int closes, long errors, long refused) {}

    private Before before() {
        return new Before(
                expectedTotal.sum() - receivedTotal.sum(),
                unexpectedCloses.get(),
                errorFrames.sum(),
                refusedFrames.sum());
    }

    /** Stops sending, waits until every copy sent has arrived (or nothing arrives for 15 s), then collects. */
    private PhaseResult finish(String label, Phase current, Before before, String cpu) {
        current.sending = false;
        long lastReceived = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            long received = receivedTotal.sum();
            if (received >= expectedTotal.sum()) {
                break;
            }
            long now = System.nanoTime();
            if (received != lastReceived) {
                lastReceived = received;
                lastProgress = now;
            } else if (now - lastProgress > TimeUnit.SECONDS.toNanos(15)) {
                break;
            }
            LockSupport.parkNanos(20_000_000);
        }
        // Copies of this phase's messages that never arrived (earlier losses are not counted again).
        long undelivered = Math.max(0, expectedTotal.sum() - receivedTotal.sum() - Math.max(0, before.outstanding()));
        phase = Phase.idle();
        // A task on every event loop: whatever they recorded before is now visible here.
        for (EventExecutor executor : group) {
            executor.submit(() -> {}).syncUninterruptibly();
        }
        long sent = 0;
        long frames = 0;
        int samples = 0;
        for (Sink sink : current.sinks) {
            sent += sink.sent;
            frames += sink.frames;
            samples += sink.count;
        }
        long[] latencies = new long[samples];
        int at = 0;
        for (Sink sink : current.sinks) {
            System.arraycopy(sink.latencies, 0, latencies, at, sink.count);
            at += sink.count;
        }
        Arrays.sort(latencies);
        long[] worst = new long[current.slots()];
        for (Sink sink : current.sinks) {
            for (int i = 0; i < worst.length; i++) {
                worst[i] = Math.max(worst[i], sink.worst[i]);
            }
        }
        return new PhaseResult(
                label,
                (current.end - current.start) / 1e9,
                sent,
                frames,
                latencies,
                errorFrames.sum() - before.errors(),
                refusedFrames.sum() - before.refused(),
                unexpectedCloses.get() - before.closes(),
                undelivered,
                cpu,
                worst);
    }

    /** Up to a few of the unexpected frames and closes seen, for the report. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    long otherFrames() {
        return otherFrames.sum();
    }

    private void note(String text) {
        if (noteCount.incrementAndGet() <= 10) {
            notes.add(text);
        }
    }

    @Override
    public void close() {
        disconnect();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    // ---------------------------------------------------------------- phases and samples

    /** One measured run: its window (nanoTime), whether it is a closed loop, and the samples per thread. */
    private static final class Phase {
        final long start;
        final long end;
        final int window;
        final Queue<Sink> sinks = new ConcurrentLinkedQueue<>();
        final ThreadLocal<Sink> local = ThreadLocal.withInitial(() -> {
            Sink sink = new Sink(slots());
            sinks.add(sink);
            return sink;
        });
        volatile boolean sending = true;

        Phase(long start, long end, int window) {
            this.start = start;
            this.end = end;
            this.window = window;
        }

        static Phase idle() {
            Phase idle = new Phase(Long.MAX_VALUE, Long.MAX_VALUE, 0);
            idle.sending = false;
            return idle;
        }

        boolean measures(long nanoTime) {
            return nanoTime - start >= 0 && nanoTime - end < 0;
        }

        int slots() {
            return start == Long.MAX_VALUE ? 0 : (int) ((end - start) / SLOT_NANOS) + 1;
        }

        int slot(long nanoTime) {
            return (int) ((nanoTime - start) / SLOT_NANOS);
        }
    }

    /** What one thread recorded in one phase; read only after the phase, through a task on that thread. */
    private static final class Sink {
        long[] latencies = new long[1 << 14];
        /** The worst latency of each slot ({@link #SLOT_NANOS}) of the measured window. */
        final long[] worst;

        int count;
        long sent;
        long frames;

        Sink(int slots) {
            worst = new long[slots];
        }

        void record(long latency, int slot) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
            frames++;
            if (slot >= 0 && slot < worst.length && latency > worst[slot]) {
                worst[slot] = latency;
            }
        }
    }

    private final class Room {
        final List<Sock> members = new ArrayList<>();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger next = new AtomicInteger();

        /** The next member in turn sends one message. */
        void sendNext(Phase current) {
            members.get(Math.floorMod(next.getAndIncrement(), members.size())).send(current);
        }
    }

    // ---------------------------------------------------------------- one socket

    private final class Sock extends SimpleChannelInboundHandler<WebSocketFrame> {
        final int index;
        final Room room;
        final boolean expectHistory;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        volatile Channel channel;
        private boolean counted;

        Sock(int index, Room room, boolean expectHistory) {
            this.index = index;
            this.room = room;
            this.expectHistory = expectHistory;
        }

        void send(Phase current) {
            Channel ch = channel;
            if (ch == null || !ch.isActive()) {
                return;
            }
            long stamp = System.nanoTime();
            String text = "{\"type\":\"message\",\"text\":\"bench:" + stamp + '|' + index + '|' + padding + "\"}";
            ch.writeAndFlush(new TextWebSocketFrame(text), ch.voidPromise());
            sentTotal.increment();
            expectedTotal.add(room.open.get());
            if (current.measures(stamp)) {
                current.local.get().sent++;
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            channel = ctx.channel();
            super.channelActive(ctx);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                counted = true;
                room.open.incrementAndGet();
                if (!expectHistory) {
                    ready.complete(null);
                }
            } else {
                super.userEventTriggered(ctx, event);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            long now = System.nanoTime();
            if (frame instanceof CloseWebSocketFrame close) {
                if (!disconnecting) {
                    note("socket " + index + " closed by the server: " + close.statusCode() + " " + close.reasonText());
                }
                ctx.close();
                return;
            }
            if (!(frame instanceof TextWebSocketFrame)) {
                return;
            }
            ByteBuf content = frame.content();
            if (!ready.isDone()) {
                String text = content.toString(StandardCharsets.UTF_8);
                if (text.contains("\"type\":\"history\"")) {
                    ready.complete(null);
                } else {
                    ready.completeExceptionally(
                            new IllegalStateException("socket " + index + " got " + text + " before its history"));
                }
                return;
            }
            int at = indexOf(content);
            if (at < 0) {
                String text = content.toString(StandardCharsets.UTF_8);
                if (text.contains("\"code\":\"slow_down\"")) {
                    // Refused and told: none of its copies will come, and its sender may send the next one.
                    refusedFrames.increment();
                    expectedTotal.add(-room.open.get());
                    Phase current = phase;
                    if (current.window > 0 && current.sending) {
                        room.sendNext(current);
                    }
                } else if (text.contains("\"type\":\"error\"")) {
                    errorFrames.increment();
                    note("socket " + index + " got " + text);
                } else {
                    otherFrames.increment();
                }
                return;
            }
            int i = at + MARKER.length;
            boolean negative = content.getByte(i) == '-';
            if (negative) {
                i++;
            }
            long stamp = 0;
            for (byte b; (b = content.getByte(i)) != '|'; i++) {
                stamp = stamp * 10 + (b - '0');
            }
            if (negative) {
                stamp = -stamp;
            }
            int sender = 0;
            for (byte b; (b = content.getByte(++i)) != '|'; ) {
                sender = sender * 10 + (b - '0');
            }
            receivedTotal.increment();
            Phase current = phase;
            if (current.measures(now)) {
                current.local.get().record(now - stamp, current.slot(now));
            }
            if (sender == index && current.window > 0 && current.sending) {
                room.sendNext(current);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (counted) {
                room.open.decrementAndGet();
            }
            if (!disconnecting) {
                unexpectedCloses.incrementAndGet();
                note("socket " + index + " lost its connection");
            }
            ready.completeExceptionally(new IllegalStateException("socket " + index + " closed while opening"));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            note("socket " + index + ": " + cause);
            ready.completeExceptionally(cause);
            ctx.close();
        }

        private static int indexOf(ByteBuf content) {
            int end = content.writerIndex() - MARKER.length;
            int from = content.readerIndex();
            while (from <= end) {
                int at = content.indexOf(from, end + 1, MARKER[0]);
                if (at < 0) {
                    return -1;
                }
                boolean match = true;
                for (int k = 1; k < MARKER.length && match; k++) {
                    match = content.getByte(at + k) == MARKER[k];
                }
                if (match) {
                    return at;
                }
                from = at + 1;
            }
            return -1;
        }
    }
}
