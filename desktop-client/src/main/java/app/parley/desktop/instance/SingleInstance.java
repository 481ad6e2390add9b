package app.parley.desktop.instance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running app per user (per app data folder): the first launch holds a lock on
 * {@code instance.lock} and listens on a localhost port; a later launch finds the lock taken,
 * hands its command-line arguments (a {@code parley://invite/…} link) to the running app over
 * that port, and exits.
 *
 * <p>Why our own: the Java libraries for this (unique4j, JUnique) are unmaintained since 2020
 * and 2009, and neither keeps other local users out: a localhost port is open to every account
 * on the machine. Here the port is written to {@code instance.port} with a random secret, in
 * a file only its owner can read, and the running app takes arguments only from a caller who
 * knows the secret. The OS lock is released when the process dies, so a crash never leaves a
 * stale "running" mark behind.
 */
public final class SingleInstance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final String LOCK_FILE = "instance.lock";
    private static final String PORT_FILE = "instance.port";
    private static final String ACCEPTED = "ok";
    private static final Duration HANDOFF_WAIT = Duration.ofSeconds(5);
    private static final int IO_TIMEOUT_MILLIS = 3000;

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocket listener;
    private final byte[] secret;
    private final Consumer<List<String>> onArguments;

    private SingleInstance(
            Path folder,
            FileChannel lockChannel,
            FileLock lock,
            ServerSocket listener,
            byte[] secret,
            Consumer<List<String>> onArguments) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.listener = listener;
        this.secret = secret;
        this.onArguments = onArguments;
    }

    /**
     * Becomes the running instance for {@code folder}, or hands {@code arguments} to the one
     * that already runs. Present: this is the first instance, and later launches' arguments
     * reach {@code onArguments} (on a background thread). Empty: another instance has the
     * arguments now, and this one should exit.
     *
     * @throws InstanceUnreachableException another instance holds the lock but does not answer
     */
    public static Optional<SingleInstance> claim(
            Path folder, List<String> arguments, Consumer<List<String>> onArguments) {
        try {
            Files.createDirectories(folder);
            FileChannel channel =
                    FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                handOff(folder, arguments);
                return Optional.empty();
            }
            var listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            writePortFile(folder, listener.getLocalPort(), secret);
            var instance = new SingleInstance(folder, channel, lock, listener, secret, onArguments);
            Thread.ofVirtual().name("parley-instance").start(instance::listen);
            return Optional.of(instance);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check for a running Parley in " + folder, e);
        }
    }

    /** The lock, or null when another process, or another instance in this JVM, holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private void listen() {
        while (!listener.isClosed()) {
            try (Socket caller = listener.accept()) {
                caller.setSoTimeout(IO_TIMEOUT_MILLIS);
                receive(caller);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("A second launch could not hand over its arguments: {}", e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.error("Handling a second launch's arguments failed", e);
            }
        }
    }

    private void receive(Socket caller) throws IOException {
        var in = new BufferedReader(new InputStreamReader(caller.getInputStream(), StandardCharsets.UTF_8));
        String offered = in.readLine();
        if (offered == null || !MessageDigest.isEqual(secret, decode(offered))) {
            LOG.warn("Ignored a local connection without the instance secret");
            return;
        }
        List<String> arguments = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            arguments.add(line);
        }
        Writer out = new OutputStreamWriter(caller.getOutputStream(), StandardCharsets.UTF_8);
        out.write(ACCEPTED + "\n");
        out.flush();
        onArguments.accept(List.copyOf(arguments));
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** Sends the arguments to the running instance; it may be just starting, so it is given a few seconds. */
    private static void handOff(Path folder, List<String> arguments) {
        long deadline = System.nanoTime() + HANDOFF_WAIT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                List<String> portFile = Files.readAllLines(folder.resolve(PORT_FILE), StandardCharsets.UTF_8);
                send(Integer.parseInt(portFile.get(0).strip()), portFile.get(1).strip(), arguments);
                return;
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new InstanceUnreachableException("Parley is running but does not take the link", last);
    }

    private static void send(int port, String secret, List<String> arguments) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), IO_TIMEOUT_MILLIS);
            socket.setSoTimeout(IO_TIMEOUT_MILLIS);
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            out.write(secret + "\n");
            for (String argument : arguments) {
                // One argument a line: a line break inside one (never in a link) would split it.
                out.write(argument.replace('\r', ' ').replace('\n', ' ') + "\n");
            }
            out.write("\n");
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (!ACCEPTED.equals(in.readLine())) {
                throw new IOException("the running instance did not take the arguments");
            }
        }
    }

    private static void writePortFile(Path folder, int port, byte[] secret) throws IOException {
        Path file = folder.resolve(PORT_FILE);
        Path temp = folder.resolve(PORT_FILE + ".tmp");
        Files.deleteIfExists(temp);
        OwnerOnly.createFile(temp);
        Files.writeString(
                temp,
                port + "\n" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
                StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stops listening and lets the next launch become the running instance. */
    @Override
    public void close() {
        try {
            listener.close();
            Files.deleteIfExists(folder.resolve(PORT_FILE));
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("Releasing the instance lock in {} failed: {}", folder, e.getMessage());
        }
    }
}
