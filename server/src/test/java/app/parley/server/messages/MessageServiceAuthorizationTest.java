package app.parley.server.messages;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.historyTexts;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.sendAll;
import static app.parley.server.messages.Conversations.unread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.model.common.IdRef;
import app.parley.model.message.Message;
import app.parley.model.message.SendMessageRequest;
import app.parley.server.attachments.ChatFileService;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.files.Upload;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may do what is decided by {@link MessageService} itself, so every way in (any API
 * dialect, the realtime socket, the agent) gets the same answer.
 */
class MessageServiceAuthorizationTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static MessageService messages;
    private static TestUser alice;
    private static TestUser bob;
    private static TestUser outsider;
    private static long chat;
    private static long group;
    private static long alicesMessage;

    @BeforeAll
    static void twoMembersAndAnOutsider() {
        messages = server.bean(MessageService.class);
        alice = server.register("alice");
        bob = server.register("bob");
        outsider = server.register("outsider");
        chat = privateChat(alice, bob);
        group = group(alice, bob);
        alicesMessage = send(alice, chat, "alice wrote this").get("id").asLong();
    }

    private static HistoryQuery newestFifty() {
        return new HistoryQuery(50, 0, null, null, false);
    }

    @Test
    void anOutsiderCannotSendAndNothingIsStored() {
        var refused = assertThrows(
                ForbiddenException.class,
                () -> messages.send(outsider.id(), chat, new SendMessageRequest("sneaky", null)));

        assertEquals("not_a_member", refused.code());
        assertEquals(List.of("alice wrote this"), historyTexts(bob, chat));
    }

    @Test
    void anOutsiderCannotReadTheHistory() {
        var refused =
                assertThrows(ForbiddenException.class, () -> messages.history(outsider.id(), chat, newestFifty()));

        assertEquals("not_a_member", refused.code());
    }

    @Test
    void anOutsiderCannotSearch() {
        var refused = assertThrows(ForbiddenException.class, () -> messages.search(outsider.id(), chat, "alice", null));

        assertEquals("not_a_member", refused.code());
    }

    @Test
    void anOutsiderCannotMarkAChatRead() {
        var refused = assertThrows(ForbiddenException.class, () -> messages.markRead(outsider.id(), chat, null));

        assertEquals("not_a_member", refused.code());
    }

    @Test
    void anOutsiderCannotDeleteAMessage() {
        var refused = assertThrows(ForbiddenException.class, () -> messages.delete(outsider.id(), chat, alicesMessage));

        assertEquals("not_a_member", refused.code());
        assertEquals(List.of("alice wrote this"), historyTexts(bob, chat));
    }

    @Test
    void aMemberWhoIsNotTheAuthorCannotDeleteAMessage() {
        var refused = assertThrows(ForbiddenException.class, () -> messages.delete(bob.id(), chat, alicesMessage));

        assertEquals("not_the_author", refused.code());
        assertEquals(List.of("alice wrote this"), historyTexts(bob, chat));
    }

    @Test
    void aMessageCannotBeDeletedThroughAChatItDoesNotBelongTo() {
        // Alice is a member of the group and the author of the message, but it lives in the private chat.
        var refused = assertThrows(NotFoundException.class, () -> messages.delete(alice.id(), group, alicesMessage));

        assertEquals("message_not_found", refused.code());
        assertEquals(List.of("alice wrote this"), historyTexts(bob, chat));
    }

    /**
     * The outsider has chats of their own, and other people have chats with unread messages: a
     * count query that strays past the caller's own memberships (a join that fans out to other
     * chats, a subquery that keeps the other members' rows) shows here. An outsider with no chat
     * at all got an empty list whatever the query did with other people's rows.
     */
    @Test
    void theOutsidersUnreadCountsNeverIncludeOtherPeoplesChats() {
        TestUser carol = server.register("carol");
        long othersGroup = group(alice, bob);
        sendAll(bob, othersGroup, "unread by alice", "still unread by alice");
        long outsidersChat = privateChat(outsider, carol);
        sendAll(carol, outsidersChat, "one", "two", "three");
        long outsidersGroup = group(carol, outsider);
        send(outsider, outsidersGroup, "read by its author");

        assertEquals(
                List.of(
                        new UnreadRow(outsidersChat, "private", pairKey(outsider, carol), 3, 0),
                        new UnreadRow(outsidersGroup, "group", null, 0, 0)),
                messages.unreadCounts(outsider.id()));
    }

    /** How a private chat names its two members: {@code smaller id:larger id}. */
    private static String pairKey(TestUser a, TestUser b) {
        return Math.min(a.id(), b.id()) + ":" + Math.max(a.id(), b.id());
    }

    @Test
    void membersGetThroughTheSameService() {
        Message sent = messages.send(bob.id(), group, new SendMessageRequest("bob in the group", null))
                .message();

        assertEquals(List.of(sent), messages.history(alice.id(), group, newestFifty()));
        assertEquals(List.of(sent), messages.search(alice.id(), group, "group", null));
        assertEquals(1, unread(alice, group));
        assertEquals(0, messages.markRead(alice.id(), group, null).unreadCount());
        assertEquals(sent.id(), messages.delete(bob.id(), group, sent.id()).id());
        assertEquals(List.of(), messages.history(alice.id(), group, newestFifty()));
    }

    @Test
    void anOutsiderCannotOpenAChat() {
        var refused =
                assertThrows(ForbiddenException.class, () -> messages.open(outsider.id(), new IdRef.Numeric(chat)));

        assertEquals("not_a_member", refused.code());
    }

    @Test
    void openingAChatShowsItsNewestMessagesOldestFirstAndReadsThem() {
        TestUser ann = server.register("ann");
        TestUser ben = server.register("ben");
        long theirs = privateChat(ann, ben);
        send(ann, theirs, "one");
        send(ann, theirs, "two");

        OpenedChat opened = messages.open(ben.id(), new IdRef.Numeric(theirs));

        assertEquals(theirs, opened.chat().id());
        assertEquals(
                List.of("one", "two"),
                opened.messages().stream().map(Message::text).toList());
        assertEquals(2, opened.unreadBefore());
        assertEquals(0, unread(ben, theirs));
        assertEquals(0, messages.open(ben.id(), new IdRef.Numeric(theirs)).unreadBefore());
    }

    @Test
    void anOutsiderCannotPostAFileAndNothingIsStoredOrCounted() {
        ChatFileService files = server.bean(ChatFileService.class);
        long usedBefore = files.usage(outsider.id()).usedBytes();

        var refused = assertThrows(
                ForbiddenException.class,
                () -> messages.sendFile(outsider.id(), chat, upload("x.txt", "sneaky"), OptionalLong.empty()));

        assertEquals("not_a_member", refused.code());
        assertEquals(usedBefore, files.usage(outsider.id()).usedBytes());
        assertEquals(List.of("alice wrote this"), historyTexts(bob, chat));
    }

    @Test
    void aPostedFileArrivesAsAMessageThatCarriesIt() {
        TestUser ann = server.register("ann");
        TestUser ben = server.register("ben");
        long theirs = group(ann, ben);

        PostedFile posted =
                messages.sendFile(ben.id(), theirs, upload("notes.txt", "ben's notes"), OptionalLong.empty());

        assertEquals("", posted.message().text());
        assertEquals(
                List.of(posted.file().uuid()),
                posted.message().attachments().stream().map(a -> a.uuid()).toList());
        List<Message> history = messages.history(ann.id(), theirs, newestFifty());
        assertEquals(
                List.of(posted.message().id()),
                history.stream().map(Message::id).toList());
        assertEquals(
                List.of(posted.file().uuid()),
                history.getFirst().attachments().stream().map(a -> a.uuid()).toList());
    }

    static Upload upload(String name, String content) {
        return new Upload(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
