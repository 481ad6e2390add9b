package app.parley.server;

import app.parley.server.cli.ParleyCommandLine;
import app.parley.server.cli.Terminal;

/**
 * {@code parley-server}: the server and its admin commands (see cli.ParleyCommandLine, and the
 * README's "Running a server on a LAN box"). Without a command it serves: port 8080, data in
 * {@code ~/.parley}, unless flags, environment variables or a config file say otherwise.
 */
public final class ParleyServerMain {
    private ParleyServerMain() {}

    public static void main(String[] args) {
        System.exit(new ParleyCommandLine(Terminal.ofProcess()).run(args));
    }
}
