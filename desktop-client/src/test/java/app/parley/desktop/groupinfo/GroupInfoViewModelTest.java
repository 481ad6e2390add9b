package app.parley.desktop.groupinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.Background;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.groupinfo.GroupInfoViewModel.Ending;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.support.TestServer;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatInfo;
import app.parley.model.event.ChatDeletedEvent;
import app.parley.model.event.ChatUpdatedEvent;
import app.parley.model.event.MembersChangedEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group info's rules against a real server, without the UI: work runs on the calling thread.
 * Anna owns a group with Boris in it.
 */
class GroupInfoViewModelTest {
    private static final Messages TEXT = Messages.forLocale(Locale.ENGLISH);

    @TempDir
    Path serverData;

    @TempDir
    Path files;

    private TestServer server;
    private ApiClient anna;
    private ApiClient boris;
    private long annaId;
    private long borisId;
    private long groupId;

    @BeforeEach
    void annaOwnsAGroupWithBoris() {
        server = TestServer.start(serverData);
        anna = server.register("anna", "Anna");
        boris = server.register("boris", "Boris");
        annaId = anna.me().id();
        borisId = boris.me().id();
        groupId = anna.createGroup("Readers", "", List.of(borisId)).id();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GroupInfoViewModel infoFor(ApiClient api, long myId) {
        var info = new GroupInfoViewModel(
                api,
                groupId,
                myId,
                new Background(Runnable::run, Runnable::run),
                new ProblemText(TEXT),
                Locale.ENGLISH);
        info.load();
        return info;
    }

    @Test
    void theOwnerIsToldWhyTheyCannotLeaveAndTheGroupStaysOpen() {
        var info = infoFor(anna, annaId);

        info.leave();

        assertEquals(
                TEXT.get("problem.code.owner_cannot_leave"),
                info.problemProperty().get());
        assertEquals(Ending.OPEN, info.endingProperty().get());
        assertEquals(2, anna.chatInfo(groupId).users().size());
    }

    @Test
    void aMemberWhoLeavesEndsItQuietlyEvenWhenTheirOwnFrameArrivesFirst() {
        var info = infoFor(boris, borisId);
        var meLeaving = MembersChangedEvent.removed(groupId, List.of(UserRef.of(borisId, "Boris", "boris")));

        info.leave();
        info.apply(meLeaving);

        assertEquals(Ending.BY_ME, info.endingProperty().get());
        assertEquals(
                List.of(annaId),
                anna.groupMembers(groupId).users().stream().map(UserIds::idOf).toList());
    }

    @Test
    void beingRemovedOrTheGroupDeletedByOthersEndsItWithAReason() {
        var removed = infoFor(boris, borisId);
        removed.apply(MembersChangedEvent.removed(groupId, List.of(UserRef.of(borisId, "Boris", "boris"))));
        assertEquals(Ending.REMOVED, removed.endingProperty().get());

        var deleted = infoFor(boris, borisId);
        deleted.apply(ChatDeletedEvent.of(groupId + 1000)); // another chat: nothing
        assertEquals(Ending.OPEN, deleted.endingProperty().get());
        deleted.apply(ChatDeletedEvent.of(groupId));
        assertEquals(Ending.DELETED, deleted.endingProperty().get());
    }

    @Test
    void aChatUpdatedFrameShowsTheNewNameAndOwnerAndAsksForThePhotoAgain() {
        var info = infoFor(boris, borisId);
        String photoUrl = "/api/v1/group/" + groupId + "/photo";

        info.apply(ChatUpdatedEvent.of(groupId, "Night readers", "new", photoUrl, borisId));

        ChatInfo shown = info.infoProperty().get();
        assertEquals(
                List.of("Night readers", "new", photoUrl),
                List.of(shown.name(), shown.description(), shown.photoUrl()));
        assertTrue(info.ownerProperty().get(), "Boris owns it now");
        assertEquals(1, info.photoRevisionProperty().get());
    }

    @Test
    void membersComingAndGoingAreReadAgain() {
        var info = infoFor(boris, borisId);
        var carl = server.register("carl", "Carl");
        anna.addMembers(groupId, List.of(carl.me().id()));

        info.apply(
                MembersChangedEvent.added(groupId, List.of(UserRef.of(carl.me().id(), "Carl", "carl"))));

        assertEquals(3, info.members().size());
    }

    @Test
    void theOwnerRenamesAndABadNameKeepsTheEditorOpenWithTheReason() {
        var info = infoFor(anna, annaId);

        info.startEditing();
        assertEquals("Readers", info.draftNameProperty().get());
        info.draftNameProperty().set("x".repeat(101));
        info.saveEditing();
        assertTrue(info.editingProperty().get());
        // In the app's language, by the field at fault (ProblemText), not the server's English.
        assertEquals(
                "The name must not be empty or too long, and may hold only visible characters.",
                info.problemProperty().get());
        assertEquals("Readers", anna.chatInfo(groupId).name());

        info.draftNameProperty().set("Читатели");
        info.draftDescriptionProperty().set("По четвергам");
        info.saveEditing();
        assertEquals(false, info.editingProperty().get());
        assertEquals("", info.problemProperty().get());
        assertEquals("Читатели", info.infoProperty().get().name());
        assertEquals("По четвергам", boris.chatInfo(groupId).description());
    }

    @Test
    void theOwnerSetsAndRemovesThePhotoAndHandsTheGroupOver() throws Exception {
        var info = infoFor(anna, annaId);
        Path picture = files.resolve("group.png");
        ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());

        info.choosePhoto(picture);
        assertNotNull(info.infoProperty().get().photoUrl());
        assertTrue(boris.photo(info.infoProperty().get().photoUrl()).isPresent());
        info.removePhoto();
        assertEquals(null, info.infoProperty().get().photoUrl());
        assertEquals(2, info.photoRevisionProperty().get());

        info.choosePhoto(Files.writeString(files.resolve("notes.png"), "not a picture"));
        assertTrue(!info.problemProperty().get().isEmpty(), "a file that is no picture is refused");

        info.makeOwner(info.members().stream()
                .filter(member -> !info.isOwner(member))
                .findFirst()
                .orElseThrow());
        assertEquals(false, info.ownerProperty().get());
        assertEquals(borisId, boris.chatInfo(groupId).ownerId());
    }
}
