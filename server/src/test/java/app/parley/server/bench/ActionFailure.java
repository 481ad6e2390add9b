package app.parley.server.bench;

/** Why a simulated action failed, in a few words that group well in the report ("409 message_deleted"). */
final class ActionFailure extends RuntimeException {
    ActionFailure(String reason) {
        super(reason, null, false, false);
    }
}
