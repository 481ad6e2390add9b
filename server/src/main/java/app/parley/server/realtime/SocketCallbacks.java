package app.parley.server.realtime;

import com.google.common.util.concurrent.MoreExecutors;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;

/**
 * Where the socket callbacks ({@code @OnOpen}, {@code @OnMessage}, {@code @OnClose}) run: on the
 * Netty thread that read the frame, in arrival order. Under the server's BLOCKING thread
 * selection they would otherwise each go to the worker pool on their own, so two frames of one
 * socket could overtake each other, and a frame could arrive before its socket was set up. The
 * callbacks only queue work on the socket's own sequential executor, so they never block.
 */
@Factory
class SocketCallbacks {
    static final String EXECUTOR = "socket-callbacks";

    @Singleton
    @Named(EXECUTOR)
    ExecutorService inline() {
        return MoreExecutors.newDirectExecutorService();
    }
}
