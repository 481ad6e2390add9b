package app.parley.desktop.conversation;

import app.parley.model.account.UserRef;
import app.parley.model.common.IdRef;

/** Reads a user reference's numeric id (the server always sends numbers in responses). */
final class Authors {
    private Authors() {}

    static long idOf(UserRef user) {
        if (user.id() instanceof IdRef.Numeric numeric) {
            return numeric.id();
        }
        throw new IllegalArgumentException("the server sent a user without a numeric id: " + user);
    }
}
