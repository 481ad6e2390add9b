package app.parley.desktop.conversation;

import java.util.HashMap;
import java.util.Map;

/**
 * What the person had started to write in each chat, kept while they look at other chats (for
 * as long as they stay signed in). Used on the FX thread only.
 */
public final class Drafts {
    private final Map<Long, String> byChat = new HashMap<>();

    public String of(long chatId) {
        return byChat.getOrDefault(chatId, "");
    }

    public void keep(long chatId, String draft) {
        if (draft == null || draft.isEmpty()) {
            byChat.remove(chatId);
        } else {
            byChat.put(chatId, draft);
        }
    }
}
