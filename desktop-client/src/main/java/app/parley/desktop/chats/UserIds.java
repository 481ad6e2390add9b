package app.parley.desktop.chats;

import app.parley.model.account.UserRef;
import app.parley.model.common.IdRef;

/** A user reference's numeric id (the server always sends numbers in its answers). */
public final class UserIds {
    private UserIds() {}

    public static long idOf(UserRef user) {
        if (user.id() instanceof IdRef.Numeric numeric) {
            return numeric.id();
        }
        throw new IllegalArgumentException("the server sent a user without a numeric id: " + user);
    }
}
