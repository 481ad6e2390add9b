package app.parley.desktop.attachments;

import app.parley.desktop.app.Background;
import app.parley.desktop.net.ApiClient;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Images' thumbnails by file id, fetched with the session's token (an {@code ImageView} cannot
 * send one) off the FX thread and kept in memory, the least recently shown going first. Scrolling
 * back through a chat shows them at once instead of fetching them again. Used on the FX thread.
 */
public final class ThumbnailCache {
    /** A thumbnail fits 320 px: at most ~400 KB decoded, so this holds at most ~40 MB. */
    static final int CAPACITY = 100;

    private final ApiClient api;
    private final Background background;
    private final Map<Long, Image> images = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > CAPACITY;
        }
    };
    /** Those being fetched, with everyone waiting for them: one fetch per file however many cells ask. */
    private final Map<Long, List<Consumer<Image>>> waiting = new HashMap<>();

    public ThumbnailCache(ApiClient api, Background background) {
        this.api = api;
        this.background = background;
    }

    /** The thumbnail if it is at hand, else null. */
    public Image cached(long fileId) {
        return images.get(fileId);
    }

    /** Hands the thumbnail to {@code show} on the FX thread: at once when cached, else once fetched. */
    public void load(long fileId, Consumer<Image> show) {
        Image image = images.get(fileId);
        if (image != null) {
            show.accept(image);
            return;
        }
        List<Consumer<Image>> others = waiting.get(fileId);
        if (others != null) {
            others.add(show);
            return;
        }
        List<Consumer<Image>> waiters = new ArrayList<>();
        waiters.add(show);
        waiting.put(fileId, waiters);
        background.run(
                () -> new Image(new ByteArrayInputStream(api.thumbnail(fileId))),
                loaded -> {
                    waiting.remove(fileId);
                    if (!loaded.isError()) {
                        images.put(fileId, loaded);
                        waiters.forEach(waiter -> waiter.accept(loaded));
                    }
                },
                failure -> waiting.remove(fileId));
    }

    int size() {
        return images.size();
    }
}
