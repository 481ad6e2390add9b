package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.unread;
import static app.parley.server.realtime.WsFrames.chatSocket;
import static app.parley.server.realtime.WsFrames.idsOf;
import static app.parley.server.realtime.WsFrames.lastMessage;
import static app.parley.server.realtime.WsFrames.list;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openChat;
import static app.parley.server.support.Sockets.openMain;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivery that survives resends, reconnects and a busy chat: a {@code client_msg_id} stores a
 * message once and announces it once; a client that reconnects with {@code after_id} and pages
 * on with {@code catch_up} ends up with every message exactly once; an open socket gets every
 * frame, in id order, whatever other sockets and writers do meanwhile.
 */
class ReliabilityTest {
    /** Small catch-up pages, so that catching up takes several of them. */
    private static final int CATCH_UP_PAGE = 5;

    @RegisterExtension
    static final RunningServer server =
            new RunningServer().withProperty("parley.realtime.history-limit", CATCH_UP_PAGE);

    private static Map<String, Object> messageFrame(String text, String clientMsgId) {
        return Map.of("type", "message", "text", text, "client_msg_id", clientMsgId);
    }

    private static Map<String, Object> catchUp(long afterId) {
        return Map.of("type", "catch_up", "after_id", afterId);
    }

    // --- client_msg_id ------------------------------------------------------------------------------

    @Test
    void aResentMessageFrameIsStoredOnceAndOnlyTheResendingSocketHearsOfItAgain() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long chat = group(alice, bob, carol);
        try (SocketClient aliceChat = openChat(server, alice, chat);
                SocketClient aliceOtherChat = openChat(server, alice, chat);
                SocketClient bobChat = openChat(server, bob, chat);
                SocketClient aliceMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob);
                SocketClient carolMain = openMain(server, carol)) {

            aliceChat.send(messageFrame("hello", "c-1"));

            JsonNode original = aliceChat.next("message");
            assertEquals(List.of(original), history(bob, chat));
            assertEquals("c-1", original.get("client_msg_id").asText(), original.toString());
            assertEquals(original, aliceOtherChat.next());
            assertEquals(original, bobChat.next());
            assertEquals(lastMessage(original, 0), aliceMain.next());
            assertEquals(lastMessage(original, 1), bobMain.next());
            assertEquals(lastMessage(original, 1), carolMain.next());

            // The acknowledgement got lost: the client sends the same frame again, and then from its other socket.
            aliceChat.send(messageFrame("hello", "c-1"));
            assertEquals(original, aliceChat.next());
            aliceOtherChat.send(messageFrame("hello, edited before the retry", "c-1"));
            assertEquals(original, aliceOtherChat.next());
            // And over HTTP, as a client that fell back to it would.
            ApiClient.Response overHttp =
                    alice.api().post(messagesPath(chat), Map.of("text", "hello", "client_msg_id", "c-1"));
            assertEquals(201, overHttp.status(), overHttp.body());
            assertEquals(original, overHttp.json());

            assertSilent(aliceChat, aliceOtherChat, bobChat, aliceMain, bobMain, carolMain);
            assertEquals(List.of(original), history(carol, chat));
            assertEquals(1, unread(bob, chat));
            assertEquals(1, unread(carol, chat));
        }
    }

    @Test
    void aClientMsgIdIsTheSendersOwnSoAnotherMembersSameIdIsAnotherMessage() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long chat = group(alice, bob, carol);
        ApiClient.Response sent = alice.api().post(messagesPath(chat), Map.of("text", "hello", "client_msg_id", "c-1"));
        assertEquals(201, sent.status(), sent.body());
        JsonNode alices = sent.json();
        try (SocketClient aliceChat = openChat(server, alice, chat);
                SocketClient bobChat = openChat(server, bob, chat);
                SocketClient aliceMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob);
                SocketClient carolMain = openMain(server, carol)) {

            bobChat.send(messageFrame("mine", "c-1"));

            JsonNode bobs = bobChat.next("message");
            assertNotEquals(alices.get("id"), bobs.get("id"));
            assertEquals(alices.get("id").asLong() + 1, bobs.get("id").asLong());
            assertEquals("mine", bobs.get("text").asText());
            assertEquals(bobs, aliceChat.next());
            assertEquals(lastMessage(bobs, 1), aliceMain.next());
            assertEquals(lastMessage(bobs, 0), bobMain.next());
            assertEquals(lastMessage(bobs, 2), carolMain.next());
            assertSilent(aliceChat, bobChat, aliceMain, bobMain, carolMain);
            assertEquals(List.of(alices, bobs), history(carol, chat));
        }
    }

    @Test
    void aResentHttpPostReturnsTheFirstMessageAndNoSocketHearsOfItAgain() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (SocketClient aliceChat = openChat(server, alice, chat);
                SocketClient bobChat = openChat(server, bob, chat);
                SocketClient aliceMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob)) {

            ApiClient.Response first =
                    alice.api().post(messagesPath(chat), Map.of("text", "once", "client_msg_id", "h-1"));
            assertEquals(201, first.status(), first.body());
            JsonNode original = first.json();
            assertEquals(original, aliceChat.next());
            assertEquals(original, bobChat.next());
            assertEquals(lastMessage(original, 0), aliceMain.next());
            assertEquals(lastMessage(original, 1), bobMain.next());

            for (int retry = 0; retry < 3; retry++) {
                ApiClient.Response again =
                        alice.api().post(messagesPath(chat), Map.of("text", "once", "client_msg_id", "h-1"));
                assertEquals(201, again.status(), again.body());
                assertEquals(original, again.json());
            }
            // A resend over the socket of what was first sent over HTTP is answered on that socket alone.
            aliceChat.send(messageFrame("once", "h-1"));
            assertEquals(original, aliceChat.next());

            assertSilent(aliceChat, bobChat, aliceMain, bobMain);
            assertEquals(List.of(original), history(bob, chat));
            assertEquals(1, unread(bob, chat));
        }
    }

    /**
     * The acknowledgement of a send got lost, and the message was deleted (from the sender's
     * other device) before the client retried: the retry is refused with message_deleted, echoing
     * its client_msg_id, over the socket as over HTTP, and nothing is stored or announced again.
     */
    @Test
    void aResendOfADeletedMessageIsRefusedAsMessageDeletedAndStoresNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (SocketClient aliceChat = openChat(server, alice, chat);
                SocketClient bobChat = openChat(server, bob, chat);
                SocketClient bobMain = openMain(server, bob)) {
            aliceChat.send(messageFrame("oops", "d-1"));
            JsonNode original = aliceChat.next("message");
            assertEquals(original, bobChat.next());
            assertEquals(lastMessage(original, 1), bobMain.next());
            ApiClient.Response deleted =
                    alice.api().delete(messagesPath(chat) + original.get("id").asLong() + "/");
            assertEquals(200, deleted.status(), deleted.body());
            aliceChat.next("message_deleted");
            bobChat.next("message_deleted");
            bobMain.next("message_deleted");

            aliceChat.send(messageFrame("oops", "d-1"));
            WsFrames.assertErrorFrame(aliceChat.next(), "message_deleted", null, "d-1");
            assertError(
                    alice.api().post(messagesPath(chat), Map.of("text", "oops", "client_msg_id", "d-1")),
                    409,
                    "message_deleted",
                    null);

            assertSilent(aliceChat, bobChat, bobMain);
            assertEquals(List.of(), history(bob, chat));
            assertEquals(0, unread(bob, chat));
        }
    }

    @Test
    void concurrentResendsOfOneMessageStoreAndAnnounceItExactlyOnce() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        int senders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try (SocketClient bobChat = openChat(server, bob, chat);
                SocketClient bobMain = openMain(server, bob)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return alice.api().post(messagesPath(chat), Map.of("text", "racing", "client_msg_id", "race-1"));
                }));
            }
            start.countDown();

            Set<JsonNode> bodies = new HashSet<>();
            for (Future<ApiClient.Response> answer : answers) {
                ApiClient.Response response = answer.get(30, TimeUnit.SECONDS);
                assertEquals(201, response.status(), response.body());
                bodies.add(response.json());
            }
            assertEquals(1, bodies.size(), () -> "every resend must return the same message: " + bodies);
            JsonNode original = bodies.iterator().next();
            assertEquals(original, bobChat.next());
            assertEquals(lastMessage(original, 1), bobMain.next());
            assertSilent(bobChat, bobMain);
            assertEquals(List.of(original), history(alice, chat));
            assertEquals(1, unread(bob, chat));
        } finally {
            pool.shutdownNow();
        }
    }

    // --- after_id and catch_up ----------------------------------------------------------------------

    @Test
    void aReconnectingClientGetsWhatItMissedInPagesAndNewMessagesLiveOnlyOnce() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        for (int i = 0; i < 12; i++) {
            send(bob, chat, "m" + i);
        }
        List<JsonNode> m = history(alice, chat);
        assertEquals(12, m.size());

        try (SocketClient alices = chatSocket(server, alice, chat, "after_id=" + id(m, 3) + "&limit=5")) {
            assertEquals(WsFrames.history(chat, m.subList(4, 9), id(m, 3), true), alices.next());

            JsonNode live1 = send(bob, chat, "live 1");
            JsonNode live2 = send(bob, chat, "live 2");
            assertEquals(live1, alices.next());
            assertEquals(live2, alices.next());

            // The rest of what was missed stops where the socket's live frames began: no live message twice.
            alices.send(catchUp(id(m, 8)));
            assertEquals(WsFrames.history(chat, m.subList(9, 12), id(m, 8), false), alices.next());
            alices.send(catchUp(id(m, 11)));
            assertEquals(WsFrames.history(chat, List.of(), id(m, 11), false), alices.next());
            // A live id says nothing about the gap before the live frames: the answer is that gap (now empty),
            // and after_id says where it continues from.
            alices.send(catchUp(live2.get("id").asLong()));
            assertEquals(WsFrames.history(chat, List.of(), id(m, 11), false), alices.next());
            assertSilent(alices);
        }
    }

    @Test
    void anOpeningPageAfterAnIdSaysWhetherMoreMessagesFollowIt() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        for (int i = 0; i < 14; i++) {
            send(bob, chat, "m" + i);
        }
        List<JsonNode> all = history(alice, chat);

        // Exactly a page's worth after after_id: the page is known to be the last.
        try (SocketClient exact = chatSocket(server, alice, chat, "after_id=" + id(all, 8) + "&limit=5")) {
            assertEquals(WsFrames.history(chat, all.subList(9, 14), id(all, 8), false), exact.next());
        }
        // One more than a page: has_more.
        try (SocketClient oneMore = chatSocket(server, alice, chat, "after_id=" + id(all, 7) + "&limit=5")) {
            assertEquals(WsFrames.history(chat, all.subList(8, 13), id(all, 7), true), oneMore.next());
        }
        // Nothing after the newest message: an empty history that still echoes after_id.
        try (SocketClient upToDate = chatSocket(server, alice, chat, "after_id=" + id(all, 13))) {
            assertEquals(WsFrames.history(chat, List.of(), id(all, 13), false), upToDate.next());
        }
    }

    @Test
    void catchUpPagesAreOfTheConfiguredHistoryLimitWhateverTheOpeningLimit() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        for (int i = 0; i < 13; i++) {
            send(bob, chat, "m" + i);
        }
        List<JsonNode> m = history(alice, chat);

        try (SocketClient alices = chatSocket(server, alice, chat, "after_id=0&limit=2")) {
            assertEquals(WsFrames.history(chat, m.subList(0, 2), 0L, true), alices.next());
            alices.send(catchUp(id(m, 1)));
            assertEquals(WsFrames.history(chat, m.subList(2, 7), id(m, 1), true), alices.next());
            alices.send(catchUp(id(m, 6)));
            assertEquals(WsFrames.history(chat, m.subList(7, 12), id(m, 6), true), alices.next());
            alices.send(catchUp(id(m, 11)));
            assertEquals(WsFrames.history(chat, m.subList(12, 13), id(m, 11), false), alices.next());
            assertSilent(alices);
        }
    }

    /**
     * One thread keeps posting while a client disconnects, reconnects with {@code after_id} and
     * pages through with {@code catch_up}, several times over. Every message must reach the
     * client exactly once: pages and live frames together are the chat's history, in order.
     */
    @Test
    void catchingUpWhileTheChatKeepsGoingLosesAndRepeatsNothing() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        for (int i = 0; i < 7; i++) {
            send(bob, chat, "before " + i);
        }

        AtomicBoolean stop = new AtomicBoolean();
        List<Long> written = new CopyOnWriteArrayList<>();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            for (int i = 0; i < 2_000 && !stop.get(); i++) {
                written.add(send(bob, chat, "live " + i).get("id").asLong());
            }
        });
        List<JsonNode> received = new ArrayList<>();
        try {
            long lastId = 0;
            for (int cycle = 0; cycle < 5; cycle++) {
                int limit = cycle % 2 == 0 ? 3 : 4;
                boolean last = cycle == 4;
                try (SocketClient socket = chatSocket(server, alice, chat, "after_id=" + lastId + "&limit=" + limit)) {
                    Session session = new Session(chat, lastId, limit);
                    session.catchUp(socket, last ? stop : null);
                    if (last) {
                        writing.get(30, TimeUnit.SECONDS);
                        long newest = written.getLast();
                        session.liveUntil(socket, newest);
                    } else {
                        session.live(socket, 8);
                    }
                    received.addAll(session.all());
                    lastId = received.getLast().get("id").asLong();
                }
                if (!last) {
                    // Away while the writer stores a dozen more messages.
                    int before = written.size();
                    await().atMost(SocketClient.WAIT).until(() -> written.size() >= before + 12 || writing.isDone());
                }
            }
        } finally {
            stop.set(true);
            writer.shutdown();
            assertTrue(writer.awaitTermination(30, TimeUnit.SECONDS));
        }

        List<JsonNode> stored = history(alice, chat);
        assertTrue(written.size() > 40, "the writer wrote only " + written.size() + " messages");
        assertEquals(idsOf(stored), idsOf(received), "what the client received over its sockets vs the stored history");
        assertEquals(stored, received);
    }

    // --- sockets coming and going, several writers at once -------------------------------------------

    /**
     * Sockets opened one after another while a member posts steadily: a message stored while a
     * socket opens is either in its history or comes live, never both, never neither. The
     * sockets stay open until the end, so each must have received every message after its
     * {@code after_id} exactly once, in order.
     */
    @Test
    void socketsOpeningWhileMessagesPourInGetEachOfThemExactlyOnce() throws InterruptedException {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long start = send(bob, chat, "start").get("id").asLong();
        int count = 150;
        record Opening(SocketClient socket, List<JsonNode> history) {}
        List<Opening> openings = new ArrayList<>();
        try (SocketClient bobs = openChat(server, bob, chat)) {
            // One writer: the server stores its frames one after another and announces them in id order.
            Thread writer = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < count; i++) {
                    bobs.send(Map.of("type", "message", "text", "steady " + i));
                    try {
                        // A pace, not a wait: the messages must keep coming while the sockets open.
                        Thread.sleep(Duration.ofMillis(10));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            while (writer.isAlive() && openings.size() < 60) {
                SocketClient socket = chatSocket(server, alice, chat, "after_id=" + start + "&limit=200");
                JsonNode history = socket.next("history");
                assertTrue(!history.get("has_more").asBoolean(), history.toString());
                openings.add(new Opening(socket, list(history.get("messages"))));
            }
            writer.join();
            for (int i = 0; i < count; i++) {
                bobs.next("message");
            }

            List<JsonNode> stored = history(alice, chat).subList(1, count + 1);
            long newest = stored.getLast().get("id").asLong();
            int racing = 0;
            for (Opening opening : openings) {
                List<JsonNode> seen = new ArrayList<>(opening.history());
                List<JsonNode> live = new ArrayList<>();
                while (seen.size() < stored.size()
                        && (seen.isEmpty() || seen.getLast().get("id").asLong() < newest)) {
                    JsonNode frame = opening.socket().next("message");
                    live.add(frame);
                    seen.add(frame);
                }
                assertEquals(
                        idsOf(stored),
                        idsOf(seen),
                        "history " + idsOf(opening.history()) + " then live " + idsOf(live));
                assertEquals(stored, seen);
                racing += opening.history().isEmpty() || live.isEmpty() ? 0 : 1;
            }
            // Enough sockets must really have opened mid-stream for this test to mean anything.
            assertTrue(
                    racing >= 10,
                    "only " + racing + " of " + openings.size() + " sockets opened while messages came in");
        } finally {
            openings.forEach(opening -> opening.socket().close());
        }
    }

    /**
     * Other sockets of the chat (and other main sockets of the reader) open and close all the
     * time, as clients come and go. A socket that stays open must still get every message and
     * every {@code last_message}, whatever the others do.
     */
    @Test
    void socketsClosingMeanwhileDoNotCostAnOpenSocketAnyFrame() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        int count = 60;
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService churn = Executors.newFixedThreadPool(3);
        try (SocketClient aliceChat = openChat(server, alice, chat);
                SocketClient aliceMain = openMain(server, alice)) {
            List<Future<?>> churning = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                churning.add(churn.submit(() -> {
                    while (!stop.get()) {
                        try (SocketClient passing = chatSocket(server, bob, chat, "limit=1")) {
                            passing.next("history");
                        }
                    }
                    return null;
                }));
            }
            churning.add(churn.submit(() -> {
                while (!stop.get()) {
                    try (SocketClient passing = Sockets.openMainSkipping(server, alice)) {
                        passing.drain();
                    }
                }
                return null;
            }));

            List<JsonNode> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(send(bob, chat, "steady " + i));
            }
            stop.set(true);
            for (Future<?> done : churning) {
                done.get(30, TimeUnit.SECONDS);
            }

            List<JsonNode> got = collect(aliceChat, count);
            List<JsonNode> lastMessages = collect(aliceMain, count);
            List<Long> sentIds = idsOf(sent);
            assertEquals(sentIds, idsOf(got), "the open chat socket missed " + missing(sentIds, idsOf(got)));
            assertEquals(sent, got);
            List<JsonNode> expectedLast = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                expectedLast.add(lastMessage(sent.get(i), i + 1));
            }
            assertEquals(
                    sentIds,
                    idsOf(lastMessages),
                    "the open main socket missed " + missing(sentIds, idsOf(lastMessages)));
            assertEquals(expectedLast, lastMessages);
        } finally {
            stop.set(true);
            churn.shutdownNow();
        }
    }

    /**
     * Clients that give up on a main socket right after the handshake (a flaky network, an app
     * restarted at once) must leave nothing behind on the server: the user's next main socket
     * gets every notification, and the server holds no socket for them once theirs are closed.
     */
    @Test
    void socketsClosedWhileOpeningLeaveNoGhostBehind() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        ConnectionRegistry registry = server.bean(ConnectionRegistry.class);
        // Sockets of earlier tests may still be closing.
        await().atMost(SocketClient.WAIT).until(() -> registry.size() == 0);
        for (int i = 0; i < 20; i++) {
            SocketClient.open(server, bob, "/api/v1/main").close();
            SocketClient.open(server, bob, "/api/v1/chat/" + chat).close();
        }
        try (SocketClient bobMain = openMain(server, bob)) {
            List<JsonNode> sent = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                sent.add(send(alice, chat, "while ghosts linger " + i));
            }
            List<JsonNode> expected = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                expected.add(lastMessage(sent.get(i), i + 1));
            }
            List<JsonNode> got = collect(bobMain, sent.size());
            assertEquals(idsOf(sent), idsOf(got), "bob's main socket missed " + missing(idsOf(sent), idsOf(got)));
            assertEquals(expected, got);
            await().atMost(SocketClient.WAIT)
                    .untilAsserted(() ->
                            assertEquals(1, registry.size(), "sockets the server holds: bob's main socket alone"));
        }
    }

    /**
     * Several members post at once. Each socket must get the messages in id order: a client
     * resumes from the newest id it has ({@code after_id}, {@code catch_up}), so a message that
     * arrives after a newer one is lost to a client that reconnects in between, and a chat list
     * fed by {@code last_message} would show an older message (and unread count) as the latest.
     */
    @Test
    void liveFramesArriveInIdOrderEvenWhenSeveralMembersPostAtOnce() throws Exception {
        TestUser reader = server.register("reader");
        TestUser[] writers = new TestUser[6];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = server.register("writer");
        }
        long chat = group(reader, writers);
        int perWriter = 60;
        ExecutorService pool = Executors.newFixedThreadPool(writers.length);
        try (SocketClient chatSocket = openChat(server, reader, chat);
                SocketClient mainSocket = openMain(server, reader)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writing = new ArrayList<>();
            for (TestUser writer : writers) {
                writing.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        send(writer, chat, writer.username() + " " + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : writing) {
                done.get(60, TimeUnit.SECONDS);
            }

            int total = perWriter * writers.length;
            List<Long> live = new ArrayList<>();
            List<Long> lastMessages = new ArrayList<>();
            List<Long> unreadCounts = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                live.add(chatSocket.next("message").get("id").asLong());
                JsonNode last = mainSocket.next("last_message");
                lastMessages.add(last.get("id").asLong());
                unreadCounts.add(last.get("unread_count").asLong());
            }
            List<Long> stored = idsOf(history(reader, chat));
            assertEquals(stored, live.stream().sorted().toList(), "every message reached the chat socket once");
            assertEquals(stored, lastMessages.stream().sorted().toList(), "every message reached the main socket once");
            assertEquals(stored, live, "chat socket: messages overtaken by newer ones at " + inversions(live));
            assertEquals(
                    stored,
                    lastMessages,
                    "main socket: last_message overtaken by newer ones at " + inversions(lastMessages));
            assertEquals(
                    LongStream.rangeClosed(1, total).boxed().toList(),
                    unreadCounts,
                    "unread counts on the main socket went back at " + inversions(unreadCounts));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The frames the socket receives until it holds {@code count} of them; fewer if they stop
     * coming, for the caller to name the missing ones.
     */
    private static List<JsonNode> collect(SocketClient socket, int count) {
        List<JsonNode> got = new ArrayList<>();
        try {
            await().pollInSameThread().atMost(SocketClient.WAIT).until(() -> {
                got.addAll(socket.drain());
                return got.size() >= count;
            });
        } catch (ConditionTimeoutException fewer) {
            // The caller compares what came with what was sent.
        }
        return got;
    }

    private static List<Long> missing(List<Long> expected, List<Long> actual) {
        return expected.stream().filter(id -> !actual.contains(id)).toList();
    }

    /** Where a list of ids goes backwards: "previous>next" pairs. */
    private static List<String> inversions(List<Long> ids) {
        List<String> found = new ArrayList<>();
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i) < ids.get(i - 1)) {
                found.add(ids.get(i - 1) + ">" + ids.get(i));
            }
        }
        return found;
    }

    /** What one connection of a catching-up client received: history pages, then live frames. */
    private static final class Session {
        private final long chatId;
        private final List<JsonNode> pages = new ArrayList<>();
        private final List<JsonNode> live = new ArrayList<>();
        private final long afterId;
        private final int openingLimit;
        private long pagedUpTo;

        Session(long chatId, long afterId, int openingLimit) {
            this.chatId = chatId;
            this.afterId = afterId;
            this.openingLimit = openingLimit;
            this.pagedUpTo = afterId;
        }

        /** Reads the opening history and pages on until has_more is false; sets {@code stop} once paging has begun. */
        void catchUp(SocketClient socket, AtomicBoolean stop) {
            boolean first = true;
            while (true) {
                JsonNode frame = socket.next();
                String type = frame.path("type").asText();
                if (type.equals("message")) {
                    live.add(frame);
                    continue;
                }
                assertEquals("history", type, frame.toString());
                assertEquals(chatId, frame.get("chat_id").asLong(), frame.toString());
                assertEquals(pagedUpTo, frame.get("after_id").asLong(), frame.toString());
                List<JsonNode> page = list(frame.get("messages"));
                assertTrue(page.size() <= (first ? openingLimit : CATCH_UP_PAGE), frame.toString());
                for (JsonNode message : page) {
                    long id = message.get("id").asLong();
                    assertTrue(id > pagedUpTo, () -> "ids must grow within and across pages: " + frame);
                    pagedUpTo = id;
                    pages.add(message);
                }
                if (stop != null) {
                    stop.set(true);
                }
                if (!frame.get("has_more").asBoolean()) {
                    return;
                }
                assertTrue(!page.isEmpty(), frame.toString());
                first = false;
                socket.send(Map.of("type", "catch_up", "after_id", pagedUpTo));
            }
        }

        /** Reads at least {@code count} more live messages. */
        void live(SocketClient socket, int count) {
            int wanted = live.size() + count;
            while (live.size() < wanted) {
                live.add(socket.next("message"));
            }
        }

        /** Reads live messages until the one with this id (unless it came in a page already). */
        void liveUntil(SocketClient socket, long id) {
            while (all().isEmpty() || all().getLast().get("id").asLong() < id) {
                live.add(socket.next("message"));
            }
        }

        /** Pages, then live frames; checks that live frames are all newer than the pages, in order. */
        List<JsonNode> all() {
            List<JsonNode> all = new ArrayList<>(pages);
            all.addAll(live);
            long previous = afterId;
            for (JsonNode message : all) {
                long id = message.get("id").asLong();
                assertTrue(id > previous, () -> "out of order or repeated: " + idsOf(all));
                previous = id;
            }
            return all;
        }
    }

    private static long id(List<JsonNode> messages, int index) {
        return messages.get(index).get("id").asLong();
    }
}
