package app.parley.desktop.chats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.support.TestServer;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatRoom;
import app.parley.model.event.ChatUpdatedEvent;
import app.parley.model.event.MembersChangedEvent;
import app.parley.model.event.MentionCountEvent;
import app.parley.model.event.ReadEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the chat list follows a group's changes and a leave, without the UI, against a real server. */
class ChatListViewModelTest {
    @TempDir
    Path serverData;

    private TestServer server;
    private ApiClient anna;
    private ApiClient boris;
    private long borisId;
    private long groupId;
    private ChatListViewModel list;
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void borisIsInAnnasGroup() {
        server = TestServer.start(serverData);
        anna = server.register("anna", "Anna");
        boris = server.register("boris", "Boris");
        borisId = boris.me().id();
        groupId = anna.createGroup("Readers", "", List.of(borisId)).id();
        list = new ChatListViewModel(
                boris,
                borisId,
                new Background(Runnable::run, Runnable::run),
                new ProblemText(Messages.forLocale(Locale.ENGLISH)),
                failure -> {},
                FXCollections.observableSet(),
                java.time.Clock.systemUTC());
        list.reload();
        list.setOnChatGone(chatId -> heard.add(
                "gone " + chatId + " while listed: " + list.find(chatId).isPresent()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRenamedGroupShowsItsNewNameAndKeepsItsPlace() {
        list.apply(ChatUpdatedEvent.of(
                groupId, "Night readers", "", null, anna.me().id()));

        assertEquals(
                List.of("Night readers"),
                list.visibleChats().stream().map(ChatRoom::name).toList());
        assertEquals(List.of(), heard);
    }

    @Test
    void mentionCountsFollowTheFramesThatCarryThem() {
        anna.send(groupId, "@boris please read", "a-1", List.of());
        list.reload();
        assertEquals(1, list.find(groupId).orElseThrow().mentionCount());

        list.apply(MentionCountEvent.of(groupId, 0));
        assertEquals(0, list.find(groupId).orElseThrow().mentionCount(), "an edit stopped mentioning Boris");

        list.apply(MentionCountEvent.of(groupId, 1));
        list.apply(ReadEvent.of(groupId, UserRef.of(borisId, "Boris", "boris"), 1, 0L));
        assertEquals(0, list.find(groupId).orElseThrow().mentionCount(), "his own read without a count leaves none");
    }

    @Test
    void leavingDropsTheChatAndSaysSoBeforeItGoes() {
        boris.leaveGroup(groupId);

        list.apply(MembersChangedEvent.removed(groupId, List.of(UserRef.of(borisId, "Boris", "boris"))));

        assertEquals(List.of(), list.visibleChats());
        assertEquals(List.of("gone " + groupId + " while listed: true"), heard);
    }

    @Test
    void someoneElseLeavingKeepsTheChat() {
        var carl = server.register("carl", "Carl");
        anna.addMembers(groupId, List.of(carl.me().id()));
        carl.leaveGroup(groupId);

        list.apply(MembersChangedEvent.removed(
                groupId, List.of(UserRef.of(carl.me().id(), "Carl", "carl"))));

        assertEquals(
                List.of(groupId), list.visibleChats().stream().map(ChatRoom::id).toList());
        assertEquals(List.of(), heard);
    }
}
