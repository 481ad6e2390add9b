package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.event.ChatUpdatedEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an open chat's header shows, and how it follows its group's changes. */
class ChatHeaderViewModelTest {

    private static ChatRoom room(long id, String name, ChatType type, UserRef other) {
        return new ChatRoom(id, "u-" + id, name, type, "room", other, null, 0);
    }

    @Test
    void aPrivateChatShowsTheOtherPersonsNameAndPhoto() {
        var header = new ChatHeaderViewModel(room(7, "Boris", ChatType.PRIVATE, UserRef.of(42, "Boris", "boris")));

        assertEquals(
                List.of("Boris", "/api/v1/user/42/photo", false),
                Arrays.asList(
                        header.titleProperty().get(), header.photoUrlProperty().get(), header.isGroup()));
    }

    @Test
    void aGroupFollowsItsOwnChatUpdatedOnly() {
        var header = new ChatHeaderViewModel(room(9, "Readers", ChatType.GROUP, null));
        assertEquals("/api/v1/group/9/photo", header.photoUrlProperty().get());

        header.apply(ChatUpdatedEvent.of(10, "Another group", "", null, 1L));
        assertEquals(
                List.of("Readers", 0),
                List.of(
                        header.titleProperty().get(),
                        header.photoRevisionProperty().get()));

        header.apply(ChatUpdatedEvent.of(9, "Night readers", "", null, 1L));
        assertEquals(
                Arrays.asList("Night readers", null, 1),
                Arrays.asList(
                        header.titleProperty().get(),
                        header.photoUrlProperty().get(),
                        header.photoRevisionProperty().get()));
    }
}
