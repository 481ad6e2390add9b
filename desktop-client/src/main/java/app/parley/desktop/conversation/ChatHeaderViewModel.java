package app.parley.desktop.conversation;

import app.parley.desktop.chats.AvatarPhotos;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.event.ChatUpdatedEvent;
import app.parley.model.event.ServerEvent;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What an open chat's header shows: its name and picture, as they are now. A group renamed or
 * given a new photo while open updates here from the main socket's {@code chat_updated}.
 */
public final class ChatHeaderViewModel {
    private final ChatRoom chat;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper photoUrl = new ReadOnlyStringWrapper(this, "photoUrl");
    private final ReadOnlyIntegerWrapper photoRevision = new ReadOnlyIntegerWrapper(this, "photoRevision", 0);

    public ChatHeaderViewModel(ChatRoom chat) {
        this.chat = chat;
        title.set(chat.name());
        photoUrl.set(AvatarPhotos.of(chat));
    }

    public long chatId() {
        return chat.id();
    }

    public boolean isGroup() {
        return chat.type() == ChatType.GROUP;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Where the picture is; null when the group has none (then initials show). */
    public ReadOnlyStringProperty photoUrlProperty() {
        return photoUrl.getReadOnlyProperty();
    }

    /** Goes up when the picture may have changed behind the same URL, so it is fetched again. */
    public ReadOnlyIntegerProperty photoRevisionProperty() {
        return photoRevision.getReadOnlyProperty();
    }

    /** A frame from the main socket; only this chat's {@code chat_updated} matters here. On the FX thread. */
    public void apply(ServerEvent event) {
        if (event instanceof ChatUpdatedEvent updated && updated.chatId() == chat.id()) {
            title.set(updated.name());
            photoUrl.set(updated.photoUrl());
            photoRevision.set(photoRevision.get() + 1);
        }
    }
}
