package app.parley.server.support;

import app.parley.server.cli.ParleyCommandLine;
import app.parley.server.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code parley-server} commands in this JVM, through the same command line as the
 * launcher (only {@code System.exit} is left out), with a script's stdin and no console.
 */
public final class AdminTool {
    private AdminTool() {}

    /** What a command printed and its exit code. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Result run(Path dataDir, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir=" + dataDir);
        return runExactly(stdin, all.toArray(String[]::new));
    }

    public static Result runExactly(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                null);
        int code = new ParleyCommandLine(terminal).run(args);
        return new Result(code, out.toString(), err.toString());
    }
}
