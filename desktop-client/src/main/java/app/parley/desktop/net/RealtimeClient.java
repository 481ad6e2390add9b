package app.parley.desktop.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** Opens the app's sockets: the main socket of a signed-in person, and one per open conversation. */
public final class RealtimeClient {
    private final HttpClient http;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final Duration firstDelay;
    private final Duration maxDelay;

    public RealtimeClient(
            HttpClient http,
            ObjectMapper json,
            ScheduledExecutorService scheduler,
            Duration firstDelay,
            Duration maxDelay) {
        this.http = http;
        this.json = json;
        this.scheduler = scheduler;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** The main socket: notifications from every chat of the signed-in person, and their people's presence. */
    public RealtimeSocket main(ApiClient api, RealtimeListener listener) {
        return open(api, () -> "/api/v1/main?presence=true", listener);
    }

    /** A chat's socket; {@code path} is asked again at each reconnect (with {@code after_id}). */
    public RealtimeSocket chat(ApiClient api, Supplier<String> path, RealtimeListener listener) {
        return open(api, path, listener);
    }

    private RealtimeSocket open(ApiClient api, Supplier<String> path, RealtimeListener listener) {
        var socket = new RealtimeSocket(http, json, api, path, listener, scheduler, firstDelay, maxDelay);
        socket.start();
        return socket;
    }
}
