package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.JSON;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.json;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.unread;
import static app.parley.server.realtime.WsFrames.chatCreated;
import static app.parley.server.realtime.WsFrames.chatDeleted;
import static app.parley.server.realtime.WsFrames.chatSocket;
import static app.parley.server.realtime.WsFrames.lastMessage;
import static app.parley.server.realtime.WsFrames.membersChanged;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openChat;
import static app.parley.server.support.Sockets.openMain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What sockets hear when chats and their members change: members added or removed, chats
 * created or deleted, messages deleted. Each test checks every socket involved, including the
 * ones that must hear nothing.
 */
class MembershipEventsTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private record Group(long id, String uuid) {}

    private static Group createGroup(TestUser owner, String name, TestUser... members) {
        ApiClient.Response response = owner.api().post("/api/v1/group", Map.of("name", name, "users", refs(members)));
        assertEquals(200, response.status(), response.body());
        JsonNode group = response.json().get("group");
        return new Group(group.get("id").asLong(), group.get("uuid").asText());
    }

    private static List<Map<String, Object>> refs(TestUser... users) {
        return Arrays.stream(users)
                .map(u -> Map.<String, Object>of("id", u.id()))
                .toList();
    }

    private static String privateRoomName(TestUser a, TestUser b) {
        return "private_" + Math.min(a.id(), b.id()) + "_" + Math.max(a.id(), b.id());
    }

    private static JsonNode messageDeleted(JsonNode message) {
        return json(JSON.createObjectNode()
                .put("type", "message_deleted")
                .put("chat_id", message.get("chat_id").asLong())
                .put("message_id", message.get("id").asLong())
                .put("message_uuid", message.get("uuid").asText()));
    }

    /** The main socket's message_deleted: with the member's unread count and the chat's new last message, if any. */
    private static JsonNode messageDeleted(JsonNode message, long unreadCount, JsonNode newLast) {
        ObjectNode frame = (ObjectNode) messageDeleted(message).deepCopy();
        frame.put("unread_count", unreadCount);
        if (newLast != null) {
            frame.set("last_message", newLast);
        }
        return json(frame);
    }

    // --- members_added ------------------------------------------------------------------------------

    @Test
    void addingMembersTellsTheMembersAndGivesTheNewcomersTheChat() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser fay = server.register("fay");
        TestUser gus = server.register("gus");
        TestUser outsider = server.register("outsider");
        Group group = createGroup(owner, "Book club", member);
        try (SocketClient ownerChat = openChat(server, owner, group.id());
                SocketClient memberChat = openChat(server, member, group.id());
                SocketClient ownerMain = openMain(server, owner);
                SocketClient memberMain = openMain(server, member);
                SocketClient fayMain = openMain(server, fay);
                SocketClient gusMain = openMain(server, gus);
                SocketClient outsiderMain = openMain(server, outsider)) {

            ApiClient.Response added =
                    owner.api().post("/api/v1/group/" + group.id() + "/add", Map.of("users", refs(fay, gus)));
            assertEquals(200, added.status(), added.body());

            JsonNode membersAdded = membersChanged("members_added", group.id(), fay, gus);
            assertEquals(membersAdded, ownerChat.next());
            assertEquals(membersAdded, memberChat.next());
            assertEquals(membersAdded, ownerMain.next());
            assertEquals(membersAdded, memberMain.next());
            JsonNode created = chatCreated(group.id(), group.uuid(), "Book club", "group", "group_" + group.id());
            assertEquals(created, fayMain.next());
            assertEquals(created, gusMain.next());
            assertSilent(ownerChat, memberChat, ownerMain, memberMain, fayMain, gusMain, outsiderMain);

            // From now on the newcomers hear of the group's messages like everyone else.
            JsonNode hello = send(owner, group.id(), "welcome");
            assertEquals(hello, ownerChat.next());
            assertEquals(hello, memberChat.next());
            assertEquals(lastMessage(hello, 0), ownerMain.next());
            assertEquals(lastMessage(hello, 1), memberMain.next());
            assertEquals(lastMessage(hello, 1), fayMain.next());
            assertEquals(lastMessage(hello, 1), gusMain.next());
            assertSilent(ownerChat, memberChat, ownerMain, memberMain, fayMain, gusMain, outsiderMain);
        }
    }

    @Test
    void aRefusedAdditionAnnouncesNothing() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser newcomer = server.register("newcomer");
        Group group = createGroup(owner, "g", member);
        try (SocketClient ownerChat = openChat(server, owner, group.id());
                SocketClient ownerMain = openMain(server, owner);
                SocketClient memberMain = openMain(server, member);
                SocketClient newcomerMain = openMain(server, newcomer)) {
            // One existing member refuses the lot, newcomer included: nothing was stored, so nothing is told.
            ApiClient.Response refused =
                    owner.api().post("/api/v1/group/" + group.id() + "/add", Map.of("users", refs(newcomer, member)));
            assertEquals(409, refused.status(), refused.body());
            ApiClient.Response notOwner =
                    member.api().post("/api/v1/group/" + group.id() + "/add", Map.of("users", refs(newcomer)));
            assertEquals(403, notOwner.status(), notOwner.body());
            assertSilent(ownerChat, ownerMain, memberMain, newcomerMain);
        }
    }

    // --- members_removed ----------------------------------------------------------------------------

    private static void removeMember(TestUser owner, Group group, TestUser member) {
        ApiClient.Response removed =
                owner.api().delete("/api/v1/group/" + group.id() + "/delete", Map.of("users", refs(member)));
        assertEquals(200, removed.status(), removed.body());
    }

    @Test
    void removingAMemberTellsEveryoneAndClosesTheRemovedMembersSocketsOfThatGroupOnly() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        Group group = createGroup(owner, "g", bob, carol);
        long ownerAndBob = privateChat(owner, bob);
        SocketClient bobChat = openChat(server, bob, group.id());
        SocketClient bobOtherChat = openChat(server, bob, group.id());
        try (bobChat;
                bobOtherChat;
                SocketClient bobPrivate = openChat(server, bob, ownerAndBob);
                SocketClient ownerChat = openChat(server, owner, group.id());
                SocketClient carolChat = openChat(server, carol, group.id());
                SocketClient ownerMain = openMain(server, owner);
                SocketClient bobMain = openMain(server, bob);
                SocketClient carolMain = openMain(server, carol)) {

            removeMember(owner, group, bob);

            JsonNode membersRemoved = membersChanged("members_removed", group.id(), bob);
            for (SocketClient socket : List.of(bobChat, bobOtherChat)) {
                assertEquals(membersRemoved, socket.next());
                assertEquals(4403, socket.closeCode());
                assertEquals(List.of(), socket.drain());
            }
            assertEquals(membersRemoved, ownerChat.next());
            assertEquals(membersRemoved, carolChat.next());
            assertEquals(membersRemoved, ownerMain.next());
            assertEquals(membersRemoved, carolMain.next());
            assertEquals(membersRemoved, bobMain.next());
            assertSilent(ownerChat, carolChat, ownerMain, carolMain, bobMain, bobPrivate);
        }
    }

    @Test
    void aRemovedMemberHearsNothingMoreOfTheGroupButStillHearsTheirOtherChats() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        Group group = createGroup(owner, "g", bob, carol);
        long ownerAndBob = privateChat(owner, bob);
        try (SocketClient bobPrivate = openChat(server, bob, ownerAndBob);
                SocketClient ownerChat = openChat(server, owner, group.id());
                SocketClient carolChat = openChat(server, carol, group.id());
                SocketClient ownerMain = openMain(server, owner);
                SocketClient bobMain = openMain(server, bob);
                SocketClient carolMain = openMain(server, carol)) {
            removeMember(owner, group, bob);
            for (SocketClient socket : List.of(ownerChat, carolChat, ownerMain, carolMain, bobMain)) {
                socket.next("members_removed");
            }

            JsonNode after = send(owner, group.id(), "after bob left");
            assertEquals(after, ownerChat.next());
            assertEquals(after, carolChat.next());
            assertEquals(lastMessage(after, 0), ownerMain.next());
            assertEquals(lastMessage(after, 1), carolMain.next());
            assertSilent(ownerChat, carolChat, ownerMain, carolMain, bobMain, bobPrivate);

            JsonNode privately = send(owner, ownerAndBob, "still friends");
            assertEquals(privately, bobPrivate.next());
            assertEquals(lastMessage(privately, 1), bobMain.next());
            assertEquals(lastMessage(privately, 0), ownerMain.next());
        }
    }

    @Test
    void aRemovedMemberCannotOpenASocketOnTheGroupAgain() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        Group group = createGroup(owner, "g", bob);

        removeMember(owner, group, bob);

        try (SocketClient again = chatSocket(server, bob, group.id(), null)) {
            assertEquals(4403, again.closeCode());
            assertEquals(List.of(), again.drain());
        }
    }

    @Test
    void aMemberRemovedAndAddedAgainGetsTheChatAgainAndItsLiveFrames() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        Group group = createGroup(owner, "again", bob);
        String users = "/api/v1/group/" + group.id();
        try (SocketClient bobMain = openMain(server, bob)) {
            assertEquals(
                    200,
                    owner.api()
                            .delete(users + "/delete", Map.of("users", refs(bob)))
                            .status());
            assertEquals(membersChanged("members_removed", group.id(), bob), bobMain.next());
            assertEquals(
                    200,
                    owner.api().post(users + "/add", Map.of("users", refs(bob))).status());
            assertEquals(
                    chatCreated(group.id(), group.uuid(), "again", "group", "group_" + group.id()), bobMain.next());

            try (SocketClient bobChat = openChat(server, bob, group.id())) {
                JsonNode back = send(owner, group.id(), "welcome back");
                assertEquals(back, bobChat.next());
                assertEquals(lastMessage(back, 1), bobMain.next());
                assertSilent(bobChat, bobMain);
            }
        }
    }

    // --- chat_created -------------------------------------------------------------------------------

    @Test
    void aNewPrivateChatAppearsOnBothMainSocketsUnderTheOthersNameAndOnlyOnce() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser outsider = server.register("outsider");
        try (SocketClient aliceMain = openMain(server, alice);
                SocketClient aliceOtherMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob);
                SocketClient outsiderMain = openMain(server, outsider)) {

            ApiClient.Response created = alice.api().postEmpty("/api/v1/chat/" + bob.id());
            assertEquals(200, created.status(), created.body());
            long chatId = created.json().get("chat").get("id").asLong();
            String uuid = created.json().get("chat").get("uuid").asText();

            String roomName = privateRoomName(alice, bob);
            assertEquals(chatCreated(chatId, uuid, bob.username(), "private", roomName), aliceMain.next());
            assertEquals(chatCreated(chatId, uuid, bob.username(), "private", roomName), aliceOtherMain.next());
            assertEquals(chatCreated(chatId, uuid, alice.username(), "private", roomName), bobMain.next());

            // Asking for the same chat again, from either side, creates nothing and announces nothing.
            assertEquals(200, alice.api().postEmpty("/api/v1/chat/" + bob.id()).status());
            assertEquals(
                    200, bob.api().postEmpty("/api/v1/chat/" + alice.uuid()).status());
            assertSilent(aliceMain, aliceOtherMain, bobMain, outsiderMain);
        }
    }

    @Test
    void aNewGroupAppearsOnTheMainSocketsOfItsOwnerAndMembersOnly() {
        TestUser owner = server.register("owner");
        TestUser bea = server.register("bea");
        TestUser cal = server.register("cal");
        TestUser outsider = server.register("outsider");
        try (SocketClient ownerMain = openMain(server, owner);
                SocketClient beaMain = openMain(server, bea);
                SocketClient calMain = openMain(server, cal);
                SocketClient outsiderMain = openMain(server, outsider)) {

            Group group = createGroup(owner, "Climbers", bea, cal);

            JsonNode created = chatCreated(group.id(), group.uuid(), "Climbers", "group", "group_" + group.id());
            assertEquals(created, ownerMain.next());
            assertEquals(created, beaMain.next());
            assertEquals(created, calMain.next());
            assertSilent(ownerMain, beaMain, calMain, outsiderMain);
        }
    }

    // --- chat_deleted -------------------------------------------------------------------------------

    @Test
    void deletingAPrivateChatTellsBothMainSocketsAndClosesItsChatSockets() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long other = privateChat(alice, server.register("carol"));
        SocketClient aliceChat = openChat(server, alice, chat);
        SocketClient bobChat = openChat(server, bob, chat);
        try (aliceChat;
                bobChat;
                SocketClient aliceOther = openChat(server, alice, other);
                SocketClient aliceMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob)) {

            ApiClient.Response deleted = bob.api().delete("/api/v1/chats/" + chat + "/");
            assertEquals(200, deleted.status(), deleted.body());

            for (SocketClient socket : List.of(aliceChat, bobChat)) {
                assertEquals(chatDeleted(chat), socket.next());
                assertEquals(4410, socket.closeCode());
                assertEquals(List.of(), socket.drain());
            }
            assertEquals(chatDeleted(chat), aliceMain.next());
            assertEquals(chatDeleted(chat), bobMain.next());
            assertSilent(aliceMain, bobMain, aliceOther);

            // Alice's other chat socket is still open and live.
            JsonNode stillThere = send(alice, other, "still here");
            assertEquals(stillThere, aliceOther.next());
        }
    }

    @Test
    void deletingAGroupTellsEveryMemberAndClosesEveryChatSocketOfIt() {
        TestUser owner = server.register("owner");
        TestUser bea = server.register("bea");
        TestUser cal = server.register("cal");
        Group group = createGroup(owner, "doomed", bea, cal);
        send(bea, group.id(), "last words");
        SocketClient ownerChat = openChat(server, owner, group.id());
        SocketClient beaChat = openChat(server, bea, group.id());
        SocketClient beaGroupSocket = SocketClient.open(server, bea, "/api/v1/group/" + group.id());
        beaGroupSocket.next("history");
        try (ownerChat;
                beaChat;
                beaGroupSocket;
                SocketClient ownerMain = openMain(server, owner);
                SocketClient beaMain = openMain(server, bea);
                SocketClient calMain = openMain(server, cal)) {

            ApiClient.Response deleted = owner.api().delete("/api/v1/group/" + group.id());
            assertEquals(200, deleted.status(), deleted.body());

            for (SocketClient socket : List.of(ownerChat, beaChat, beaGroupSocket)) {
                assertEquals(chatDeleted(group.id()), socket.next());
                assertEquals(4410, socket.closeCode());
                assertEquals(List.of(), socket.drain());
            }
            for (SocketClient main : List.of(ownerMain, beaMain, calMain)) {
                assertEquals(chatDeleted(group.id()), main.next());
            }
            assertSilent(ownerMain, beaMain, calMain);

            // The chat is gone: a new socket is refused as not found.
            try (SocketClient again = chatSocket(server, owner, group.id(), null)) {
                assertEquals(4404, again.closeCode());
            }
        }
    }

    @Test
    void aRefusedDeletionAnnouncesNothingAndClosesNothing() {
        TestUser owner = server.register("owner");
        TestUser bea = server.register("bea");
        Group group = createGroup(owner, "kept", bea);
        try (SocketClient ownerChat = openChat(server, owner, group.id());
                SocketClient beaChat = openChat(server, bea, group.id());
                SocketClient ownerMain = openMain(server, owner);
                SocketClient beaMain = openMain(server, bea)) {
            assertEquals(403, bea.api().delete("/api/v1/group/" + group.id()).status());
            assertEquals(
                    403, bea.api().delete("/api/v1/chats/" + group.id() + "/").status());
            assertSilent(ownerChat, beaChat, ownerMain, beaMain);

            JsonNode still = send(bea, group.id(), "still open");
            assertEquals(still, ownerChat.next());
            assertEquals(still, beaChat.next());
        }
    }

    // --- message_deleted ----------------------------------------------------------------------------

    /**
     * A group of alice (its owner), bob and carol holding bob's first and second message and
     * carol's third. Alice has read up to the second; bob and carol have read what they sent.
     */
    private record ThreeMessages(
            Group group,
            TestUser alice,
            TestUser bob,
            TestUser carol,
            JsonNode first,
            JsonNode second,
            JsonNode third) {}

    private static ThreeMessages threeMessages() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        Group group = createGroup(alice, "g", bob, carol);
        JsonNode first = send(bob, group.id(), "first");
        JsonNode second = send(bob, group.id(), "second");
        JsonNode third = send(carol, group.id(), "third");
        assertEquals(
                200,
                alice.api()
                        .post(
                                "/api/v1/chats/" + group.id() + "/mark_read/",
                                Map.of("up_to_message_id", second.get("id").asLong()))
                        .status());
        assertEquals(1, unread(alice, group.id()));
        assertEquals(1, unread(bob, group.id()));
        assertEquals(0, unread(carol, group.id()));
        return new ThreeMessages(group, alice, bob, carol, first, second, third);
    }

    private static ApiClient.Response deleteMessage(TestUser caller, long chatId, String messageRef) {
        return caller.api().delete("/api/v1/chats/" + chatId + "/messages/" + messageRef + "/");
    }

    @Test
    void deletingTheNewestMessageGivesMainSocketsThePreviousOneAsLastMessageAndTheNewUnreadCount() {
        ThreeMessages chat = threeMessages();
        long group = chat.group().id();
        try (SocketClient aliceChat = openChat(server, chat.alice(), group);
                SocketClient bobChat = openChat(server, chat.bob(), group);
                SocketClient aliceMain = openMain(server, chat.alice());
                SocketClient bobMain = openMain(server, chat.bob());
                SocketClient carolMain = openMain(server, chat.carol())) {

            ApiClient.Response deleted =
                    deleteMessage(chat.carol(), group, chat.third().get("id").asText());

            assertEquals(200, deleted.status(), deleted.body());
            assertEquals(messageDeleted(chat.third()), aliceChat.next());
            assertEquals(messageDeleted(chat.third()), bobChat.next());
            // It was unread by alice and bob: now nobody has anything unread.
            assertEquals(messageDeleted(chat.third(), 0, chat.second()), aliceMain.next());
            assertEquals(messageDeleted(chat.third(), 0, chat.second()), bobMain.next());
            assertEquals(messageDeleted(chat.third(), 0, chat.second()), carolMain.next());
            assertSilent(aliceChat, bobChat, aliceMain, bobMain, carolMain);
            assertEquals(0, unread(chat.alice(), group));
        }
    }

    @Test
    void deletingAnOlderMessageKeepsTheLastMessageAndTheUnreadCountsOfThoseWhoHadReadIt() {
        ThreeMessages chat = threeMessages();
        long group = chat.group().id();
        try (SocketClient aliceChat = openChat(server, chat.alice(), group);
                SocketClient bobChat = openChat(server, chat.bob(), group);
                SocketClient aliceMain = openMain(server, chat.alice());
                SocketClient bobMain = openMain(server, chat.bob());
                SocketClient carolMain = openMain(server, chat.carol())) {

            ApiClient.Response deleted =
                    deleteMessage(chat.bob(), group, chat.first().get("uuid").asText());

            assertEquals(200, deleted.status(), deleted.body());
            assertEquals(messageDeleted(chat.first()), aliceChat.next());
            assertEquals(messageDeleted(chat.first()), bobChat.next());
            assertEquals(messageDeleted(chat.first(), 1, chat.third()), aliceMain.next());
            assertEquals(messageDeleted(chat.first(), 1, chat.third()), bobMain.next());
            assertEquals(messageDeleted(chat.first(), 0, chat.third()), carolMain.next());
            assertSilent(aliceChat, bobChat, aliceMain, bobMain, carolMain);
        }
    }

    @Test
    void deletingAChatsOnlyMessageGivesMainSocketsNoLastMessageAtAll() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        Group group = createGroup(alice, "g", bob);
        JsonNode only = send(bob, group.id(), "only");
        try (SocketClient aliceChat = openChat(server, alice, group.id());
                SocketClient bobChat = openChat(server, bob, group.id());
                SocketClient aliceMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob)) {

            ApiClient.Response deleted = bob.api()
                    .delete("/api/v1/chats/" + group.id() + "/messages/"
                            + only.get("id").asLong());

            assertEquals(200, deleted.status(), deleted.body());
            assertEquals(messageDeleted(only), aliceChat.next());
            assertEquals(messageDeleted(only), bobChat.next());
            assertEquals(messageDeleted(only, 0, null), aliceMain.next());
            assertEquals(messageDeleted(only, 0, null), bobMain.next());
            assertSilent(aliceChat, bobChat, aliceMain, bobMain);
            assertEquals(List.of(), history(alice, group.id()));
        }
    }

    @Test
    void aRefusedMessageDeletionTellsNobodyAnything() {
        ThreeMessages chat = threeMessages();
        long group = chat.group().id();
        try (SocketClient aliceChat = openChat(server, chat.alice(), group);
                SocketClient bobChat = openChat(server, chat.bob(), group);
                SocketClient aliceMain = openMain(server, chat.alice());
                SocketClient bobMain = openMain(server, chat.bob());
                SocketClient carolMain = openMain(server, chat.carol())) {

            // Alice owns the group but did not write carol's message.
            ApiClient.Response refused =
                    deleteMessage(chat.alice(), group, chat.third().get("id").asText());

            assertEquals(403, refused.status(), refused.body());
            assertSilent(aliceChat, bobChat, aliceMain, bobMain, carolMain);
            assertEquals(List.of(chat.first(), chat.second(), chat.third()), history(chat.alice(), group));
        }
    }

    @Test
    void deletingAnUnreadMessageLowersTheReadersUnreadCountOnTheirMainSocket() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        JsonNode one = send(bob, chat, "one");
        JsonNode two = send(bob, chat, "two");
        JsonNode three = send(bob, chat, "three");
        assertEquals(3, unread(alice, chat));
        try (SocketClient aliceMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob)) {
            assertEquals(
                    200,
                    bob.api()
                            .delete("/api/v1/chats/" + chat + "/messages/"
                                    + two.get("id").asLong() + "/")
                            .status());
            assertEquals(messageDeleted(two, 2, three), aliceMain.next());
            assertEquals(messageDeleted(two, 0, three), bobMain.next());
            assertEquals(
                    200,
                    bob.api()
                            .delete("/api/v1/chats/" + chat + "/messages/"
                                    + three.get("id").asLong() + "/")
                            .status());
            assertEquals(messageDeleted(three, 1, one), aliceMain.next());
            assertEquals(messageDeleted(three, 0, one), bobMain.next());
            assertSilent(aliceMain, bobMain);
            assertEquals(1, unread(alice, chat));
        }
    }
}
