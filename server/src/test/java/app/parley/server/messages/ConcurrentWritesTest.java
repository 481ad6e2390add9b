package app.parley.server.messages;

import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.unread;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients writing into one chat at once: SQLite serialises them, nobody gets an error. */
class ConcurrentWritesTest {
    private static final int THREADS = 8;
    private static final int SENDS_PER_THREAD = 50;

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    /** Runs {@code THREADS} copies of a task that all start at the same moment, and returns their results. */
    private static <T> List<T> allAtOnce(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelSendsIntoOneChatAllSucceedAndAreAllCounted() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        List<Map<Integer, Integer>> statusesPerThread = allAtOnce(() -> {
            // Each thread its own HTTP client, so the requests really arrive side by side.
            ApiClient client = alice.api().withToken(alice.api().token());
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < SENDS_PER_THREAD; i++) {
                ApiClient.Response response = client.post(
                        messagesPath(chat),
                        Map.of("text", Thread.currentThread().getName() + " #" + i));
                statuses.merge(response.status(), 1, Integer::sum);
            }
            return statuses;
        });

        Map<Integer, Integer> statuses = new TreeMap<>();
        statusesPerThread.forEach(
                perThread -> perThread.forEach((status, n) -> statuses.merge(status, n, Integer::sum)));
        assertEquals(Map.of(201, THREADS * SENDS_PER_THREAD), statuses);
        List<JsonNode> all = history(bob, chat);
        assertEquals(THREADS * SENDS_PER_THREAD, all.size());
        Set<String> texts = new HashSet<>();
        all.forEach(m -> texts.add(m.get("text").asText()));
        assertEquals(THREADS * SENDS_PER_THREAD, texts.size());
        assertEquals(THREADS * SENDS_PER_THREAD, unread(bob, chat));
        assertEquals(
                THREADS * SENDS_PER_THREAD, room(bob, chat).get("unread_count").asLong());
        assertEquals(all.getLast(), room(bob, chat).get("last_message"));
        assertEquals(0, unread(alice, chat));
    }

    @Test
    void parallelResendsOfOneClientMsgIdStoreOneMessage() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        List<ApiClient.Response> responses = allAtOnce(() -> alice.api()
                .withToken(alice.api().token())
                .post(messagesPath(chat), Map.of("text", "sent once", "client_msg_id", "retry-1")));

        Set<Long> ids = new HashSet<>();
        for (ApiClient.Response response : responses) {
            assertEquals(201, response.status(), response.body());
            ids.add(response.json().get("id").asLong());
        }
        assertEquals(1, ids.size());
        assertEquals(1, history(bob, chat).size());
        assertEquals(1, unread(bob, chat));
    }

    @Test
    void readsAndMarkReadsDuringParallelSendsNeverFail() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        List<Set<Integer>> statuses = allAtOnce(() -> {
            ApiClient asAlice = alice.api().withToken(alice.api().token());
            ApiClient asBob = bob.api().withToken(bob.api().token());
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                seen.add(asAlice.post(messagesPath(chat), Map.of("text", "busy " + i))
                        .status());
                seen.add(asBob.get(messagesPath(chat) + "?limit=10").status());
                seen.add(asBob.get("/api/v1/chats/" + chat + "/search/?query=busy")
                        .status());
                seen.add(asBob.get("/api/v1/chats/unread/").status());
                seen.add(
                        asBob.postEmpty("/api/v1/chats/" + chat + "/mark_read/").status());
            }
            return seen;
        });

        Set<Integer> all = new HashSet<>();
        statuses.forEach(all::addAll);
        assertEquals(Set.of(200, 201), all);
        bob.api().postEmpty("/api/v1/chats/" + chat + "/mark_read/");
        assertEquals(0, unread(bob, chat));
        assertEquals(THREADS * 20, history(bob, chat).size());
    }
}
