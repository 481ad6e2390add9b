package app.parley.server.invites;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.privateChat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.model.common.IdRef;
import app.parley.model.invite.InviteRequest;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.ChatService;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.GoneException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may invite, revoke and join is decided by {@link InviteService} (and who acts by
 * {@link AccountService#requireSelf}), so the canonical API and seed 000's RPC endpoints get the
 * same answers.
 */
class InviteServiceAuthorizationTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static InviteService invites;
    private static ChatService chats;
    private static AccountService accounts;
    private static TestUser owner;
    private static TestUser member;
    private static TestUser outsider;
    private static long group;

    @BeforeAll
    static void aGroupWithAnOwnerAMemberAndAnOutsider() {
        invites = server.bean(InviteService.class);
        chats = server.bean(ChatService.class);
        accounts = server.bean(AccountService.class);
        owner = server.register("owner");
        member = server.register("member");
        outsider = server.register("outsider");
        group = group(owner, member);
    }

    @Test
    void anOutsiderCannotInviteToTheGroup() {
        var refused = assertThrows(ForbiddenException.class, () -> invites.create(outsider.id(), group, null));

        assertEquals("not_a_member", refused.code());
    }

    @Test
    void aPrivateChatCannotBeInvitedTo() {
        long chat = privateChat(owner, member);

        var refused = assertThrows(InvalidInputException.class, () -> invites.create(owner.id(), chat, null));

        assertEquals("chat_id", refused.field());
    }

    @Test
    void onlyTheMakerOrTheOwnerRevokesAndTheOwnerCan() {
        InviteDetails made = invites.create(member.id(), group, new InviteRequest(null, null, 5));
        TestUser other = server.register("other");
        invites.accept(other.id(), made.invite().token(), ClientAddress.LOCAL);

        var refused = assertThrows(
                ForbiddenException.class,
                () -> invites.revoke(other.id(), new IdRef.Numeric(made.invite().id())));
        InviteDetails revoked =
                invites.revoke(owner.id(), new IdRef.Numeric(made.invite().id()));

        assertEquals("not_the_inviter", refused.code());
        assertEquals(InviteState.REVOKED, revoked.state());
        TestUser late = server.register("late");
        assertThrows(
                GoneException.class,
                () -> invites.accept(late.id(), made.invite().token(), ClientAddress.LOCAL));
        assertFalse(chats.isMember(group, late.id()));
    }

    @Test
    void acceptingAddsTheCallerOnceAndCountsOneUse() {
        InviteDetails made = invites.create(owner.id(), group, new InviteRequest(null, null, 2));
        TestUser joiner = server.register("joiner");

        Accepted first = invites.accept(joiner.id(), made.invite().token(), ClientAddress.LOCAL);
        Accepted second = invites.accept(joiner.id(), made.invite().token(), ClientAddress.LOCAL);

        assertTrue(first.joined());
        assertFalse(second.joined());
        assertTrue(chats.isMember(group, joiner.id()));
        assertEquals(
                1,
                invites.listForChat(owner.id(), group).stream()
                        .filter(listed ->
                                listed.invite().id().equals(made.invite().id()))
                        .findFirst()
                        .orElseThrow()
                        .invite()
                        .uses());
    }

    @Test
    void nobodyActsInAnothersName() {
        var refused = assertThrows(
                ForbiddenException.class, () -> accounts.requireSelf(outsider.id(), owner.uuid(), "user_id"));

        assertEquals("not_the_caller", refused.code());
        assertEquals(
                outsider.id(),
                accounts.requireSelf(outsider.id(), outsider.id(), "user_id").id());
        assertEquals(
                outsider.id(),
                accounts.requireSelf(outsider.id(), null, "user_id").id());
    }
}
