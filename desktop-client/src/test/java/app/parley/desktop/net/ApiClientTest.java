package app.parley.desktop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.support.TestServer;
import app.parley.model.ParleyJson;
import app.parley.model.account.UserRef;
import app.parley.model.invite.Invite;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real server, and against things that are not one. */
class ApiClientTest {
    @TempDir
    static Path data;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void registersSignsInAndSeesItself() {
        var registered = server.client().register("vera", "correct horse battery", "Вера");
        var signedIn = server.client().login("VERA", "correct horse battery");

        var me = server.client().signedIn(signedIn.accessToken()).me();
        assertEquals(List.of("vera", "Вера"), List.of(me.username(), me.name()));
        assertEquals(registered.user().id(), me.id());
    }

    @Test
    void aWrongPasswordIsARefusalWithItsCode() {
        server.client().register("gleb", "correct horse battery", null);

        var refused = assertThrows(ApiException.class, () -> server.client().login("gleb", "wrong password"));
        assertEquals(List.of(401, "invalid_credentials"), List.of(refused.status(), refused.code()));
        assertTrue(!refused.sessionEnded());
    }

    @Test
    void aBadInputNamesItsField() {
        var refused = assertThrows(ApiException.class, () -> server.client().register("ok_name", "short", null));
        assertEquals(List.of(400, "password"), List.of(refused.status(), refused.field()));
    }

    @Test
    void aForgedTokenEndsTheSession() {
        var refused = assertThrows(
                ApiException.class, () -> server.client().signedIn("a.b.c").chats());
        assertTrue(refused.sessionEnded(), refused.code());
    }

    @Test
    void messagesSentTwiceWithOneClientIdAreStoredOnce() {
        var dina = server.register("dina", "Dina");
        var egor = server.register("egor", "Egor");
        var chat = dina.openPrivateChat(egor.me().id());

        var first = dina.send(chat.id(), "hello", "same-id", List.of());
        var again = dina.send(chat.id(), "hello", "same-id", List.of());

        assertEquals(first.id(), again.id());
        assertEquals(1, egor.history(chat.id(), null, 50).results().size());
        assertEquals(1, egor.chats().getFirst().unreadCount());
    }

    @Test
    void readPositionsShowHowFarEachMemberHasRead() {
        var irina = server.register("irina", "Ирина");
        var yuri = server.register("yuri", "Yuri");
        var chat = irina.openPrivateChat(yuri.me().id());
        var first = irina.send(chat.id(), "раз", null, List.of());
        irina.send(chat.id(), "два", null, List.of());

        yuri.markRead(chat.id(), first.id());

        var positions = irina.readPositions(chat.id());
        assertEquals(chat.id(), positions.chatId());
        assertEquals(
                List.of("irina", "yuri"),
                positions.positions().stream().map(p -> p.user().username()).toList());
        assertEquals(
                List.of("Ирина", "Yuri"),
                positions.positions().stream().map(p -> p.user().name()).toList());
        assertEquals(first.id(), positions.positions().get(1).lastReadMessageId());
    }

    @Test
    void findsPeopleByTheStartOfTheirUsernameOrNameAndCreatesAGroupWithThem() {
        var olga = server.register("olga", "Olga");
        server.register("oleg", "Oleg");
        server.register("pavel", "Pavel");

        var found = olga.searchUsers("ole", 10);
        assertEquals(
                List.of("oleg"), found.stream().map(user -> user.username()).toList());

        server.register("nastya", "Анастасия Волкова");
        assertEquals(
                List.of("nastya"),
                olga.searchUsers("волк", 10).stream()
                        .map(user -> user.username())
                        .toList());

        var group =
                olga.createGroup("Ольгина группа", "", List.of(found.getFirst().id()));
        assertEquals("Ольгина группа", olga.chatInfo(group.id()).name());
    }

    @Test
    void theOwnerAddsAndRemovesMembersAndOthersAreRefused() {
        var owner = server.register("gowner", "Group Owner");
        var ivan = server.register("givan", "Иван");
        var jana = server.register("gjana", "Jana");
        var group = owner.createGroup("Members", "", List.of(ivan.me().id()));

        owner.addMembers(group.id(), List.of(jana.me().id()));
        assertEquals(
                List.of("givan", "gjana", "gowner"),
                usernames(ivan.groupMembers(group.id()).users()));

        owner.removeMembers(group.id(), List.of(jana.me().id()));
        assertEquals(
                List.of("givan", "gowner"),
                usernames(owner.groupMembers(group.id()).users()));

        var notOwner = assertThrows(
                ApiException.class,
                () -> ivan.addMembers(group.id(), List.of(jana.me().id())));
        assertEquals(List.of(403, "not_the_owner"), List.of(notOwner.status(), notOwner.code()));
        var removingSelf = assertThrows(
                ApiException.class,
                () -> owner.removeMembers(group.id(), List.of(owner.me().id())));
        assertEquals(400, removingSelf.status());
        var memberLeaving = assertThrows(
                ApiException.class,
                () -> ivan.removeMembers(group.id(), List.of(ivan.me().id())));
        assertEquals(403, memberLeaving.status(), "the API has no way for a member to leave");
    }

    @Test
    void onlyTheOwnerDeletesAGroup() {
        var owner = server.register("downer", "Owner");
        var kira = server.register("dkira", "Kira");
        var group = owner.createGroup("Doomed", "", List.of(kira.me().id()));

        var refused = assertThrows(ApiException.class, () -> kira.deleteGroup(group.id()));
        assertEquals(List.of(403, "not_the_owner"), List.of(refused.status(), refused.code()));

        owner.deleteGroup(group.id());
        assertTrue(kira.chats().isEmpty());
    }

    @Test
    void aProfileChangesItsNameDescriptionAndPhoto() throws IOException {
        var lev = server.register("plev", "Lev");
        assertTrue(lev.me().photoUrl() == null);
        byte[] png = png();

        lev.updateProfile("Лев Толстой", "Пишу романы", new ApiClient.Photo("me.png", png));

        var me = lev.me();
        assertEquals(List.of("Лев Толстой", "Пишу романы"), List.of(me.name(), me.description()));
        byte[] stored = lev.photo(me.photoUrl()).orElseThrow();
        assertEquals(4, ImageIO.read(new java.io.ByteArrayInputStream(stored)).getWidth());
        var other = server.register("pmira", "Mira");
        assertTrue(other.photo("/api/v1/user/" + other.me().id() + "/photo").isEmpty());
        var refused = assertThrows(ApiException.class, () -> lev.updateProfile("bad\tname", null, null));
        assertEquals(List.of(400, "name"), List.of(refused.status(), refused.field()));
        assertArrayEquals(stored, lev.photo(me.photoUrl()).orElseThrow(), "a refused change keeps the photo");
    }

    @Test
    void anInviteIsMadePreviewedAcceptedListedAndRevoked() {
        var owner = server.register("iowner", "Owner");
        var nina = server.register("inina", "Nina");
        var oleg = server.register("ioleg", "Oleg");
        var group = owner.createGroup("Книжный клуб", "По средам", List.of());

        Invite invite = owner.createInvite(group.id(), 3600L, 1);
        assertEquals("parley://invite/" + invite.token(), invite.link());

        var preview = nina.previewInvite(invite.token());
        assertEquals(
                List.of("Книжный клуб", "По средам", 1, Invite.ACTIVE, false),
                List.of(
                        preview.chatName(),
                        preview.chatDescription(),
                        preview.memberCount(),
                        preview.state(),
                        preview.alreadyMember()));
        var accepted = nina.acceptInvite(invite.token());
        assertEquals(List.of(group.id(), true), List.of(accepted.chatId(), accepted.joined()));
        assertEquals(
                List.of(Invite.USED_UP),
                owner.invites(group.id()).stream().map(Invite::state).toList());

        var usedUp = assertThrows(ApiException.class, () -> oleg.acceptInvite(invite.token()));
        assertEquals(List.of(410, "invite_used_up"), List.of(usedUp.status(), usedUp.code()));

        Invite open = owner.createInvite(group.id(), null, null);
        owner.revokeInvite(open.id());
        var revoked = assertThrows(ApiException.class, () -> oleg.acceptInvite(open.token()));
        assertEquals(List.of(410, "invite_revoked"), List.of(revoked.status(), revoked.code()));
        var unknown = assertThrows(ApiException.class, () -> oleg.previewInvite("A".repeat(43)));
        assertEquals(List.of(404, "invite_not_found"), List.of(unknown.status(), unknown.code()));
        var notInviter = assertThrows(ApiException.class, () -> nina.revokeInvite(invite.id()));
        assertEquals(403, notInviter.status());
        assertFalse(oleg.chats().stream().anyMatch(chat -> chat.id() == group.id()));
    }

    private static List<String> usernames(List<UserRef> users) {
        return users.stream().map(UserRef::username).sorted().toList();
    }

    private static byte[] png() throws IOException {
        var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void nothingListeningIsUnreachable() {
        var nowhere = ApiClient.of(
                HttpClient.newHttpClient(),
                ParleyJson.mapper(),
                ServerAddress.parse("127.0.0.1:1").orElseThrow());

        assertThrows(ServerUnreachableException.class, nowhere::checkReachable);
    }

    @Test
    void aWebServerThatIsNotParleyIsSaidToBeSo() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            var client = ApiClient.of(
                    HttpClient.newHttpClient(),
                    ParleyJson.mapper(),
                    ServerAddress.parse("127.0.0.1:" + other.getAddress().getPort())
                            .orElseThrow());

            var problem = assertThrows(ServerUnreachableException.class, client::checkReachable);
            assertTrue(problem.getMessage().contains("Parley cannot read"), problem.getMessage());
        } finally {
            other.stop(0);
        }
    }
}
