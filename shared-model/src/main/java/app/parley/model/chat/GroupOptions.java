package app.parley.model.chat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A group's options that its owner sets: {@code all_mentions} says who may mention everyone with
 * {@code @all}: {@value #MEMBERS} (anyone in the group), {@value #OWNER}, or {@value #OFF}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupOptions(String allMentions) {
    public static final String MEMBERS = "members";
    public static final String OWNER = "owner";
    public static final String OFF = "off";
}
