package app.parley.server.messages;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.unread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.common.GroupCommit;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages sent at the same moment share one commit, and one refused among them fails alone. */
class GroupCommitTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void sendsArrivingTogetherShareCommitsAndARefusedOneFailsAlone() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser outsider = server.register("outsider");
        long chat = group(alice, bob);
        GroupCommit groupCommit = server.bean(GroupCommit.class);
        long transactionsBefore = groupCommit.transactionsCommitted();
        long writesBefore = groupCommit.writesCommitted();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Map<String, Integer> refused = new ConcurrentHashMap<>();

        try (SocketClient bobSocket = Sockets.openChat(server, bob, chat)) {
            SideBySide.allAtOnce(thread -> {
                ApiClient asAlice = alice.api().withToken(alice.api().token());
                ApiClient asOutsider = outsider.api().withToken(outsider.api().token());
                for (int i = 0; i < SideBySide.SENDS_PER_THREAD; i++) {
                    String text = "t" + thread + " #" + i;
                    ApiClient.Response response;
                    if (i % 10 == 3) {
                        response = asAlice.post(messagesPath(chat), Map.of("text", "   "));
                        refused.put(text + " blank", response.status());
                    } else if (i % 10 == 7) {
                        response = asOutsider.post(messagesPath(chat), Map.of("text", text + " outsider"));
                        refused.put(text + " outsider", response.status());
                    } else {
                        response = asAlice.post(messagesPath(chat), Map.of("text", text));
                        assertEquals(201, response.status(), response.body());
                        sent.add(text);
                    }
                }
            });

            refused.forEach((what, status) -> assertEquals(what.endsWith("blank") ? 400 : 403, status, what));
            assertEquals(SideBySide.THREADS * SideBySide.SENDS_PER_THREAD * 8 / 10, sent.size());
            List<String> stored =
                    history(bob, chat).stream().map(m -> m.get("text").asText()).toList();
            assertEquals(sent, Set.copyOf(stored));
            assertEquals(sent.size(), stored.size());
            assertEquals(sent.size(), unread(bob, chat));
            List<String> live = SideBySide.messageTexts(bobSocket, sent);
            assertEquals(sent.size(), live.size());
        }
        long transactions = groupCommit.transactionsCommitted() - transactionsBefore;
        long writes = groupCommit.writesCommitted() - writesBefore;
        assertEquals(sent.size(), writes, "every stored message was one committed write");
        assertTrue(
                transactions < writes,
                "messages sent side by side shared commits: " + writes + " in " + transactions + " transactions");
    }
}
