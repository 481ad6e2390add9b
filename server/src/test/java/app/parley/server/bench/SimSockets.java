package app.parley.server.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens the simulated users' WebSockets, all on one small Netty event loop group (the way
 * {@link LoadClient} does): ten thousand idle sockets cost a few file descriptors' worth of
 * memory each and no thread. Counts what every socket receives.
 */
final class SimSockets implements AutoCloseable {
    private static final int MAX_FRAME = 4 << 20;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final FrameCounter received = new FrameCounter();

    SimSockets(int threads) {
        group = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory("sim-sockets", true), NioIoHandler.newFactory());
        bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
    }

    /**
     * Opens a socket with the bearer token in the handshake. The future completes once the
     * handshake is done; {@code trouble} hears of anything wrong after that (an error frame, a
     * close the simulator did not ask for).
     */
    CompletableFuture<SimSocket> open(URI uri, String token, Consumer<String> trouble) {
        SimSocket socket = new SimSocket(received, trouble);
        HttpHeaders headers = new DefaultHttpHeaders().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        bootstrap
                .clone()
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(65_536),
                                        new WebSocketClientProtocolHandler(
                                                WebSocketClientHandshakerFactory.newHandshaker(
                                                        uri, WebSocketVersion.V13, null, false, headers, MAX_FRAME),
                                                false /* close frames are the socket's to see */,
                                                true),
                                        new WebSocketFrameAggregator(MAX_FRAME),
                                        socket);
                    }
                })
                .connect(uri.getHost(), uri.getPort())
                .addListener(connected -> {
                    if (!connected.isSuccess()) {
                        socket.failed(connected.cause());
                    }
                });
        return socket.opened();
    }

    FrameCounter received() {
        return received;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
