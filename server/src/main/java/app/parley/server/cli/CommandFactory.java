package app.parley.server.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Makes picocli's command objects with the {@link Terminal} they write to (constructor injection). */
final class CommandFactory implements CommandLine.IFactory {
    private final Terminal terminal;

    CommandFactory(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withTerminal;
        try {
            withTerminal = type.getDeclaredConstructor(Terminal.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        withTerminal.setAccessible(true);
        return withTerminal.newInstance(terminal);
    }
}
