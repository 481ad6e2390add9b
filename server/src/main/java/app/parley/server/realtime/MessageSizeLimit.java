package app.parley.server.realtime;

import app.parley.model.event.CloseCodes;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Holds a client's messages to {@link SocketEndpoint#MESSAGE_MAX_BYTES} however they are split
 * into frames. Netty's decoder refuses a single frame over the limit before reading it, but the
 * framework joins continuation frames with no limit at all, so without this a client could make
 * the server buffer a message of any size. An oversized message is answered with close 1009; what
 * the client sends after that is discarded until its own close frame arrives (closing at once,
 * with its input unread, would reset the connection and lose the close frame), and the connection
 * is cut after {@code grace} if that never comes. Sits in the socket's pipeline just before the
 * framework's handler, on the connection's event loop.
 */
final class MessageSizeLimit extends ChannelInboundHandlerAdapter {
    static final String NAME = "parley-message-size-limit";

    private final int maxBytes;
    private final Duration grace;
    private final Runnable refused;
    private long messageBytes;
    private boolean refusing;

    /** @param refused run once, on the event loop, when a message is refused */
    MessageSizeLimit(int maxBytes, Duration grace, Runnable refused) {
        this.maxBytes = maxBytes;
        this.grace = grace;
        this.refused = refused;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refusing) {
            boolean peerClosed = msg instanceof CloseWebSocketFrame;
            ReferenceCountUtil.release(msg);
            if (peerClosed) {
                ctx.close();
            }
            return;
        }
        if (msg instanceof ContinuationWebSocketFrame frame) {
            messageBytes += frame.content().readableBytes();
        } else if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
            messageBytes = ((WebSocketFrame) msg).content().readableBytes();
        }
        if (messageBytes > maxBytes) {
            ReferenceCountUtil.release(msg);
            refuse(ctx);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void refuse(ChannelHandlerContext ctx) {
        refusing = true;
        refused.run();
        ctx.writeAndFlush(
                new CloseWebSocketFrame(CloseCodes.MESSAGE_TOO_BIG, "message too big: at most " + maxBytes + " bytes"));
        ctx.executor()
                .schedule(
                        () -> {
                            ctx.close();
                        },
                        grace.toMillis(),
                        TimeUnit.MILLISECONDS);
    }
}
