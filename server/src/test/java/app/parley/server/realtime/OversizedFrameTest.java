package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.realtime.WsFrames.assertErrorFrame;
import static app.parley.server.realtime.WsFrames.chatPath;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.LogCapture;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client message may be at most 64 KB (65,536 bytes of UTF-8), whether it comes as one frame or
 * as several continuation frames. A larger one closes its socket with 1009 (message too big) and
 * costs the server's log one line, without a stack trace, so that no client can fill the log.
 */
class OversizedFrameTest {
    private static final int LIMIT = 65_536;
    private static final String PREFIX = "{\"type\":\"message\",\"text\":\"";
    private static final String SUFFIX = "\"}";

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    /** A message frame of exactly this many bytes. */
    private static String messageOfBytes(int bytes) {
        return PREFIX + "x".repeat(bytes - PREFIX.length() - SUFFIX.length()) + SUFFIX;
    }

    private static int openSockets() {
        return server.bean(ConnectionRegistry.class).size();
    }

    @BeforeEach
    void noSocketLeftOpen() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(0, openSockets()));
    }

    @Test
    void aMessageOfExactlyTheLimitIsReadLikeAnyOther() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (SocketClient socket = Sockets.openChat(server, alice, chatPath(chat))) {
            socket.sendText(messageOfBytes(LIMIT));
            // Read and refused by the message rules (text too long), not by the size limit.
            assertErrorFrame(socket.next(), "invalid_input", "text", null);
            socket.send(WsFrames.frame("type", "message", "text", "still open"));
            assertEquals("still open", socket.next("message").get("text").asText());
        }
    }

    /**
     * java.net.http sends a long message as several frames, each under the limit, which the
     * framework puts together with no limit at all: this one used to be read whole (any size).
     */
    @Test
    void aMessageOverTheLimitInSeveralFramesClosesTheSocketWith1009AndLogsOneLine() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (LogCapture log = new LogCapture();
                SocketClient socket = Sockets.openChat(server, alice, chatPath(chat))) {
            await().untilAsserted(() -> assertEquals(1, openSockets()));
            socket.sendText(messageOfBytes(LIMIT + 1));

            assertEquals(1009, socket.closeCode());
            assertEquals(List.of(), socket.drain());
            await().untilAsserted(() -> assertEquals(0, openSockets()));
            assertOneWarningWithoutStackTrace(log, alice);
        }
        assertEquals(List.of(), history(bob, chat));
    }

    /**
     * One frame whose header announces more than the limit is refused before its payload is read.
     * The close code was right already, but the server logged the decoder's exception as an ERROR
     * with its stack trace, once per such frame.
     */
    @Test
    void aSingleFrameOverTheLimitClosesTheSocketWith1009AndLogsOneLineWithoutAStackTrace() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (LogCapture log = new LogCapture();
                RawSocket socket = RawSocket.open(alice, chatPath(chat))) {
            await().untilAsserted(() -> assertEquals(1, openSockets()));
            // Only the header and a little of the payload: the server must not wait for the rest.
            socket.sendTextFrameHeader(LIMIT + 1, PREFIX.getBytes(StandardCharsets.UTF_8));
            assertEquals(1009, socket.closeCode());
            await().untilAsserted(() -> assertEquals(0, openSockets()));
            assertOneWarningWithoutStackTrace(log, alice);
        }
        assertEquals(List.of(), history(bob, chat));
    }

    private static void assertOneWarningWithoutStackTrace(LogCapture log, TestUser user) {
        await().until(() ->
                log.events().stream().anyMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN)));
        List<ILoggingEvent> events = log.events();
        List<String> lines = events.stream()
                .map(event -> event.getLevel() + " " + event.getFormattedMessage())
                .toList();
        assertEquals(1, events.size(), () -> "expected one line, got " + lines);
        ILoggingEvent line = events.getFirst();
        assertEquals(Level.WARN, line.getLevel(), lines::toString);
        assertEquals(null, line.getThrowableProxy(), lines::toString);
        assertTrue(
                line.getFormattedMessage().contains("1009")
                        && line.getFormattedMessage().contains("user " + user.id()),
                lines::toString);
    }

    /**
     * A WebSocket client on a plain TCP socket, to send a frame java.net.http would split: the
     * handshake, one frame header, and then the server's frames read until it closes.
     */
    private static final class RawSocket implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        /** What the server sent after its handshake answer. */
        private byte[] pending = new byte[0];

        private RawSocket(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        static RawSocket open(TestUser user, String path) {
            try {
                Socket socket = new Socket("localhost", server.port());
                socket.setSoTimeout((int) SocketClient.WAIT.toMillis());
                RawSocket raw = new RawSocket(socket);
                raw.out.write(
                        ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                                        + "Authorization: Bearer " + user.api().token() + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                raw.out.flush();
                raw.readHandshake();
                return raw;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void readHandshake() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int b = in.read();
                assertTrue(b >= 0, "the server closed during the handshake");
                head.write(b);
            }
            assertTrue(head.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 101"), head::toString);
        }

        /** A masked text frame announcing {@code length} bytes, followed by only {@code start} of them. */
        void sendTextFrameHeader(long length, byte[] start) {
            try {
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                frame.write(0x81);
                frame.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) (length >>> shift) & 0xff);
                }
                frame.write(new byte[] {0, 0, 0, 0}); // a zero mask leaves the payload as it is
                frame.write(start);
                out.write(frame.toByteArray());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads the server's frames until it closes the connection; the code of its close frame. */
        int closeCode() {
            try {
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                in.transferTo(received);
                pending = received.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int at = 0;
            while (at + 2 <= pending.length) {
                int opcode = pending[at] & 0x0f;
                int length = pending[at + 1] & 0x7f;
                at += 2;
                if (length == 126) {
                    length = ((pending[at] & 0xff) << 8) | (pending[at + 1] & 0xff);
                    at += 2;
                } else if (length == 127) {
                    throw new AssertionError("unexpected huge frame from the server");
                }
                if (opcode == 0x8) {
                    return ((pending[at] & 0xff) << 8) | (pending[at + 1] & 0xff);
                }
                at += length;
            }
            throw new AssertionError("no close frame in " + Arrays.toString(pending));
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
