package app.parley.server.chats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.model.account.UserRef;
import app.parley.model.chat.GroupUpdate;
import app.parley.model.common.IdRef;
import app.parley.server.accounts.Account;
import app.parley.server.errors.ConflictException;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.files.FileService;
import app.parley.server.files.PreparedFile;
import app.parley.server.files.Upload;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Membership rules hold in {@link ChatService} and {@link GroupMembership} themselves, whoever
 * calls them: an HTTP controller, a seed dialect or a WebSocket endpoint cannot forget them.
 */
class ChatServiceAuthorizationTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private final ChatService chats = server.bean(ChatService.class);
    private final GroupMembership membership = server.bean(GroupMembership.class);

    @Test
    void onlyTheOwnerMayAddMembers() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser outsider = server.register("outsider");
        TestUser newcomer = server.register("newcomer");
        long groupId = group(owner, member);

        assertForbidden("not_the_owner", () -> membership.addMembers(member.id(), groupId, refs(newcomer)));
        assertForbidden("not_the_owner", () -> membership.addMembers(outsider.id(), groupId, refs(outsider)));
        assertForbidden("not_the_owner", () -> membership.addMembers(member.id(), groupId, List.of()));

        assertEquals(List.of(owner.id(), member.id()), chats.memberIds(groupId));
        assertEquals(List.of(newcomer.id()), membership.addMembers(owner.id(), groupId, refs(newcomer)));
        assertEquals(List.of(owner.id(), member.id(), newcomer.id()), chats.memberIds(groupId));
    }

    @Test
    void onlyTheOwnerMayRemoveMembers() {
        TestUser owner = server.register("owner");
        TestUser ada = server.register("ada");
        TestUser bo = server.register("bo");
        TestUser outsider = server.register("outsider");
        long groupId = group(owner, ada, bo);

        assertForbidden("not_the_owner", () -> membership.removeMembers(ada.id(), groupId, refs(bo)));
        assertForbidden("not_the_owner", () -> membership.removeMembers(ada.id(), groupId, refs(ada)));
        assertForbidden("not_the_owner", () -> membership.removeMembers(ada.id(), groupId, refs(owner)));
        assertForbidden("not_the_owner", () -> membership.removeMembers(outsider.id(), groupId, refs(ada)));

        assertEquals(List.of(owner.id(), ada.id(), bo.id()), chats.memberIds(groupId));
        assertEquals(List.of(bo.id()), membership.removeMembers(owner.id(), groupId, refs(bo)));
        assertEquals(List.of(owner.id(), ada.id()), chats.memberIds(groupId));
    }

    @Test
    void onlyTheOwnerMayDeleteAGroup() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser outsider = server.register("outsider");
        long groupId = group(owner, member);

        assertForbidden("not_the_owner", () -> chats.delete(member.id(), groupId));
        assertForbidden("not_a_member", () -> chats.delete(outsider.id(), groupId));
        assertForbidden("not_the_owner", () -> chats.deleteGroup(member.id(), groupId));
        assertForbidden("not_a_member", () -> chats.deleteGroup(outsider.id(), groupId));

        assertEquals(List.of(owner.id(), member.id()), chats.memberIds(groupId));
        chats.deleteGroup(owner.id(), groupId);
        assertThrows(NotFoundException.class, () -> chats.get(new IdRef.Numeric(groupId)));
    }

    @Test
    void onlyTheOwnerMayChangeAGroupsDetailsPhotoOrOwner() {
        GroupSettings settings = server.bean(GroupSettings.class);
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser outsider = server.register("outsider");
        long groupId = group(owner, member);

        assertForbidden("not_the_owner", () -> settings.update(member.id(), groupId, new GroupUpdate("Taken", null)));
        assertForbidden("not_the_owner", () -> settings.update(outsider.id(), groupId, new GroupUpdate("Taken", null)));
        assertForbidden("not_the_owner", () -> settings.removePhoto(member.id(), groupId));
        assertForbidden("not_the_owner", () -> settings.setPhoto(member.id(), groupId, null));
        assertForbidden(
                "not_the_owner",
                () -> membership.transferOwnership(member.id(), groupId, new IdRef.Numeric(member.id())));

        Chat group = chats.get(new IdRef.Numeric(groupId));
        assertEquals("group of " + owner.username(), group.name());
        assertEquals(owner.id(), group.ownerId());
    }

    @Test
    void onlyMembersMayLeaveAndTheOwnerOnlyWhenAlone() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser outsider = server.register("outsider");
        long groupId = group(owner, member);

        assertForbidden("not_a_member", () -> membership.leave(outsider.id(), groupId));
        ConflictException refused = assertThrows(ConflictException.class, () -> membership.leave(owner.id(), groupId));
        assertEquals("owner_cannot_leave", refused.code());
        assertEquals(List.of(owner.id(), member.id()), chats.memberIds(groupId));

        assertEquals(false, membership.leave(member.id(), groupId));
        assertEquals(true, membership.leave(owner.id(), groupId));
        assertThrows(NotFoundException.class, () -> chats.get(new IdRef.Numeric(groupId)));
    }

    @Test
    void onlyItsTwoMembersMayDeleteAPrivateChatAndEitherOfThemMay() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser outsider = server.register("outsider");
        long chatId = chats.getOrCreatePrivate(alice.id(), new IdRef.Numeric(bob.id()))
                .chat()
                .id();

        assertForbidden("not_a_member", () -> chats.delete(outsider.id(), chatId));
        assertEquals(List.of(alice.id(), bob.id()), chats.memberIds(chatId));

        chats.delete(bob.id(), chatId);
        assertThrows(NotFoundException.class, () -> chats.get(new IdRef.Numeric(chatId)));
    }

    @Test
    void theGroupDeletionDoesNotTouchAPrivateChat() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chatId = chats.getOrCreatePrivate(alice.id(), new IdRef.Numeric(bob.id()))
                .chat()
                .id();

        NotFoundException refused = assertThrows(NotFoundException.class, () -> chats.deleteGroup(alice.id(), chatId));

        assertEquals("group_not_found", refused.code());
        assertEquals(List.of(alice.id(), bob.id()), chats.memberIds(chatId));
    }

    @Test
    void onlyMembersMaySeeWhoIsInAChat() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser outsider = server.register("outsider");
        long groupId = group(owner, member);
        long privateId = chats.getOrCreatePrivate(owner.id(), new IdRef.Numeric(member.id()))
                .chat()
                .id();

        assertForbidden("not_a_member", () -> chats.memberAccounts(outsider.id(), groupId));
        assertForbidden("not_a_member", () -> chats.memberAccounts(outsider.id(), privateId));

        assertEquals(
                List.of(owner.id(), member.id()),
                chats.memberAccounts(member.id(), groupId).stream()
                        .map(Account::id)
                        .toList());
        assertEquals(
                List.of(owner.id(), member.id()),
                chats.memberAccounts(member.id(), privateId).stream()
                        .map(Account::id)
                        .toList());
    }

    @Test
    void onlyMembersPassTheMembershipCheckOrSeeTheChatAsARoom() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser outsider = server.register("outsider");
        long groupId = group(owner, member);

        assertForbidden("not_a_member", () -> chats.requireMember(groupId, outsider.id()));
        assertForbidden("not_a_member", () -> chats.room(outsider.id(), groupId));

        assertEquals(groupId, chats.requireMember(groupId, member.id()).id());
        assertEquals(groupId, chats.room(member.id(), groupId).chatId());
    }

    @Test
    void aRemovedMemberLosesAccessAtOnce() {
        TestUser owner = server.register("owner");
        TestUser leaver = server.register("leaver");
        long groupId = group(owner, leaver);

        membership.removeMembers(owner.id(), groupId, refs(leaver));

        assertForbidden("not_a_member", () -> chats.memberAccounts(leaver.id(), groupId));
        assertForbidden("not_a_member", () -> chats.requireMember(groupId, leaver.id()));
    }

    @Test
    void onlyMembersMayReadAGroupsPhotoByIdOrUuid() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser outsider = server.register("outsider");
        Chat group = chats.createGroup(owner.id(), "pictured", "", refs(member), photo());
        List<IdRef> references = List.of(new IdRef.Numeric(group.id()), new IdRef.Uuid(UUID.fromString(group.uuid())));

        for (IdRef reference : references) {
            assertForbidden("not_a_member", () -> chats.groupPhoto(outsider.id(), reference));
            assertEquals(
                    group.photoFileId(),
                    chats.groupPhoto(member.id(), reference).id());
            assertEquals(
                    group.photoFileId(), chats.groupPhoto(owner.id(), reference).id());
        }
    }

    @Test
    void aGroupWithoutAPhotoAndAPrivateChatHaveNoGroupPhoto() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long groupId = group(alice, bob);
        long privateId = chats.getOrCreatePrivate(alice.id(), new IdRef.Numeric(bob.id()))
                .chat()
                .id();

        assertNotFound("photo_not_found", () -> chats.groupPhoto(bob.id(), new IdRef.Numeric(groupId)));
        assertNotFound("group_not_found", () -> chats.groupPhoto(bob.id(), new IdRef.Numeric(privateId)));
    }

    @Test
    void requireMemberFindsTheChatByIdUuidOrRoomNameForMembersOnly() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser outsider = server.register("outsider");
        Chat chat = chats.getOrCreatePrivate(alice.id(), new IdRef.Numeric(bob.id()))
                .chat();
        List<String> references = List.of(String.valueOf(chat.id()), chat.uuid(), chat.roomName());

        for (String reference : references) {
            assertEquals(chat, chats.requireMember(reference, bob.id()), reference);
            assertForbidden("not_a_member", () -> chats.requireMember(reference, outsider.id()));
        }
        for (IdRef reference : List.of(new IdRef.Numeric(chat.id()), new IdRef.Uuid(UUID.fromString(chat.uuid())))) {
            assertEquals(chat, chats.requireMember(reference, alice.id()));
            assertForbidden("not_a_member", () -> chats.requireMember(reference, outsider.id()));
        }
    }

    @Test
    void requireMemberSaysAChatThatDoesNotExistIsNotFound() {
        TestUser outsider = server.register("outsider");

        assertNotFound("chat_not_found", () -> chats.requireMember("999999", outsider.id()));
        assertNotFound(
                "chat_not_found", () -> chats.requireMember(UUID.randomUUID().toString(), outsider.id()));
        assertNotFound("chat_not_found", () -> chats.requireMember("group_999999", outsider.id()));
        assertNotFound("chat_not_found", () -> chats.requireMember(new IdRef.Numeric(999999), outsider.id()));
    }

    private long group(TestUser owner, TestUser... members) {
        return chats.createGroup(owner.id(), "group of " + owner.username(), "", refs(members), null)
                .id();
    }

    private static List<UserRef> refs(TestUser... users) {
        return Arrays.stream(users)
                .map(u -> UserRef.of(u.id(), u.username(), u.username()))
                .toList();
    }

    private static PreparedFile photo() {
        return server.bean(FileService.class)
                .preparePhoto(new Upload("cover.png", new ByteArrayInputStream(TestImages.png(7))), "photo");
    }

    private static void assertNotFound(String code, Executable call) {
        NotFoundException refused = assertThrows(NotFoundException.class, call);
        assertEquals(code, refused.code(), refused.getMessage());
    }

    private static void assertForbidden(String code, Executable call) {
        ForbiddenException refused = assertThrows(ForbiddenException.class, call);
        assertEquals(code, refused.code(), refused.getMessage());
    }
}
