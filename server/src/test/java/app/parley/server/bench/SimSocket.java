package app.parley.server.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated socket (a main socket or a chat socket). Frames are counted by type, not parsed: a
 * post in a group of 500 sends 500 frames, and the simulator must stay cheap. Only the first frame (a chat
 * socket's {@code history}) is kept whole, and an error frame is read for its code.
 */
final class SimSocket extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final ByteBuf ERROR_TYPE =
            Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("\"type\":\"error\"", StandardCharsets.US_ASCII));
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]*)\"");

    private final FrameCounter received;
    private final Consumer<String> trouble;
    private final CompletableFuture<SimSocket> opened = new CompletableFuture<>();
    private final CompletableFuture<String> firstFrame = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile boolean closing;

    SimSocket(FrameCounter received, Consumer<String> trouble) {
        this.received = received;
        this.trouble = trouble;
    }

    CompletableFuture<SimSocket> opened() {
        return opened;
    }

    /** The first text frame the server sent (a chat socket's {@code history}). */
    CompletableFuture<String> firstFrame() {
        return firstFrame;
    }

    void send(String json) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new TextWebSocketFrame(json), ch.voidPromise());
        }
    }

    /** A polite close (a close frame, then the connection); nothing to report about it. */
    void close() {
        closing = true;
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (ch != null) {
            ch.close();
        }
    }

    void failed(Throwable cause) {
        opened.completeExceptionally(cause);
        firstFrame.completeExceptionally(cause);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            opened.complete(this);
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof CloseWebSocketFrame close) {
            if (!closing) {
                closing = true;
                trouble.accept("closed by the server: " + close.statusCode() + " " + close.reasonText());
            }
            ctx.close();
            return;
        }
        if (!(frame instanceof TextWebSocketFrame)) {
            return;
        }
        ByteBuf content = frame.content();
        received.count(content);
        if (!firstFrame.isDone()) {
            firstFrame.complete(content.toString(StandardCharsets.UTF_8));
        }
        if (ByteBufUtil.indexOf(ERROR_TYPE, content) >= 0) {
            Matcher code = CODE.matcher(content.toString(StandardCharsets.UTF_8));
            trouble.accept("error frame: " + (code.find() ? code.group(1) : "?"));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        IllegalStateException gone = new IllegalStateException("the connection closed before the socket opened");
        if (opened.isDone() && !closing) {
            trouble.accept("connection lost");
        }
        failed(gone);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (opened.isDone() && !closing) {
            trouble.accept("socket failure: " + cause);
        }
        failed(cause);
        ctx.close();
    }
}
