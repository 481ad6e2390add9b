package app.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.model.ParleyJson;
import app.parley.model.account.AuthResponse;
import app.parley.model.account.UserProfile;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.common.ErrorBody;
import app.parley.model.event.ClientFrame;
import app.parley.model.event.HistoryEvent;
import app.parley.model.event.LastMessageEvent;
import app.parley.model.file.Attachment;
import app.parley.model.invite.Invite;
import app.parley.model.message.Message;
import app.parley.model.message.ReadPositions;
import app.parley.model.message.SendMessageRequest;
import app.parley.server.support.RunningServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server's own JSON mapper (application.yml's settings) and the model's
 * {@link ParleyJson#mapper()}, which the desktop client uses, write and read the model alike.
 */
class ModelJsonAgreementTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final Instant TIME = Instant.parse("2026-11-21T09:26:30.901Z");
    private static final UserRef ALICE = UserRef.of(1, "Alice", "alice");
    private static final Attachment PHOTO = new Attachment(
            3, "f-3", 2, "photo.png", 1234, "image/png", 640, 480, "/files/3", "/files/3/thumbnail", TIME);
    private static final Message MESSAGE =
            new Message(7, "m-7", 2, Message.TYPE_MESSAGE, "Привет", ALICE, TIME, "c-1", List.of(PHOTO), "alice-uuid");

    @Test
    void bothMappersWriteTheModelAlike() throws Exception {
        ObjectMapper serverJson = server.bean(ObjectMapper.class);
        ObjectMapper modelJson = ParleyJson.mapper();

        for (Object value : List.of(
                MESSAGE,
                new Message(8, "m-8", 2, Message.TYPE_MESSAGE, "plain", ALICE, TIME, null),
                new ChatRoom(2, "r-2", "Team", ChatType.GROUP, "group_2", null, MESSAGE, 4),
                LastMessageEvent.of(MESSAGE, 4),
                HistoryEvent.of(2, List.of(), null, false),
                AuthResponse.bearer("jwt", 60, new UserProfile(1, "u-1", "alice", "Alice", null, null, false, TIME)),
                new Invite(5, "i-5", "token", 2, "Team", ALICE, TIME, null, 10, 0, false, Invite.ACTIVE, "l", "w"),
                ErrorBody.of(400, "invalid_input", "users.id must be a positive integer or a UUID", "users.id"),
                new ReadPositions(2, List.of(new ReadPositions.Position(ALICE, 7, 9))),
                ClientFrame.markRead(2, 7L))) {
            assertEquals(serverJson.writeValueAsString(value), modelJson.writeValueAsString(value));
        }
    }

    @Test
    void bothMappersReadARequestAlike() throws Exception {
        String json = """
            {"text": "hi", "client_msg_id": "c-2", "attachments": [3, "0b7c1f5e-54a4-4c55-8d1c-3d1b0ab7b1a4", {"id": 4}, "x"]}
            """;

        assertEquals(
                ParleyJson.mapper().readValue(json, SendMessageRequest.class),
                server.bean(ObjectMapper.class).readValue(json, SendMessageRequest.class));
    }
}
