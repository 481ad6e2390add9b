package app.parley.server.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Who is in which chat, before any of it is in the database: users are numbered 0…n-1. Groups of
 * 5–50 members (uniform), a few very large groups, and private chats between random pairs. The
 * same seed gives the same graph.
 */
record SocialGraph(int users, List<GraphChat> chats, int[][] chatsOfUser) {

    /** A chat's members by user number; the first member of a group owns it. */
    record GraphChat(boolean group, String name, int[] members) {}

    static final int SMALL_GROUP_MIN = 5;
    static final int SMALL_GROUP_MAX = 50;

    static SocialGraph generate(SimulationOptions options) {
        SplittableRandom random = new SplittableRandom(options.seed());
        int users = options.maxUsers();
        List<GraphChat> chats = new ArrayList<>();
        double meanGroup = (SMALL_GROUP_MIN + SMALL_GROUP_MAX) / 2.0;
        long smallGroups = Math.round(users * options.groupsPerUser() / meanGroup);
        for (int g = 0; g < smallGroups; g++) {
            int size = Math.min(users, random.nextInt(SMALL_GROUP_MIN, SMALL_GROUP_MAX + 1));
            chats.add(new GraphChat(true, "Group " + (g + 1), sample(random, users, size)));
        }
        for (int g = 0; g < options.largeGroups(); g++) {
            int size = Math.min(users, options.largeGroupSize());
            chats.add(new GraphChat(true, "Large group " + (g + 1), sample(random, users, size)));
        }
        long pairs = Math.min((long) users * (users - 1) / 2, Math.round(users * options.privatePerUser() / 2));
        Set<Long> taken = new HashSet<>();
        while (taken.size() < pairs) {
            int a = random.nextInt(users);
            int b = random.nextInt(users);
            if (a != b && taken.add((long) Math.min(a, b) * users + Math.max(a, b))) {
                chats.add(new GraphChat(false, "", new int[] {a, b}));
            }
        }
        return new SocialGraph(users, List.copyOf(chats), index(users, chats));
    }

    /** {@code size} distinct user numbers out of {@code users}, in random order. */
    private static int[] sample(SplittableRandom random, int users, int size) {
        Set<Integer> chosen = new java.util.LinkedHashSet<>();
        while (chosen.size() < size) {
            chosen.add(random.nextInt(users));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[][] index(int users, List<GraphChat> chats) {
        List<List<Integer>> byUser = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            byUser.add(new ArrayList<>());
        }
        for (int c = 0; c < chats.size(); c++) {
            for (int member : chats.get(c).members()) {
                byUser.get(member).add(c);
            }
        }
        return byUser.stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** Someone the user shares a chat with (for a profile or a new private chat), or -1 for nobody. */
    int acquaintance(int user, SplittableRandom random) {
        int[] mine = chatsOfUser[user];
        if (mine.length == 0) {
            return -1;
        }
        int[] members = chats.get(mine[random.nextInt(mine.length)]).members();
        int at = random.nextInt(members.length);
        return members[at] == user ? members[(at + 1) % members.length] : members[at];
    }

    long memberships() {
        return chats.stream().mapToLong(c -> c.members().length).sum();
    }

    long groups() {
        return chats.stream().filter(GraphChat::group).count();
    }
}
