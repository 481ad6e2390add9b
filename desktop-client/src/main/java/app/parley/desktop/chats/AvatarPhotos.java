package app.parley.desktop.chats;

import app.parley.desktop.app.Background;
import app.parley.desktop.net.ApiClient;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profile and group photos for avatars, fetched once per session through the signed-in client
 * (photos need the token, so {@link Image}'s own URL loading cannot fetch them) off the FX
 * thread, and kept, absent ones too, so that scrolling the chat list asks the server nothing.
 * Used on the FX thread only.
 */
public final class AvatarPhotos {
    private static final Logger LOG = LoggerFactory.getLogger(AvatarPhotos.class);

    private final ApiClient api;
    private final Background background;
    private final Map<String, Optional<Image>> loaded = new HashMap<>();
    private final Map<String, List<Consumer<Image>>> waiting = new HashMap<>();

    public AvatarPhotos(ApiClient api, Background background) {
        this.api = api;
        this.background = background;
    }

    public static String ofUser(long userId) {
        return "/api/v1/user/" + userId + "/photo";
    }

    public static String ofGroup(long groupId) {
        return "/api/v1/group/" + groupId + "/photo";
    }

    /** A chat's picture: the group's photo, or the other person's. */
    public static String of(ChatRoom chat) {
        if (chat.type() == ChatType.GROUP || chat.otherUser() == null) {
            return ofGroup(chat.id());
        }
        return ofUser(UserIds.idOf(chat.otherUser()));
    }

    /**
     * Whose colour a chat's initials take: the other person's in a private chat, so that a person
     * looks the same in the chat list, a conversation's header, a group's members and a search
     * for people; the group's own otherwise.
     */
    public static long colourOf(ChatRoom chat) {
        if (chat.type() == ChatType.GROUP || chat.otherUser() == null) {
            return chat.id();
        }
        return UserIds.idOf(chat.otherUser());
    }

    /** Calls {@code onPhoto} with the photo at {@code photoUrl} if there is one; never when there is none. */
    public void load(String photoUrl, Consumer<Image> onPhoto) {
        Optional<Image> known = loaded.get(photoUrl);
        if (known != null) {
            known.ifPresent(onPhoto);
            return;
        }
        List<Consumer<Image>> queue = waiting.get(photoUrl);
        if (queue != null) {
            queue.add(onPhoto);
            return;
        }
        queue = new ArrayList<>(List.of(onPhoto));
        waiting.put(photoUrl, queue);
        background.run(
                () -> api.photo(photoUrl).map(bytes -> new Image(new ByteArrayInputStream(bytes))),
                photo -> {
                    Optional<Image> usable = photo.filter(image -> !image.isError());
                    loaded.put(photoUrl, usable);
                    List<Consumer<Image>> callers = waiting.remove(photoUrl);
                    usable.ifPresent(image -> callers.forEach(caller -> caller.accept(image)));
                },
                failure -> {
                    // Initials stay; the next time the avatar is shown asks again.
                    waiting.remove(photoUrl);
                    LOG.debug("No photo from {}: {}", photoUrl, failure.getMessage());
                });
    }

    /** Forgets a photo that has changed (one's own, after editing the profile). */
    public void forget(String photoUrl) {
        loaded.remove(photoUrl);
    }
}
