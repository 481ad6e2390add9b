package app.parley.server.dialects.seed000;

import app.parley.model.common.IdRef;
import app.parley.server.common.IdRefs;
import app.parley.server.errors.InvalidInputException;

/** Reads an id of seed 000's JSON: a UUID string (an integer id is accepted too, as everywhere in Parley). */
final class Ids {
    private Ids() {}

    static IdRef parse(Object raw, String field) {
        if (raw != null && !(raw instanceof String) && !(raw instanceof Number)) {
            throw new InvalidInputException(field, field + " must be a UUID");
        }
        return IdRefs.parse(raw, field);
    }
}
