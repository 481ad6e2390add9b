package app.parley.server.common;

import app.parley.model.common.IdRef;
import app.parley.server.errors.NotFoundException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Finds one kind of entity by either reference a client may write (integer id or UUID), through
 * its repository's two look-ups, and names it the same way when it is missing:
 * {@code <noun>_not_found}, "{@code <noun> <reference> does not exist}".
 */
public final class ByReference<T> {
    private final String noun;
    private final LongFunction<Optional<T>> byId;
    private final Function<String, Optional<T>> byUuid;

    public ByReference(String noun, LongFunction<Optional<T>> byId, Function<String, Optional<T>> byUuid) {
        this.noun = noun;
        this.byId = byId;
        this.byUuid = byUuid;
    }

    public Optional<T> find(IdRef ref) {
        return switch (ref) {
            case IdRef.Numeric n -> byId.apply(n.id());
            case IdRef.Uuid u -> byUuid.apply(u.uuid().toString());
        };
    }

    /** The entity, or 404 {@code <noun>_not_found}. */
    public T get(IdRef ref) {
        return find(ref).orElseThrow(() -> notFound(ref.display()));
    }

    /** The refusal for a reference (as the client wrote it) that names nothing of this kind. */
    public NotFoundException notFound(String reference) {
        return new NotFoundException(noun + "_not_found", noun + " " + reference + " does not exist");
    }
}
