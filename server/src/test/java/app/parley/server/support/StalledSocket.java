package app.parley.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that does the handshake over a raw TCP socket and then reads nothing until
 * told to: the server's frames pile up in a tiny receive buffer and then in the server's own
 * queue, as with a client on a stalled network or a frozen process. {@link #readUntilEnd} later
 * reads whatever the server managed to send, frame by frame.
 */
public final class StalledSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;

    /** One frame the server sent: its opcode, its payload and, for a close frame, the code. */
    public record Frame(int opcode, byte[] payload) {
        public static final int TEXT = 0x1;
        public static final int CLOSE = 0x8;

        public boolean isText() {
            return opcode == TEXT;
        }

        public boolean isClose() {
            return opcode == CLOSE;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(payload, StandardCharsets.UTF_8), e);
            }
        }

        public int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        public String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    /** What the server sent until it closed the connection (or until the read timed out). */
    public record Received(List<Frame> frames, boolean endOfStream) {
        public List<Frame> textFrames() {
            return frames.stream().filter(Frame::isText).toList();
        }

        /** The close frame, if one came. */
        public Frame close() {
            return frames.stream().filter(Frame::isClose).findFirst().orElse(null);
        }
    }

    private StalledSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /**
     * Opens {@code path} as the user, completes the handshake and reads nothing more. The receive
     * buffer is made as small as the OS allows, so that the server's queue, not the kernel, takes
     * the backlog.
     */
    public static StalledSocket open(RunningServer server, TestUser user, String path) {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(1024);
            socket.connect(new InetSocketAddress("localhost", server.port()), 5_000);
            socket.setSoTimeout(10_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET " + path + " HTTP/1.1\r\n"
                    + "Host: localhost:" + server.port() + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer " + user.api().token() + "\r\n"
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StalledSocket stalled = new StalledSocket(socket);
            String head = stalled.readHead();
            assertTrue(head.startsWith("HTTP/1.1 101"), () -> "handshake refused: " + head);
            return stalled;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one text frame (masked, as a client must). */
    public void sendText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | Frame.TEXT);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            socket.getOutputStream().write(frame.toByteArray());
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts reading again: every frame until the server closes the connection, or until nothing
     * arrives for {@code quiet}. Stops after a close frame too (the server sends nothing after it).
     */
    public Received readUntilEnd(Duration quiet) {
        List<Frame> frames = new ArrayList<>();
        try {
            socket.setSoTimeout((int) quiet.toMillis());
            while (true) {
                Frame frame = readFrame();
                frames.add(frame);
                if (frame.isClose()) {
                    return new Received(frames, false);
                }
            }
        } catch (EOFException e) {
            return new Received(frames, true);
        } catch (SocketTimeoutException e) {
            return new Received(frames, false);
        } catch (IOException e) {
            // A reset after the server aborted the connection ends the stream too.
            return new Received(frames, true);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** One whole message: fragments are joined, pings and pongs skipped. */
    private Frame readFrame() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int opcode = -1;
        while (true) {
            int first = readByte();
            int second = readByte();
            boolean fin = (first & 0x80) != 0;
            int code = first & 0x0F;
            assertEquals(0, second & 0x80, "a server frame must not be masked");
            long length = second & 0x7F;
            if (length == 126) {
                length = (readByte() << 8) | readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte();
                }
            }
            byte[] data = in.readNBytes((int) length);
            if (data.length < length) {
                throw new EOFException("the connection ended inside a frame");
            }
            if (code == 0x9 || code == 0xA) {
                continue;
            }
            if (code != 0) {
                opcode = code;
            }
            payload.writeBytes(data);
            if (fin) {
                return new Frame(opcode, payload.toByteArray());
            }
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }
}
