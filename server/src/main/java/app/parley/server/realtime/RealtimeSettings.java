package app.parley.server.realtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * WebSocket behaviour, configurable under {@code parley.realtime}; defaults live in application.yml.
 *
 * @param historyLimit      messages in the {@code history} frame when the client gives no limit (seed 002: 100)
 * @param typingTimeout     a typer silent this long is announced as stopped
 * @param typingRefresh     a typer who keeps typing is announced again this often, for sockets that joined since
 * @param outboundQueueMax  frames a socket may have waiting to be written before it is closed as too slow
 * @param inboundQueueMax   frames a client may have waiting to be handled; more are refused with {@code error slow_down}
 * @param closeGrace        how long a socket closed as too slow gets to read its close frame
 * @param pingInterval      how often idle sockets are pinged, which keeps LAN NATs open and finds dead peers
 */
@ConfigurationProperties("parley.realtime")
public record RealtimeSettings(
        int historyLimit,
        Duration typingTimeout,
        Duration typingRefresh,
        int outboundQueueMax,
        int inboundQueueMax,
        Duration closeGrace,
        Duration pingInterval) {}
