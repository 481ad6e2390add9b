package app.parley.desktop.conversation;

import app.parley.desktop.chats.AvatarPhotos;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.presence.PresenceBook;
import app.parley.desktop.presence.PresenceText;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.event.ChatUpdatedEvent;
import app.parley.model.event.ServerEvent;
import app.parley.model.presence.PresenceStatus;
import app.parley.model.presence.UserPresence;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * What an open chat's header shows: its name and picture, as they are now, and in a private chat
 * the other person's presence ("online", "last seen 5 minutes ago"). A group renamed or given a
 * new photo while open updates here from the main socket's {@code chat_updated}.
 */
public final class ChatHeaderViewModel {
    private final ChatRoom chat;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper photoUrl = new ReadOnlyStringWrapper(this, "photoUrl");
    private final ReadOnlyIntegerWrapper photoRevision = new ReadOnlyIntegerWrapper(this, "photoRevision", 0);
    private final ObjectBinding<UserPresence> person;
    private final ObservableValue<String> presenceLine;

    /** A header without presence (a group, or where nobody's presence is known). */
    public ChatHeaderViewModel(ChatRoom chat) {
        this(chat, null, null);
    }

    public ChatHeaderViewModel(ChatRoom chat, PresenceBook presence, PresenceText presenceText) {
        this.chat = chat;
        title.set(chat.name());
        photoUrl.set(AvatarPhotos.of(chat));
        long other = chat.type() == ChatType.PRIVATE && chat.otherUser() != null ? UserIds.idOf(chat.otherUser()) : 0;
        if (presence == null || other == 0) {
            this.person = Bindings.createObjectBinding(() -> null);
            this.presenceLine = new ReadOnlyStringWrapper(null);
        } else {
            this.person = Bindings.valueAt(presence.known(), other);
            this.presenceLine =
                    Bindings.createStringBinding(() -> presenceText.of(person.get()), person, presence.tickProperty());
        }
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

    /** The other person's presence in a private chat; null in a group or while unknown. */
    public ObservableValue<PresenceStatus> presenceProperty() {
        return person.map(UserPresence::status);
    }

    /** "online", "away", "last seen …" in a private chat; null in a group or while unknown. */
    public ObservableValue<String> presenceLineProperty() {
        return presenceLine;
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
