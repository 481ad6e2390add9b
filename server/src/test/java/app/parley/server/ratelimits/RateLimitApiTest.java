package app.parley.server.ratelimits;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.support.Sockets.openChat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.common.GroupCommit;
import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits through the real server, with small numbers so that they are quick to reach, and
 * the test's own machine not spared (in use, a LAN address is what they limit): a 429 with
 * {@code Retry-After} over HTTP in every dialect, an {@code error rate_limited} frame on a socket,
 * one budget for a person's HTTP and sockets together, and nothing changed by a refusal.
 */
class RateLimitApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.rate-limits.trust-loopback", false)
            .withProperty("parley.rate-limits.messages-per-minute", 5)
            .withProperty("parley.rate-limits.typing-per-minute", 3)
            .withProperty("parley.rate-limits.invites-per-hour", 2)
            .withProperty("parley.rate-limits.uploads-per-minute", 2)
            .withProperty("parley.rate-limits.registrations-per-hour", 10_000)
            .withProperty("parley.rate-limits.login-free-failures", 2)
            .withProperty("parley.rate-limits.login-free-failures-per-address", 10_000);

    private static ApiClient.Response sendOver(TestUser who, long chat, String text) {
        return who.api().post(messagesPath(chat), Map.of("text", text));
    }

    private static void assertLimited(ApiClient.Response response) {
        assertEquals(429, response.status(), response::toString);
        String retryAfter = response.headers().firstValue("Retry-After").orElse("");
        assertTrue(retryAfter.matches("[1-9][0-9]*"), "Retry-After in whole seconds: '" + retryAfter + "'");
    }

    @Test
    void aSixthMessageInAMinuteIsRefusedWithRetryAfterAndNotStored() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = group(anna, boris);
        for (int i = 1; i <= 5; i++) {
            assertEquals(201, sendOver(anna, chat, "message " + i).status());
        }
        ApiClient.Response refused = sendOver(anna, chat, "one too many");
        assertLimited(refused);
        assertEquals("rate_limited", refused.json().get("code").asText());
        assertTrue(refused.json().get("message").asText().contains("try again in"), refused::toString);
        assertEquals(5, history(boris, chat).size(), "nothing stored");
        assertEquals(201, sendOver(boris, chat, "Boris has his own budget").status());
    }

    @Test
    void aMessageRefusedForWhatItSaysDoesNotCount() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = group(anna, boris);
        for (int i = 1; i <= 5; i++) {
            assertEquals(400, sendOver(anna, chat, "   ").status(), "blank");
        }
        ApiClient.Response unknownFile =
                anna.api().post(messagesPath(chat), Map.of("text", "see this", "attachments", List.of(999_999)));
        assertEquals(400, unknownFile.status(), unknownFile::toString);

        for (int i = 1; i <= 5; i++) {
            assertEquals(201, sendOver(anna, chat, "message " + i).status(), "message " + i);
        }
        assertLimited(sendOver(anna, chat, "one too many"));
        assertEquals(5, history(boris, chat).size());
    }

    @Test
    void messagesWhoseBatchIsRolledBackAndStoredAgainCountOnce() throws Exception {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = group(anna, boris);
        GroupCommit groupCommit = server.bean(GroupCommit.class);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            // The writer is kept busy while the sends queue, so that they make one batch, and one
            // write at its end fails the whole batch: each is then stored again alone.
            CountDownLatch writerBusy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> blocker = senders.submit(() -> groupCommit.write(() -> {
                writerBusy.countDown();
                try {
                    return release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(writerBusy.await(1, TimeUnit.MINUTES));
            List<Future<ApiClient.Response>> sends = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String text = "message " + i;
                sends.add(senders.submit(() -> sendOver(anna, chat, text)));
                awaitWaiting(groupCommit, i);
            }
            Future<?> failing = senders.submit(() -> groupCommit.write(() -> {
                throw new TransactionSystemException("the batch cannot go on");
            }));
            awaitWaiting(groupCommit, 6);
            release.countDown();
            blocker.get(1, TimeUnit.MINUTES);

            for (Future<ApiClient.Response> send : sends) {
                ApiClient.Response response = send.get(1, TimeUnit.MINUTES);
                assertEquals(201, response.status(), response::toString);
            }
            ExecutionException failed = assertThrows(ExecutionException.class, () -> failing.get(1, TimeUnit.MINUTES));
            assertInstanceOf(TransactionSystemException.class, failed.getCause());
        }
        assertEquals(5, history(boris, chat).size(), "each stored once");
        assertLimited(sendOver(anna, chat, "one too many"));
    }

    private static void awaitWaiting(GroupCommit groupCommit, int writes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (groupCommit.waitingWrites() < writes) {
            assertTrue(System.nanoTime() < deadline, "the writes never queued");
            Thread.sleep(5);
        }
    }

    @Test
    void httpAndSocketsShareOneBudgetAndASocketHearsRateLimited() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = group(anna, boris);
        try (SocketClient first = openChat(server, anna, chat);
                SocketClient second = openChat(server, anna, chat)) {
            for (int i = 1; i <= 3; i++) {
                String id = "s-" + i;
                first.send(Map.of("type", "message", "text", "socket " + i, "client_msg_id", id));
                first.nextMatching(
                        frame -> id.equals(frame.path("client_msg_id").asText()));
            }
            assertEquals(201, sendOver(anna, chat, "http 1").status());
            second.send(Map.of("type", "message", "text", "socket 4", "client_msg_id", "s-4"));
            second.nextMatching(
                    frame -> "s-4".equals(frame.path("client_msg_id").asText())
                            && "message".equals(frame.path("type").asText()));

            second.send(Map.of("type", "message", "text", "socket 5", "client_msg_id", "s-5"));
            JsonNode error = second.nextMatching(
                    frame -> "error".equals(frame.path("type").asText()));
            assertEquals("rate_limited", error.get("code").asText(), error::toString);
            assertEquals("s-5", error.get("client_msg_id").asText());
            assertTrue(!second.isClosed(), "the socket stays open");
            assertLimited(sendOver(anna, chat, "http 2"));
        }
        assertEquals(5, history(boris, chat).size());
    }

    @Test
    void typingFramesPastTheLimitAreRefusedOnTheSocket() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = group(anna, boris);
        try (SocketClient socket = openChat(server, anna, chat)) {
            for (int i = 0; i < 3; i++) {
                socket.send(Map.of("type", "typing"));
            }
            socket.send(Map.of("type", "typing"));
            JsonNode error = socket.next("error");
            assertEquals("rate_limited", error.get("code").asText(), error::toString);
        }
    }

    @Test
    void failedSignInsSlowTheAccountThenTheRightPasswordWaitsToo() throws Exception {
        TestUser clara = server.register("clara");
        ApiClient anyone = server.anonymous();
        Map<String, String> wrong = Map.of("username", clara.username(), "password", "not it");
        Map<String, String> right = Map.of("username", clara.username(), "password", "password-" + clara.username());
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401, anyone.post("/api/v1/auth/login", wrong).status(), "the free ones, and the first past them");
        }
        ApiClient.Response refused = anyone.post("/api/v1/auth/login", right);
        assertLimited(refused);
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("rate_limited", refused.json().get("code").asText());

        Thread.sleep(1_100);
        assertEquals(200, anyone.post("/api/v1/auth/login", right).status());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, anyone.post("/api/v1/auth/login", wrong).status(), "cleared by the success");
        }
    }

    @Test
    void theSeedDialectsSignInsAreThrottledInTheirOwnShapes() {
        TestUser dora = server.register("dora");
        ApiClient anyone = server.anonymous();
        Map<String, String> wrong = Map.of("username", dora.username(), "password", "not it");
        for (int i = 0; i < 3; i++) {
            anyone.post("/login", wrong);
        }
        assertLimited(anyone.post("/login", wrong));
        assertLimited(anyone.post("/api/auth/login", wrong));
        assertLimited(anyone.post("/api/v1/auth/login", wrong));
    }

    @Test
    void invitesAndUploadsHaveTheirOwnLimits() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = group(anna, boris);
        String invites = "/api/v1/chats/" + chat + "/invites/";
        assertEquals(201, anna.api().post(invites, Map.of()).status());
        assertEquals(201, anna.api().post(invites, Map.of()).status());
        assertLimited(anna.api().post(invites, Map.of()));

        String files = "/api/v1/chats/" + chat + "/files";
        List<Part> file = List.of(Part.file("file", "a.txt", "text/plain", "hello".getBytes()));
        assertEquals(201, anna.api().multipart(files, file).status());
        assertEquals(201, anna.api().multipart(files, file).status());
        assertLimited(anna.api().multipart(files, file));
    }
}
