package app.parley.desktop.conversation;

import app.parley.model.account.UserRef;

/** Reads a user reference's numeric id (the server always sends numbers in responses). */
final class Authors {
    private Authors() {}

    static long idOf(UserRef user) {
        Object id = user.id();
        return id instanceof Number number ? number.longValue() : Long.parseLong(id.toString());
    }
}
