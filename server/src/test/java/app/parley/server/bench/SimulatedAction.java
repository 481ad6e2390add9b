package app.parley.server.bench;

import java.util.SplittableRandom;

/**
 * What a simulated user does on each turn, with the weights of the issue (after Mattermost's
 * simulative controller, with Parley's features): percentages that add up to 100.
 */
enum SimulatedAction {
    /** Its chat socket (whose first frame is the newest page), its read positions, and mark read. */
    OPEN_CHAT("open chat", 45),
    /** One older page over HTTP in the open chat. */
    SCROLL_BACK("scroll back a page", 14),
    /** {@code POST /api/v1/chat/{user}} with someone from one of its chats, then opened as above. */
    OPEN_PRIVATE_CHAT("open private chat", 7),
    CHECK_UNREAD("check unread counts", 7),
    /** A typing frame, a pause, then the post over HTTP; one post in ten uploads a file first. */
    POST_MESSAGE("post message", 7),
    /** A word from the seeded texts' vocabulary, in all of the user's chats. */
    SEARCH("search", 2),
    PROFILE_OR_GROUP_INFO("profile or group info", 3),
    RECONNECT_MAIN_SOCKET("reconnect main socket", 1),
    IDLE("idle", 14);

    private final String label;
    private final int percent;

    SimulatedAction(String label, int percent) {
        this.label = label;
        this.percent = percent;
    }

    String label() {
        return label;
    }

    static SimulatedAction pick(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (SimulatedAction action : values()) {
            roll -= action.percent;
            if (roll < 0) {
                return action;
            }
        }
        throw new IllegalStateException("the weights add up to less than 100");
    }
}
