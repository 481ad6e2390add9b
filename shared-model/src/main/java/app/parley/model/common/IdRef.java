package app.parley.model.common;

import java.util.UUID;

/**
 * A reference to an entity: its integer id or its UUID. Every entity is reachable by either,
 * because seed dialects show one or the other. In JSON it is a number or a UUID string; a field
 * that a client fills is read as an {@link IdValue}, which also holds what names nothing.
 */
public sealed interface IdRef extends IdValue permits IdRef.Numeric, IdRef.Uuid {

    record Numeric(long id) implements IdRef {
        @Override
        public String display() {
            return String.valueOf(id);
        }

        @Override
        public Object json() {
            return id;
        }
    }

    record Uuid(UUID uuid) implements IdRef {
        @Override
        public String display() {
            return uuid.toString();
        }

        @Override
        public Object json() {
            return uuid.toString();
        }
    }

    /** The reference as the client wrote it, for error messages. */
    String display();
}
