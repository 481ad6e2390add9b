package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.realtime.WsFrames.chatSocket;
import static app.parley.server.realtime.WsFrames.idsOf;
import static app.parley.server.realtime.WsFrames.list;
import static app.parley.server.support.Sockets.assertSilent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code catch_up} as docs/api.md tells a client to use it: the server knows where each
 * socket's history pages stopped, so a catch_up with no id, or with the newest (live) id the
 * client has, gets the next page of what it missed, and a client following the text literally
 * gets every message once. ReliabilityTest covers after_id and paging with exact ids.
 */
class CatchUpTest {
    /** Small catch-up pages, so that catching up takes several of them. */
    private static final int CATCH_UP_PAGE = 5;

    @RegisterExtension
    static final RunningServer server =
            new RunningServer().withProperty("parley.realtime.history-limit", CATCH_UP_PAGE);

    private static Map<String, Object> catchUp(long afterId) {
        return Map.of("type", "catch_up", "after_id", afterId);
    }

    /**
     * The loss from issue 11: a client reconnects with a small limit while messages arrive live,
     * then sends catch_up with "the newest id it has", which is a live one. That used to get an
     * empty page with has_more false, and the messages between the first page and the live ones
     * were never delivered. The server knows where the socket's pages stopped, so the page goes on
     * from there whatever live id the client names, and a catch_up without any id does the same.
     */
    @Test
    void aCatchUpNamingALiveMessageStillGetsTheRestOfWhatWasMissed() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        for (int i = 0; i < 12; i++) {
            send(bob, chat, "m" + i);
        }
        List<JsonNode> m = history(alice, chat);

        try (SocketClient alices = chatSocket(server, alice, chat, "after_id=" + id(m, 3) + "&limit=2")) {
            assertEquals(WsFrames.history(chat, m.subList(4, 6), id(m, 3), true), alices.next());
            JsonNode live1 = send(bob, chat, "live 1");
            assertEquals(live1, alices.next());

            alices.send(catchUp(live1.get("id").asLong()));
            assertEquals(WsFrames.history(chat, m.subList(6, 11), id(m, 5), true), alices.next());
            alices.send(Map.of("type", "catch_up"));
            assertEquals(WsFrames.history(chat, m.subList(11, 12), id(m, 10), false), alices.next());
            alices.send(Map.of("type", "catch_up"));
            assertEquals(WsFrames.history(chat, List.of(), id(m, 11), false), alices.next());

            JsonNode live2 = send(bob, chat, "live 2");
            assertEquals(live2, alices.next());
            assertSilent(alices);
        }
    }

    /**
     * An after_id up to the socket's live start is taken as the page's lower bound (a client that
     * read some messages over HTTP meanwhile, or that asks for a page again), and paging without
     * an id continues from the page it got.
     */
    @Test
    void aCatchUpNamingAnIdBeforeTheLiveStartPagesOnFromThatId() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        for (int i = 0; i < 12; i++) {
            send(bob, chat, "m" + i);
        }
        List<JsonNode> m = history(alice, chat);

        try (SocketClient alices = chatSocket(server, alice, chat, "after_id=0&limit=2")) {
            assertEquals(WsFrames.history(chat, m.subList(0, 2), 0L, true), alices.next());
            // Read up to m7 elsewhere: go on from there.
            alices.send(catchUp(id(m, 7)));
            assertEquals(WsFrames.history(chat, m.subList(8, 12), id(m, 7), false), alices.next());
            // Asking again for an earlier stretch is answered, and paging on continues from it.
            alices.send(catchUp(id(m, 1)));
            assertEquals(WsFrames.history(chat, m.subList(2, 7), id(m, 1), true), alices.next());
            alices.send(Map.of("type", "catch_up"));
            assertEquals(WsFrames.history(chat, m.subList(7, 12), id(m, 6), false), alices.next());
            // The newest message at the socket's opening is the live start itself: nothing after it comes as a page.
            alices.send(catchUp(id(m, 11)));
            assertEquals(WsFrames.history(chat, List.of(), id(m, 11), false), alices.next());
            assertSilent(alices);
        }
    }

    /**
     * A client that follows docs/api.md to the letter while another member keeps posting: it
     * reconnects with after_id and a small limit and, while has_more is true, sends catch_up with
     * the newest id it has (often a live one, since live frames keep coming). It must end up with
     * every message after its after_id exactly once.
     */
    @Test
    void aClientCatchingUpWithTheNewestIdItHasWhileMessagesArriveGetsEachOnce() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long start = send(bob, chat, "start").get("id").asLong();
        for (int i = 0; i < 40; i++) {
            send(bob, chat, "missed " + i);
        }
        int liveCount = 60;
        List<Long> written = new CopyOnWriteArrayList<>();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (SocketClient socket = chatSocket(server, alice, chat, "after_id=" + start + "&limit=3")) {
            Future<?> writing = writer.submit(() -> {
                for (int i = 0; i < liveCount; i++) {
                    written.add(send(bob, chat, "live " + i).get("id").asLong());
                }
            });
            List<Long> received = new ArrayList<>();
            boolean paging = true;
            // The first catch_up waits for a live frame, so that "the newest id it has" is surely a live one once.
            boolean liveSeen = false;
            boolean catchUpOwed = false;
            while (paging || catchUpOwed) {
                JsonNode frame = nextOrReport(socket, alice, chat, start, received);
                if (frame.get("type").asText().equals("message")) {
                    received.add(frame.get("id").asLong());
                    liveSeen = true;
                } else {
                    assertEquals("history", frame.get("type").asText(), frame.toString());
                    list(frame.get("messages"))
                            .forEach(message -> received.add(message.get("id").asLong()));
                    paging = frame.get("has_more").asBoolean();
                    catchUpOwed = paging;
                }
                if (catchUpOwed && liveSeen) {
                    socket.send(catchUp(
                            received.stream().mapToLong(Long::longValue).max().orElseThrow()));
                    catchUpOwed = false;
                }
            }
            writing.get(30, TimeUnit.SECONDS);
            long newest = written.getLast();
            while (received.stream().mapToLong(Long::longValue).max().orElse(0) < newest) {
                received.add(nextOrReport(socket, alice, chat, start, received)
                        .get("id")
                        .asLong());
            }
            received.sort(null);
            assertSilent(socket);
            List<Long> stored = idsOf(history(alice, chat)).stream()
                    .filter(id -> id > start)
                    .toList();
            assertEquals(
                    stored,
                    received,
                    "received (sorted) vs stored: missing " + missing(stored, received)
                            + ", repeated ones make the lists differ in length");
        } finally {
            writer.shutdownNow();
        }
    }

    /** The next frame; if none comes, fails naming the messages after {@code start} the client never got. */
    private static JsonNode nextOrReport(
            SocketClient socket, TestUser reader, long chat, long start, List<Long> received) {
        try {
            return socket.next();
        } catch (AssertionError quiet) {
            List<Long> stored = idsOf(history(reader, chat)).stream()
                    .filter(id -> id > start)
                    .toList();
            List<Long> lost = missing(stored, received);
            throw new AssertionError(
                    "the socket went quiet with " + lost.size() + " messages never delivered: " + lost, quiet);
        }
    }

    private static List<Long> missing(List<Long> expected, List<Long> actual) {
        return expected.stream().filter(id -> !actual.contains(id)).toList();
    }

    private static long id(List<JsonNode> messages, int index) {
        return messages.get(index).get("id").asLong();
    }
}
