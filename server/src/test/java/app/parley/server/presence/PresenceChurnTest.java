package app.parley.server.presence;

import static app.parley.server.messages.Conversations.group;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.RunningServer;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Presence under churn, with the server's default debouncing: for a minute, 1,000 sockets (main
 * and chat, of 48 people) open and drop at random, some abruptly, while apps report idle and back;
 * two more people flap a connection every 60 ms. A watcher who shares a group with all of them
 * must end up with everyone's presence right, by frames and by the API, and hear of no one more
 * than twice in any second.
 */
class PresenceChurnTest {
    private static final Duration CHURN = Duration.ofSeconds(60);
    private static final int RANDOM_SOCKETS = 1000;
    private static final int PEOPLE = 48;
    private static final int FLAPPERS = 2;
    private static final int OPEN_AT_ONCE = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(20261206);

    /** A churning socket, as the test's model of what is open knows it. */
    private static final class Churner {
        final TestUser user;
        final WebSocket socket;
        final boolean main;
        boolean away;

        Churner(TestUser user, WebSocket socket, boolean main) {
            this.user = user;
            this.socket = socket;
            this.main = main;
        }
    }

    private record Heard(long nanos, long userId, String status) {}

    @Test
    void everyonesFinalPresenceIsRightAndNobodyIsAnnouncedMoreThanTwiceASecond() throws Exception {
        TestUser watcher = server.register("watcher");
        List<TestUser> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE + FLAPPERS; i++) {
            people.add(server.register("churn"));
        }
        long chat = group(watcher, people.toArray(TestUser[]::new));
        List<TestUser> steady = people.subList(0, PEOPLE);
        List<TestUser> flappers = people.subList(PEOPLE, PEOPLE + FLAPPERS);

        Queue<Heard> heard = new ConcurrentLinkedQueue<>();
        WebSocket watching = open(watcher, Sockets.MAIN + "?presence=true", new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    JsonNode frame = read(partial.toString());
                    if ("presence".equals(frame.path("type").asText())) {
                        heard.add(new Heard(
                                System.nanoTime(),
                                frame.get("user_id").asLong(),
                                frame.get("status").asText()));
                    }
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        });

        List<Churner> open = new ArrayList<>();
        Map<TestUser, Churner> flapping = new HashMap<>();
        long tick = CHURN.toNanos() / RANDOM_SOCKETS;
        long start = System.nanoTime();
        int opened = 0;
        int dropped = 0;
        for (int i = 0; i < RANDOM_SOCKETS; i++) {
            TestUser who = steady.get(random.nextInt(steady.size()));
            open.add(connect(who, random.nextBoolean(), chat));
            opened++;
            if (open.size() > OPEN_AT_ONCE) {
                drop(open.remove(random.nextInt(open.size())));
                dropped++;
            }
            if (random.nextInt(4) == 0) {
                List<Churner> mains = open.stream().filter(c -> c.main).toList();
                if (!mains.isEmpty()) {
                    Churner app = mains.get(random.nextInt(mains.size()));
                    app.away = !app.away;
                    app.socket.sendText(
                            "{\"type\":\"presence\",\"status\":\"" + (app.away ? "away" : "online") + "\"}", true);
                }
            }
            for (TestUser flapper : flappers) {
                Churner up = flapping.remove(flapper);
                if (up == null) {
                    flapping.put(flapper, connect(flapper, true, chat));
                    opened++;
                } else {
                    drop(up);
                    dropped++;
                }
            }
            long next = start + (i + 1) * tick;
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        long churnNanos = System.nanoTime() - start;
        List<Churner> stillOpen = new ArrayList<>(open);
        stillOpen.addAll(flapping.values());

        Map<Long, String> expected = new TreeMap<>();
        for (TestUser person : people) {
            List<Churner> theirs =
                    stillOpen.stream().filter(c -> c.user.equals(person)).toList();
            List<Churner> mains = theirs.stream().filter(c -> c.main).toList();
            expected.put(
                    person.id(),
                    theirs.isEmpty()
                            ? "offline"
                            : !mains.isEmpty() && mains.stream().allMatch(c -> c.away) ? "away" : "online");
        }

        await("the watcher hears everyone's final presence")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEquals(expected, lastHeard(heard, people)));
        JsonNode listed = watcher.api().get("/api/v1/presence").json().get("users");
        Map<Long, String> byApi = new TreeMap<>();
        listed.forEach(entry ->
                byApi.put(entry.get("user_id").asLong(), entry.get("status").asText()));
        assertEquals(expected, byApi, "GET /api/v1/presence agrees");
        listed.forEach(entry -> assertEquals(
                "offline".equals(entry.get("status").asText()),
                entry.has("last_seen"),
                () -> "last_seen for everyone offline (all were seen), nobody else: " + entry));

        int heardBefore = heard.size();
        Thread.sleep(2_000);
        assertEquals(heardBefore, heard.size(), "once settled, nothing more is announced");

        Map<Long, List<Long>> times = heard.stream()
                .collect(Collectors.groupingBy(Heard::userId, Collectors.mapping(Heard::nanos, Collectors.toList())));
        int busiestSecond = times.values().stream()
                .mapToInt(PresenceChurnTest::mostInOneSecond)
                .max()
                .orElse(0);
        int flapperFrames = flappers.stream()
                .mapToInt(f -> times.getOrDefault(f.id(), List.of()).size())
                .max()
                .orElse(0);
        System.out.printf(
                "presence churn: %d sockets opened, %d dropped in %.1f s; %d presence frames to the watcher "
                        + "(%d people); at most %d about one person in any second; a flapper (%d sockets) caused %d%n",
                opened,
                dropped,
                churnNanos / 1e9,
                heard.size(),
                people.size(),
                busiestSecond,
                RANDOM_SOCKETS / 2,
                flapperFrames);
        assertTrue(busiestSecond <= 2, "at most two frames about one person in any second, got " + busiestSecond);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(churnNanos) + 30;
        times.forEach((userId, frames) -> assertTrue(
                frames.size() <= seconds + 1,
                "user " + userId + " was announced " + frames.size() + " times in " + seconds + " s"));
        watching.abort();
        stillOpen.forEach(c -> c.socket.abort());
    }

    private static Map<Long, String> lastHeard(Queue<Heard> heard, List<TestUser> people) {
        Map<Long, String> last = new TreeMap<>();
        people.forEach(person -> last.put(person.id(), "offline"));
        heard.forEach(frame -> last.put(frame.userId(), frame.status()));
        return last;
    }

    private static int mostInOneSecond(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= TimeUnit.SECONDS.toNanos(1)) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    private Churner connect(TestUser who, boolean main, long chat) {
        String path = main ? Sockets.MAIN : "/api/v1/chat/" + chat;
        return new Churner(who, open(who, path, new WebSocket.Listener() {}), main);
    }

    private WebSocket open(TestUser who, String path, WebSocket.Listener listener) {
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + who.api().token())
                .buildAsync(URI.create("ws://localhost:" + server.port() + path), listener)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    /** Half are closed politely, half dropped as a lost connection is. */
    private void drop(Churner churner) {
        if (random.nextBoolean()) {
            churner.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        } else {
            churner.socket.abort();
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
