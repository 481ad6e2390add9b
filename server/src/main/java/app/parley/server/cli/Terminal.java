package app.parley.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a command reads and writes: the process's own streams, or a test's. Passwords are read
 * here only: from the console without echo when a person types them, else one line of stdin.
 */
public final class Terminal {
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Console console;
    private BufferedReader lines;

    /** {@code console} is null when nobody types (tests, pipes, scripts). */
    public Terminal(InputStream in, PrintWriter out, PrintWriter err, Console console) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    public static Terminal ofProcess() {
        Console console = System.console();
        return new Terminal(
                System.in,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                console != null && console.isTerminal() ? console : null);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /**
     * A new password: typed twice without echo at a terminal (unless {@code fromStdin}), else the
     * first line of stdin. Never an argument: those show in {@code ps} and shell history.
     */
    public String newPassword(String prompt, boolean fromStdin) {
        if (console == null || fromStdin) {
            String line = readLine();
            if (line == null || line.isEmpty()) {
                throw new CommandFailure(ExitCodes.BAD_ARGUMENTS, "no password on stdin (one line expected)");
            }
            return line;
        }
        char[] first = console.readPassword("%s: ", prompt);
        char[] again = console.readPassword("%s again: ", prompt);
        try {
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new CommandFailure(ExitCodes.BAD_ARGUMENTS, "the two passwords differ; nothing was changed");
            }
            return new String(first);
        } finally {
            Arrays.fill(first == null ? new char[0] : first, ' ');
            Arrays.fill(again == null ? new char[0] : again, ' ');
        }
    }

    private String readLine() {
        try {
            if (lines == null) {
                lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            String line = lines.readLine();
            // A pipe from Windows may end the line with \r; anything else is part of the password.
            return line == null || !line.endsWith("\r") ? line : line.substring(0, line.length() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin", e);
        }
    }
}
