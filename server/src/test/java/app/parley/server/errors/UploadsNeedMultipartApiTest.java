package app.parley.server.errors;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.privateChat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An upload without a multipart body is a clear 415, not the framework's internal error (found by the fuzz run). */
class UploadsNeedMultipartApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void anUploadWithAnotherBodyOrNoneIsUnsupportedMediaType() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = privateChat(anna, boris);
        String files = "/api/v1/chats/" + chat + "/files";

        assertError(anna.api().postEmpty(files), 415, "unsupported_media_type", null);
        assertError(anna.api().postRaw(files, "text/plain", "hello"), 415, "unsupported_media_type", null);
        assertError(anna.api().post(files, java.util.Map.of("file", "x")), 415, "unsupported_media_type", null);
        long group = app.parley.server.messages.Conversations.group(anna, boris);
        assertError(
                anna.api().put("/api/v1/group/" + group + "/photo", java.util.Map.of()),
                415,
                "unsupported_media_type",
                null);
        assertEquals(
                0, anna.api().get("/api/v1/storage").json().path("used_bytes").asLong(), "nothing stored");
    }
}
