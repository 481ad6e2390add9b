package app.parley.server.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling for {@link RealtimeBenchmark}: a bare Netty WebSocket relay with nothing but the
 * fan-out. A socket joins a room through its path ({@code ws://host:port/relay/{room}}); every
 * text frame is written, as it is, to every socket of the room (the sender's included). No
 * authentication, persistence or JSON.
 */
final class BareRelay implements AutoCloseable {
    private static final String PATH = "/relay";
    private static final AttributeKey<Set<Channel>> ROOM = AttributeKey.valueOf("bench.relay.room");

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;
    private final Map<String, Set<Channel>> rooms = new ConcurrentHashMap<>();

    /** @param workerThreads event loop threads for the sockets; 0 for Netty's default (2 × cores, as Micronaut's) */
    private BareRelay(int workerThreads) throws InterruptedException {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(workerThreads, NioIoHandler.newFactory());
        server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 2048)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new HttpObjectAggregator(65_536),
                                        // path prefix /relay, no subprotocol, no extensions, 64 KB frames,
                                        // checkStartsWith
                                        new WebSocketServerProtocolHandler(PATH, null, false, 65_536, false, true),
                                        new Relay());
                    }
                })
                .bind(new InetSocketAddress("localhost", 0))
                .sync()
                .channel();
    }

    static BareRelay start(int workerThreads) throws InterruptedException {
        return new BareRelay(workerThreads);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The path a client of the room opens. */
    static String path(int room) {
        return PATH + "/" + room;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Relay extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
                String uri = handshake.requestUri();
                int query = uri.indexOf('?');
                String room = uri.substring(PATH.length() + 1, query < 0 ? uri.length() : query);
                Set<Channel> members = rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet());
                Channel channel = ctx.channel();
                members.add(channel);
                channel.attr(ROOM).set(members);
                channel.closeFuture().addListener(closed -> members.remove(channel));
            } else {
                super.userEventTriggered(ctx, event);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            Set<Channel> members = ctx.channel().attr(ROOM).get();
            if (members == null) {
                return;
            }
            for (Channel member : members) {
                // One shared buffer, one reference per receiver; the frame itself is released on return.
                member.writeAndFlush(new TextWebSocketFrame(frame.content().retainedDuplicate()), member.voidPromise());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
