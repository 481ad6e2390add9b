package app.parley.model.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** Seed 002's {@code "type": "private|group"}. */
public enum ChatType {
    PRIVATE("private"),
    GROUP("group");

    private final String wireName;

    ChatType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static ChatType fromWireName(String name) {
        for (ChatType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown chat type: " + name);
    }
}
